package io.github.threatlint.core.api;

import java.util.List;
import java.util.Objects;

/**
 * A parameter definition (resolved) and the entry that named it (the {@code $ref} or the definition
 * itself).
 *
 * <p>A class rather than a record, to keep its name and location as read once: rules ask every
 * operation's parameters for them again and again (the lookups were 35 samples per cold Kubernetes
 * run, 5 % of the walk's threads). Equal as the record it was: by its three parts.
 */
public final class Parameter {
  private final NodeRef node;
  private final NodeRef entry;
  private final SpecVersion version;
  private final String name;
  private final String in;

  /**
   * @param node the parameter's definition, resolved
   * @param entry the entry that named it: the {@code $ref}, or the definition itself
   * @param version the document's version
   */
  public Parameter(NodeRef node, NodeRef entry, SpecVersion version) {
    this.node = node;
    this.entry = entry;
    this.version = version;
    String writtenName = node.text("name");
    this.name = writtenName == null ? "" : writtenName;
    String writtenIn = node.text("in");
    this.in = writtenIn == null ? "" : writtenIn;
  }

  public NodeRef node() {
    return node;
  }

  public NodeRef entry() {
    return entry;
  }

  public SpecVersion version() {
    return version;
  }

  public String name() {
    return name;
  }

  /**
   * {@code path}, {@code query}, {@code header}, {@code cookie}; Swagger 2.0 also {@code body} and
   * {@code formData}.
   */
  public String in() {
    return in;
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

  @Override
  public boolean equals(Object other) {
    return other instanceof Parameter that
        && Objects.equals(node, that.node)
        && Objects.equals(entry, that.entry)
        && version == that.version;
  }

  @Override
  public int hashCode() {
    return (Objects.hashCode(node) * 31 + Objects.hashCode(entry)) * 31 + Objects.hashCode(version);
  }

  @Override
  public String toString() {
    return "Parameter[node=" + node + ", entry=" + entry + ", version=" + version + "]";
  }
}
