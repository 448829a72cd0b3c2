package io.github.threatlint.core.api;

import java.util.List;

/**
 * A parameter definition (resolved) and the entry that named it (the {@code $ref} or the definition
 * itself).
 */
public record Parameter(NodeRef node, NodeRef entry, SpecVersion version) {

  public String name() {
    String name = node.text("name");
    return name == null ? "" : name;
  }

  /**
   * {@code path}, {@code query}, {@code header}, {@code cookie}; Swagger 2.0 also {@code body} and
   * {@code formData}.
   */
  public String in() {
    String in = node.text("in");
    return in == null ? "" : in;
  }

  public boolean required() {
    return node.isTrue("required");
  }

  /**
   * The schema that constrains the value: OAS 3 {@code schema} (or the schema of the first {@code
   * content} entry); Swagger 2.0 {@code schema} of a body parameter, or the parameter itself for
   * the others, which carry {@code type}, {@code format} and the validation keywords inline. Null
   * when there is none.
   */
  public NodeRef schema() {
    NodeRef schema = node.get("schema");
    if (schema != null) {
      return schema;
    }
    if (version.isSwagger2()) {
      return "body".equals(in()) ? null : node;
    }
    List<MediaType> content = MediaType.content(node.get("content"));
    return content.isEmpty() ? null : content.get(0).schema();
  }
}
