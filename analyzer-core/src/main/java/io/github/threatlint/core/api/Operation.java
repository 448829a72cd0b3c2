package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An operation (one HTTP method of a path item) with the facts rules ask about, each read from the
 * source tree: parameters (path-item ones merged in), request body, responses, effective security.
 */
public final class Operation {
  public static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Where the operation is declared: under paths, under 3.1 webhooks, or in a callback. */
  public enum Kind {
    PATH,
    WEBHOOK,
    CALLBACK
  }

  private final ApiDocument document;
  private final Kind kind;
  private final String path;
  private final String method;
  private final NodeRef pathItem;
  private final NodeRef node;
  private final Operation parent;

  /** Worked out once (rules on several threads may ask at once, see {@link ApiDocument}). */
  private final Once<List<Parameter>> parameters = new Once<>();

  private final Once<List<Response>> responses = new Once<>();

  private final Once<PathTemplate> pathTemplate = new Once<>();

  /**
   * Made on the first call and kept: rules put it in messages and findings name their operations by
   * it, 1.9 MB of a cold Stripe run's garbage when made on every call. A race makes the same string
   * twice, as {@link String#hashCode} does.
   */
  private String label;

  Operation(
      ApiDocument document,
      Kind kind,
      String path,
      String method,
      NodeRef pathItem,
      NodeRef node,
      Operation parent) {
    this.document = document;
    this.kind = kind;
    this.path = path;
    this.method = method;
    this.pathItem = pathItem;
    this.node = node;
    this.parent = parent;
  }

  public ApiDocument document() {
    return document;
  }

  public Kind kind() {
    return kind;
  }

  /** The path template (or webhook name, or callback expression). */
  public String path() {
    return path;
  }

  /** The path's segments, read once for all the rules that ask. */
  public PathTemplate pathTemplate() {
    return pathTemplate.get(this, operation -> PathTemplate.of(operation.path));
  }

  /** The method in lower case, as written in the document. */
  public String method() {
    return method;
  }

  public NodeRef pathItem() {
    return pathItem;
  }

  public NodeRef node() {
    return node;
  }

  /** For a callback, the operation that declares it; otherwise null. */
  public Operation parent() {
    return parent;
  }

  /** {@code GET /accounts/{id}}: how messages name the operation. */
  public String label() {
    String known = label;
    if (known == null) {
      String prefix = kind == Kind.WEBHOOK ? "webhook " : kind == Kind.CALLBACK ? "callback " : "";
      known = prefix + method.toUpperCase(Locale.ROOT) + " " + path;
      label = known;
    }
    return known;
  }

  public boolean isRead() {
    return method.equals("get") || method.equals("head") || method.equals("options");
  }

  public boolean isWrite() {
    return method.equals("post")
        || method.equals("put")
        || method.equals("patch")
        || method.equals("delete");
  }

  public String operationId() {
    return node.text("operationId");
  }

  public boolean isDeprecated() {
    return node.isTrue("deprecated");
  }

  public List<String> tags() {
    List<String> tags = new ArrayList<>();
    JsonNode array = node.node().get("tags");
    if (array != null && array.isArray()) {
      // a loop, not forEach with a lambda capturing the list (made at each call: see Once.get)
      for (JsonNode tag : array) {
        if (tag.isTextual()) {
          tags.add(tag.textValue());
        }
      }
    }
    return tags;
  }

  // ------------------------------------------------------------------ security

  /**
   * The security that applies: the operation's own {@code security}, else the document's, else the
   * authorization a documented vendor extension states ({@link
   * SecurityRequirements#VENDOR_CONVENTIONS}); null when there is none.
   */
  public SecurityRequirements security() {
    NodeRef own = node.get("security");
    if (own != null) {
      return new SecurityRequirements(own);
    }
    SecurityRequirements global = document.globalSecurity();
    return global != null ? global : SecurityRequirements.ofVendorExtension(node);
  }

  // ------------------------------------------------------------------ parameters

  /**
   * Parameters that apply, resolved: the operation's, plus the path item's that it does not
   * override (same name and location). Unresolvable references are left out.
   */
  public List<Parameter> parameters() {
    return parameters.get(this, Operation::findParameters);
  }

  private List<Parameter> findParameters() {
    Map<String, Parameter> byKey = new LinkedHashMap<>();
    addParameters(byKey, pathItem.get("parameters"));
    addParameters(byKey, node.get("parameters"));
    return List.copyOf(byKey.values());
  }

  private void addParameters(Map<String, Parameter> byKey, NodeRef list) {
    if (list == null) {
      return;
    }
    for (NodeRef entry : list.elements()) {
      NodeRef definition = document.deref(entry);
      if (definition == null || !definition.isObject()) {
        continue;
      }
      Parameter parameter = new Parameter(definition, entry, document.version());
      byKey.put(parameter.in() + ":" + parameter.name(), parameter);
    }
  }

  /**
   * Parameters sent in the given place ({@code path}, {@code query}, {@code header}, {@code
   * cookie}, ...).
   */
  public List<Parameter> parameters(String in) {
    List<Parameter> matching = new ArrayList<>();
    for (Parameter parameter : parameters()) {
      if (in.equals(parameter.in())) {
        matching.add(parameter);
      }
    }
    return matching;
  }

  /** The header parameter of that name (header names are case-insensitive), or null. */
  public Parameter header(String name) {
    for (Parameter parameter : parameters("header")) {
      if (parameter.name().equalsIgnoreCase(name)) {
        return parameter;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ request body

  /**
   * The request body's media types with their schemas: OAS 3 {@code requestBody.content}; Swagger
   * 2.0 the {@code in: body} parameter under each {@code consumes} type (operation, else document,
   * else application/json). Empty when there is no body.
   */
  public List<MediaType> requestContent() {
    if (document.isSwagger2()) {
      for (Parameter parameter : parameters()) {
        if ("body".equals(parameter.in())) {
          List<MediaType> types = new ArrayList<>();
          for (String type : swagger2MediaTypes("consumes")) {
            types.add(new MediaType(type, parameter.node(), parameter.node().get("schema")));
          }
          return types;
        }
      }
      return List.of();
    }
    NodeRef body = requestBody();
    return body == null ? List.of() : MediaType.content(body.get("content"));
  }

  /**
   * OAS 3: the resolved {@code requestBody}; Swagger 2.0: the {@code in: body} parameter. Null when
   * absent.
   */
  public NodeRef requestBody() {
    if (document.isSwagger2()) {
      for (Parameter parameter : parameters()) {
        if ("body".equals(parameter.in())) {
          return parameter.node();
        }
      }
      return null;
    }
    return document.deref(node.get("requestBody"));
  }

  /**
   * Where the request body is declared, unresolved, for a finding about the body as a whole: OAS 3
   * {@code requestBody}; Swagger 2.0 the entry of the first {@code body} or {@code formData}
   * parameter. Null when the operation takes no body.
   */
  public NodeRef requestBodyEntry() {
    if (document.isSwagger2()) {
      for (Parameter parameter : parameters()) {
        if (parameter.in().equals("body") || parameter.in().equals("formData")) {
          return parameter.entry();
        }
      }
      return null;
    }
    return node.get("requestBody");
  }

  /**
   * The entries of the operation's own Swagger 2.0 {@code schemes}, which override the document's;
   * empty for OAS 3, where an operation overrides {@code servers} instead (those are in {@link
   * ApiDocument#servers()}).
   */
  public List<NodeRef> schemes() {
    NodeRef schemes = document.isSwagger2() ? node.get("schemes") : null;
    return schemes == null ? List.of() : schemes.elements();
  }

  /** True when the operation takes a body (a request body, a 2.0 body parameter or form fields). */
  public boolean hasRequestBody() {
    return requestBody() != null || !parameters("formData").isEmpty();
  }

  /**
   * Swagger 2.0 {@code consumes}/{@code produces}: the operation's, else the document's;
   * application/json when neither lists any type.
   */
  public List<String> swagger2MediaTypes(String field) {
    JsonNode types = node.node().get(field);
    if (types == null) {
      types = document.root().node().get(field);
    }
    List<String> result = new ArrayList<>();
    if (types != null && types.isArray()) {
      // a loop, not forEach with a lambda capturing the list (made at each call: see Once.get);
      // Swagger 2.0's request and response content ask this for every body
      for (JsonNode type : types) {
        if (type.isTextual()) {
          result.add(type.textValue());
        }
      }
    }
    if (result.isEmpty()) {
      // absent or empty: the document leaves the media type open, and JSON is what it is read as
      result.add("application/json");
    }
    return result;
  }

  // ------------------------------------------------------------------ responses

  /** The documented responses, resolved, in document order; unresolvable ones are left out. */
  public List<Response> responses() {
    return responses.get(this, Operation::findResponses);
  }

  private List<Response> findResponses() {
    List<Response> list = new ArrayList<>();
    NodeRef container = node.get("responses");
    if (container != null) {
      for (Map.Entry<String, NodeRef> entry : container.members()) {
        if (entry.getKey().startsWith("x-")) {
          continue;
        }
        NodeRef definition = document.deref(entry.getValue());
        if (definition != null && definition.isObject()) {
          list.add(new Response(this, entry.getKey(), definition, entry.getValue()));
        }
      }
    }
    return List.copyOf(list);
  }

  /** The {@code responses} object of the operation, or null when it has none. */
  public NodeRef responsesNode() {
    return node.get("responses");
  }

  /**
   * True when a response with this status code is documented, directly or through a range ({@code
   * 4XX}) or, when {@code acceptDefault}, through {@code default}.
   */
  public boolean documentsStatus(String code, boolean acceptDefault) {
    NodeRef container = node.get("responses");
    if (container == null) {
      return false;
    }
    String range = code.charAt(0) + "XX";
    // the names only, without a ref per response
    for (Iterator<String> names = container.node().fieldNames(); names.hasNext(); ) {
      String key = names.next().toUpperCase(Locale.ROOT);
      if (key.equals(code) || key.equals(range) || (acceptDefault && key.equals("DEFAULT"))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return label();
  }
}
