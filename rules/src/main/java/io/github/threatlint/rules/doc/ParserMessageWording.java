package io.github.threatlint.rules.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.rules.doc.ParserMessage.Kind;
import java.util.List;
import java.util.Locale;

/**
 * How spec-invalid words swagger-parser's structural messages: what is wrong with the field, named
 * by where it is ({@code GET /pets (responses.200)}), and what to do.
 */
final class ParserMessageWording {
  private final ApiDocument document;
  private final NodeRef root;

  ParserMessageWording(ApiDocument document) {
    this.document = document;
    this.root = document.root();
  }

  /** The message for one place a parsed message stands for. */
  String message(ParserMessage message, NodeRef target) {
    Kind kind = message.kind();
    String key = message.key();
    String expectedType = message.expectedType();
    String parentPointer = Pointers.parent(target.pointer());
    NodeRef parent = parentPointer == null ? root : root.nearest(parentPointer);
    return switch (kind) {
      case MISSING ->
          Pointers.lastSegment(target.pointer()).equals(key)
              ? "'"
                  + key
                  + "' in "
                  + describe(parent)
                  + " is empty: it must have at least one entry."
              : "The required field '" + key + "' is missing in " + describe(target) + ": add it.";
      case UNEXPECTED ->
          parent.isRef() && !key.equals("$ref")
              ? "'"
                  + key
                  + "' next to $ref in "
                  + describe(parent)
                  + " is ignored: a reference takes no other fields here; "
                  + "remove it, or move it into the referenced definition."
              : "Unknown field '"
                  + key
                  + "' in "
                  + describe(parent)
                  + ": remove it, or rename it to 'x-"
                  + key
                  + "' if it is an extension.";
      case UNSUPPORTED -> "'" + key + "' is not supported in " + describe(parent) + ": remove it.";
      case RESERVED ->
          "Extension '"
              + key
              + "' in "
              + describe(parent)
              + " uses a prefix the OpenAPI Initiative "
              + "reserves (x-oai-, x-oas-): rename it.";
      case WRONG_TYPE -> wrongType(target, parent, key, expectedType);
      default -> "Structural problem with '" + key + "' in " + describe(parent) + ".";
    };
  }

  private String wrongType(NodeRef target, NodeRef parent, String key, String expected) {
    String field = "'" + Pointers.lastSegment(target.pointer()) + "' in " + describe(parent);
    if (expected == null) {
      expected = "";
    }
    expected = expected.strip().replaceAll("^\\[|]$", "");
    if (expected.contains("|")) {
      return field
          + " must be one of "
          + String.join(", ", expected.split("\\|"))
          + ", not "
          + actual(target.node())
          + ".";
    }
    if (expected.equals("string") && target.node().isTextual()) {
      String allowed =
          key.equals("in")
              ? allowedLocations()
              : key.equals("style")
                  ? " (form, simple, matrix, label, "
                      + "spaceDelimited, pipeDelimited or deepObject)"
                  : "";
      return field
          + " has the value '"
          + target.node().textValue()
          + "', which is not allowed here"
          + allowed
          + ".";
    }
    return field + " must be " + article(expected) + ", not " + actual(target.node()) + ".";
  }

  private String allowedLocations() {
    // the versions know different parameter locations, and the message lists this one's
    return document.isSwagger2()
        ? " (query, header, path, formData or body)"
        : " (query, header, path or cookie)";
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "an object";
      case "array" -> "an array";
      case "integer" -> "an integer";
      case "double", "number" -> "a number";
      case "value" -> "a plain value (no object or array)";
      case "" -> "of another type";
      default -> "a " + type;
    };
  }

  private static String actual(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "the string '" + node.textValue() + "'";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isBoolean()
        ? "a boolean"
        : node.isNumber() ? "the number " + node.asText() : "'" + node.asText() + "'";
  }

  /**
   * How a message names a place: {@code GET /pets (responses.200)}, {@code components.schemas.Pet},
   * ...
   */
  static String describe(NodeRef node) {
    List<String> segments = Pointers.segments(node.pointer());
    if (segments.isEmpty()) {
      return "the document root";
    }
    if ((segments.get(0).equals("paths") || segments.get(0).equals("webhooks"))
        && segments.size() >= 2) {
      String prefix = segments.get(0).equals("webhooks") ? "webhook " : "";
      if (segments.size() >= 3 && Operation.METHODS.contains(segments.get(2))) {
        String operation =
            prefix + segments.get(2).toUpperCase(Locale.ROOT) + " " + segments.get(1);
        String rest = String.join(".", segments.subList(3, segments.size()));
        return segments.size() == 3 ? operation : operation + " (" + rest + ")";
      }
      String item = (prefix.isEmpty() ? "path '" : "webhook '") + segments.get(1) + "'";
      return segments.size() == 2
          ? item
          : item + " (" + String.join(".", segments.subList(2, segments.size())) + ")";
    }
    return String.join(".", segments);
  }
}
