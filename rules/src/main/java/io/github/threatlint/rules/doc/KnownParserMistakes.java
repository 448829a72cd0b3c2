package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.rules.doc.ParserMessage.Kind;
import java.util.List;
import java.util.Set;

/**
 * swagger-parser's messages that are known to be wrong (extensions, fields the version allows, the
 * members of maps checked as if they were fields) or that another rule words better with its own
 * evidence (duplicate operation ids, security schemes, path templates, unresolved references):
 * spec-invalid drops them.
 */
final class KnownParserMistakes {
  /**
   * Fields whose members are named by the author: a member there is never an "unexpected" field.
   */
  private static final Set<String> NAMED_MAPS =
      Set.of(
          "paths",
          "webhooks",
          "schemas",
          "definitions",
          "properties",
          "patternProperties",
          "$defs",
          "responses",
          "parameters",
          "requestBodies",
          "headers",
          "examples",
          "links",
          "callbacks",
          "securitySchemes",
          "securityDefinitions",
          "pathItems",
          "content",
          "encoding",
          "variables",
          "scopes",
          "mapping",
          "dependentSchemas");

  /**
   * The fields of a security scheme and its flows whose absence or wrong value
   * security-scheme-malformed reports.
   */
  private static final Set<String> SCHEME_FIELDS =
      Set.of(
          "type",
          "name",
          "in",
          "scheme",
          "flows",
          "flow",
          "openIdConnectUrl",
          "authorizationUrl",
          "tokenUrl",
          "deviceAuthorizationUrl",
          "scopes");

  private final ApiDocument document;
  private final NodeRef root;

  KnownParserMistakes(ApiDocument document) {
    this.document = document;
    this.root = document.root();
  }

  /** True when the message as a whole is dropped, wherever it lands. */
  boolean dropsMessage(ParserMessage message) {
    // Swagger 2.0 allows externalDocs on schemas, but swagger-parser 1.x does not know it
    return isDropped(message.kind(), message.key(), message.path())
        || (document.isSwagger2()
            && message.kind() == Kind.UNEXPECTED
            && message.key().equals("externalDocs"));
  }

  /** True when the message is dropped for this one of the places it stands for. */
  boolean dropsTarget(ParserMessage message, NodeRef target) {
    Kind kind = message.kind();
    // swagger-parser checks some maps' entries as if they were fields (encoding, ...)
    return (kind == Kind.UNEXPECTED && isNamedMember(target))
        || isOwnedElsewhere(kind, message.key(), target)
        || isIgnoredRefSibling(kind, target)
        || isSwagger2TypeList(kind, target);
  }

  private static boolean isDropped(Kind kind, String key, String path) {
    if ((kind == Kind.UNEXPECTED || kind == Kind.UNSUPPORTED) && key.startsWith("x-")) {
      return true; // specification extensions are allowed everywhere; Swagger 2.0 parsing flags
      // some of them
    }
    if (kind == Kind.REPEATED && key.equals("operationId")) {
      return true; // operation-id-invalid reports duplicate operation ids, with both places
    }
    // a $ref to a component that does not exist is reported as a missing attribute: ref-unresolved
    // reports it
    return kind == Kind.MISSING && (key.startsWith("#") || path.contains("#/"));
  }

  /** True when a message in prose (no {@code attribute ... is ...}) is dropped. */
  static boolean dropsWarning(String text) {
    return text.contains(
            "Declared path parameter") // spec-invalid checks path templates itself, $refs included
        || text.contains("For path parameter") // and path parameters without required: true
        || text.contains(
            "writeOnly and readOnly are both present"); // read-write-only-conflict reports it
  }

  /**
   * Problems inside a security scheme that security-scheme-malformed reports with the scheme's own
   * words: a missing or unknown type, missing fields (name, in, scheme, flows, URLs, scopes) and
   * unknown flows.
   */
  private static boolean isOwnedElsewhere(Kind kind, String key, NodeRef target) {
    List<String> segments = Pointers.segments(target.pointer());
    boolean inScheme =
        (segments.size() >= 3
                && segments.get(0).equals("components")
                && segments.get(1).equals("securitySchemes"))
            || (segments.size() >= 2 && segments.get(0).equals("securityDefinitions"));
    if (!inScheme) {
      return false;
    }
    String parent = segments.size() >= 2 ? segments.get(segments.size() - 2) : "";
    return ((kind == Kind.MISSING || kind == Kind.WRONG_TYPE) && SCHEME_FIELDS.contains(key))
        || (kind == Kind.UNEXPECTED && parent.equals("flows"));
  }

  /**
   * A field next to {@code $ref} in a Swagger 2.0 schema: the 2.0 schema object lists {@code $ref}
   * among its fields, and JSON Reference says the siblings are ignored; that is allowed, not
   * invalid (OpenAPI 3.0's Reference Object, in contrast, "cannot be extended").
   */
  private boolean isIgnoredRefSibling(Kind kind, NodeRef target) {
    if (kind != Kind.UNEXPECTED || !document.isSwagger2()) {
      return false;
    }
    String parentPointer = Pointers.parent(target.pointer());
    return parentPointer != null
        && root.nearest(parentPointer).isRef()
        && isSwagger2Schema(parentPointer);
  }

  /**
   * A list of types in a Swagger 2.0 schema: its type is JSON Schema draft 4's, which allows one
   * ({@code [object, "null"]}).
   */
  private boolean isSwagger2TypeList(Kind kind, NodeRef target) {
    String parentPointer = Pointers.parent(target.pointer());
    return kind == Kind.WRONG_TYPE
        && document.isSwagger2()
        && target.node().isArray()
        && Pointers.lastSegment(target.pointer()).equals("type")
        && parentPointer != null
        && isSwagger2Schema(parentPointer);
  }

  /**
   * Where a Swagger 2.0 document has a schema: a body or response schema, a definition, a property,
   * items, allOf.
   */
  private static boolean isSwagger2Schema(String pointer) {
    List<String> segments = Pointers.segments(pointer);
    int size = segments.size();
    if (size == 0) {
      return false;
    }
    String last = segments.get(size - 1);
    String previous = size >= 2 ? segments.get(size - 2) : "";
    return last.equals("schema")
        || last.equals("items")
        || last.equals("additionalProperties")
        || (previous.equals("definitions") && size == 2)
        || previous.equals("properties")
        || previous.equals("allOf");
  }

  private boolean isNamedMember(NodeRef target) {
    String parent = Pointers.parent(target.pointer());
    return parent != null && NAMED_MAPS.contains(Pointers.lastSegment(parent)) && target.isObject();
  }
}
