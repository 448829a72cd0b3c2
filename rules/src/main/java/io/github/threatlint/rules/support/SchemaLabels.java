package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Response;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How messages name a schema: by where it is written, as an API designer reads it ({@code schema
 * 'Pet'}, {@code property 'address.city' of schema 'Customer'}, {@code parameter 'limit' of GET
 * /pets}, {@code request body of POST /pets}).
 */
public final class SchemaLabels {
  private static final Set<String> SCHEMA_KEYWORDS =
      Set.of(
          "properties",
          "items",
          "allOf",
          "oneOf",
          "anyOf",
          "not",
          "additionalProperties",
          "patternProperties",
          "prefixItems",
          "if",
          "then",
          "else");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private SchemaLabels() {}

  /**
   * How messages name a parameter: {@code query parameter 'limit' of GET /pets}, {@code path
   * parameter 'id' of /pets/{id}} (declared on the path item), or {@code query parameter 'limit'}
   * (declared for reuse).
   */
  public static String parameter(Parameter parameter) {
    String label =
        (parameter.in().isEmpty() ? "" : parameter.in() + " ")
            + "parameter '"
            + parameter.name()
            + "'";
    List<String> segments = parameter.entry().segments();
    if (segments.size() >= 3 && segments.get(0).equals("paths")) {
      String path = segments.get(1);
      return METHODS.contains(segments.get(2))
          ? label + " of " + segments.get(2).toUpperCase(Locale.ROOT) + " " + path
          : label + " of " + path;
    }
    return label;
  }

  /**
   * A label for the schema (or property, or 2.0 parameter) at {@code node}. A node in a file of its
   * own (a multi-file description) is named by what uses it when {@code document} shows that: the
   * parameter, request body or response of an operation ({@code parameter 'limit' of GET
   * /accounts}), else by its file.
   */
  public static String of(ApiDocument document, NodeRef node) {
    if (document != null && node.file() != document.rootFile()) {
      String label = ofUse(document, node);
      if (label != null) {
        return label;
      }
    }
    return of(node);
  }

  /**
   * A label for the schema (or property, or 2.0 parameter) at {@code node}, read from its pointer
   * alone.
   */
  public static String of(NodeRef node) {
    List<String> segments = node.segments();
    int index;
    String owner;
    if (segments.size() >= 3
        && segments.get(0).equals("components")
        && segments.get(1).equals("schemas")) {
      owner = text("schema '", segments.get(2), "'");
      index = 3;
    } else if (segments.size() >= 2 && segments.get(0).equals("definitions")) {
      owner = text("schema '", segments.get(1), "'");
      index = 2;
    } else if (segments.size() >= 3 && segments.get(0).equals("components")) {
      owner = text(singular(segments.get(1)), " '", segments.get(2), "'");
      index = skipToSchema(segments, 3, 3);
    } else if (segments.size() >= 2
        && (segments.get(0).equals("parameters") || segments.get(0).equals("responses"))) {
      owner = text(singular(segments.get(0)), " '", segments.get(1), "'");
      // a Swagger 2.0 parameter carries its keywords (items, ...) inline
      index = skipToSchema(segments, 2, segments.get(0).equals("parameters") ? 2 : segments.size());
    } else if (segments.size() >= 3
        && (segments.get(0).equals("paths") || segments.get(0).equals("webhooks"))
        && METHODS.contains(segments.get(2))) {
      String operation = text(segments.get(2).toUpperCase(Locale.ROOT), " ", segments.get(1));
      owner = operationPart(node, segments, 3, operation);
      boolean parameter = segments.size() > 4 && segments.get(3).equals("parameters");
      index = skipToSchema(segments, 3, parameter ? 5 : segments.size());
    } else if (segments.size() >= 4
        && segments.get(0).equals("paths")
        && segments.get(2).equals("parameters")) {
      // a parameter declared on the path item, for all its operations
      String name = parameterName(node, segments, 4);
      owner =
          name == null
              ? text("the request body of ", segments.get(1))
              : text("parameter '", name, "' of ", segments.get(1));
      index = skipToSchema(segments, 4, 4);
    } else {
      // a schema in a file of its own (a multi-file description): the file, or a name within it,
      // names it
      String file = fileName(node.file().displayPath());
      int parameter = parameterLength(node, segments);
      if (parameter >= 0) {
        owner = text("parameter '", parameterName(node, segments, parameter), "' of ", file);
        index = skipToSchema(segments, parameter, parameter);
      } else if (segments.isEmpty() || SCHEMA_KEYWORDS.contains(segments.get(0))) {
        owner = text("schema '", withoutExtension(file), "'");
        index = 0;
      } else {
        owner = text("schema '", segments.get(0), "' of ", file);
        index = 1;
      }
    }
    String path = propertyPath(segments, index);
    if (path.isEmpty()) {
      return owner;
    }
    return path.equals("[]")
        ? text("the items of ", owner)
        : text("property '", path, "' of ", owner);
  }

  /** What of the operation the segments from {@code start} (just after the method) lie in. */
  private static String operationPart(
      NodeRef node, List<String> segments, int start, String operation) {
    if (segments.size() > start + 1 && segments.get(start).equals("parameters")) {
      String name = parameterName(node, segments, start + 2);
      // null: a Swagger 2.0 body parameter (or an unreadable one)
      return name == null
          ? text("the request body of ", operation)
          : text("parameter '", name, "' of ", operation);
    }
    if (segments.size() > start && segments.get(start).equals("requestBody")) {
      return text("the request body of ", operation);
    }
    if (segments.size() > start + 1 && segments.get(start).equals("responses")) {
      return responsePart(
          segments, start + 2, text("response ", segments.get(start + 1), " of ", operation));
    }
    return operation;
  }

  /**
   * A response, or the header of it that the segments from {@code start} (just after the response)
   * name.
   */
  private static String responsePart(List<String> segments, int start, String response) {
    if (segments.size() > start + 1 && segments.get(start).equals("headers")) {
      return text("header '", segments.get(start + 1), "' of ", response);
    }
    return response;
  }

  /**
   * The label of a node that an operation uses from another file: inside the operation itself (a
   * path item or operation in a file of its own), or inside one of its parameters, its request body
   * or its responses. Null when no operation uses it.
   */
  private static String ofUse(ApiDocument document, NodeRef node) {
    String label = null;
    int others = 0;
    for (Operation operation : document.allOperations()) {
      String use = useIn(operation, node);
      if (use == null) {
        continue;
      }
      if (label == null) {
        label = use;
      } else if (!use.equals(label)) {
        others++;
      }
    }
    if (label == null || others == 0) {
      return label;
    }
    return label + " and " + others + " other operation" + (others == 1 ? "" : "s");
  }

  private static String useIn(Operation operation, NodeRef node) {
    List<String> segments = node.segments();
    String name = operation.label();
    Parameter parameter = parameterAt(operation, node);
    Response response = responseAt(operation, node);
    int at;
    String owner;
    if ((at = depthWithin(operation.node(), node)) >= 0) {
      owner = operationPart(node, segments, at, name);
      boolean inParameter = segments.size() > at + 1 && segments.get(at).equals("parameters");
      at = skipToSchema(segments, at, inParameter ? at + 2 : segments.size());
    } else if (parameter != null) {
      at = depthWithin(parameter.node(), node);
      owner =
          "body".equals(parameter.in())
              ? text("the request body of ", name)
              : text("parameter '", parameter.name(), "' of ", name);
      // a Swagger 2.0 parameter carries its keywords inline
      at = skipToSchema(segments, at, at);
    } else if (operation.requestBody() != null
        && (at = depthWithin(operation.requestBody(), node)) >= 0) {
      owner = text("the request body of ", name);
      at = skipToSchema(segments, at, segments.size());
    } else if (response != null) {
      at = depthWithin(response.node(), node);
      owner = responsePart(segments, at, text("response ", response.status(), " of ", name));
      at = skipToSchema(segments, at, segments.size());
    } else {
      return null;
    }
    String path = propertyPath(segments, at);
    if (path.isEmpty()) {
      return owner;
    }
    return path.equals("[]")
        ? text("the items of ", owner)
        : text("property '", path, "' of ", owner);
  }

  private static Parameter parameterAt(Operation operation, NodeRef node) {
    for (Parameter parameter : operation.parameters()) {
      if (depthWithin(parameter.node(), node) >= 0) {
        return parameter;
      }
    }
    return null;
  }

  private static Response responseAt(Operation operation, NodeRef node) {
    for (Response response : operation.responses()) {
      if (depthWithin(response.node(), node) >= 0) {
        return response;
      }
    }
    return null;
  }

  /**
   * How many pointer segments {@code container} has when {@code node} lies in it (or is it), else
   * -1.
   */
  private static int depthWithin(NodeRef container, NodeRef node) {
    if (container.file() != node.file()) {
      return -1;
    }
    String pointer = container.pointer();
    if (!node.pointer().equals(pointer) && !node.pointer().startsWith(pointer + "/")) {
      return -1;
    }
    return Pointers.segments(pointer).size();
  }

  /**
   * The name of the parameter the pointer lies in, read from the file the node belongs to; its
   * first {@code length} segments point at the parameter.
   */
  private static String parameterName(NodeRef node, List<String> segments, int length) {
    JsonNode parameter = Pointers.nodeAt(node.file().root(), segments, length);
    JsonNode name = parameter == null ? null : parameter.get("name");
    if (name == null || !name.isTextual()) {
      return null;
    }
    JsonNode in = parameter.get("in");
    // a Swagger 2.0 body parameter is the request body, whatever its name
    return in != null && "body".equals(in.asText()) ? null : name.textValue();
  }

  /**
   * In a file of parameters: how many segments point at the (non-body) parameter the node lies in,
   * the whole file or one named member of it; -1 when it lies in none.
   */
  private static int parameterLength(NodeRef node, List<String> segments) {
    for (int length = 0; length <= Math.min(1, segments.size()); length++) {
      JsonNode candidate = Pointers.nodeAt(node.file().root(), segments, length);
      if (candidate != null
          && candidate.path("in").isTextual()
          && parameterName(node, segments, length) != null) {
        return length;
      }
    }
    return -1;
  }

  /**
   * The index just after the {@code schema} segment (the schema of a parameter, media type or
   * header), or {@code fallback} when there is none (Swagger 2.0 keywords written inline).
   */
  private static int skipToSchema(List<String> segments, int from, int fallback) {
    for (int i = from; i < segments.size(); i++) {
      if (segments.get(i).equals("schema")) {
        return i + 1;
      }
    }
    return Math.min(fallback, segments.size());
  }

  /**
   * {@code properties/address/properties/city} reads {@code address.city}; items read {@code []}.
   */
  private static String propertyPath(List<String> segments, int from) {
    StringBuilder path = new StringBuilder();
    for (int i = from; i < segments.size(); i++) {
      String segment = segments.get(i);
      switch (segment) {
        case "properties", "patternProperties" -> {
          if (i + 1 < segments.size()) {
            if (path.length() > 0) {
              path.append('.');
            }
            path.append(segments.get(++i));
          }
        }
        case "items", "additionalItems", "unevaluatedItems" -> path.append("[]");
        case "prefixItems" -> {
          path.append('[').append(i + 1 < segments.size() ? segments.get(++i) : "").append(']');
        }
        case "additionalProperties", "unevaluatedProperties" ->
            path.append(path.length() > 0 ? ".*" : "*");
        default -> {
          // allOf/oneOf/anyOf and their indexes, not, if/then/else: the same value, no new name
          if (segment.equals("allOf") || segment.equals("oneOf") || segment.equals("anyOf")) {
            i++;
          }
        }
      }
    }
    return path.toString();
  }

  /**
   * The parts one after the other, made at their length: a label is made for each finding (Stripe:
   * 7,400), and made with {@code +} its parts went through builders grown by doubling, two thirds
   * of the labels' 6 MB.
   */
  private static String text(String... parts) {
    return String.join("", parts);
  }

  private static String singular(String section) {
    return switch (section) {
      case "parameters" -> "parameter";
      case "requestBodies" -> "request body";
      case "responses" -> "response";
      case "headers" -> "header";
      case "callbacks" -> "callback";
      case "pathItems" -> "path item";
      default -> section;
    };
  }

  /**
   * The name a node is defined under: its key, or, when it is a whole file, the file's name without
   * its extension (as a schema that is a whole file is named).
   */
  public static String definitionName(NodeRef node) {
    return node.pointer().isEmpty()
        ? withoutExtension(fileName(node.file().displayPath()))
        : Pointers.lastSegment(node.pointer());
  }

  private static String fileName(String path) {
    String normalized = path.replace('\\', '/');
    return normalized.substring(normalized.lastIndexOf('/') + 1);
  }

  /**
   * A file's name without its extension ({@code .yaml}, {@code .json}): the name of the schema that
   * is the whole file, as a definition's key names it in the components.
   */
  private static String withoutExtension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
