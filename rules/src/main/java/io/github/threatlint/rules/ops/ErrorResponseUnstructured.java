package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RuleInfo(
    id = "error-response-unstructured",
    title = "Error response without a structured body",
    description =
        "A 4xx or 5xx response without a schema, or whose schema is not an error object (RFC 9457 problem "
            + "details, or properties such as title/status/detail or code/message). Without a documented error shape, "
            + "implementations improvise error bodies, which is how stack traces and internal details leak.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 2.5,
    precision = "high",
    section = "ops")
public final class ErrorResponseUnstructured implements Checks.PathOperationCheck {
  private static final int MAX_DEPTH = 16;

  @RuleOption(
      description =
          "Property names that make a schema an error object (compared ignoring case and separators).")
  public List<String> errorProperties =
      List.of(
          "title",
          "detail",
          "status",
          "type",
          "code",
          "message",
          "error",
          "errors",
          "errorCode",
          "errorMessage",
          "error_description",
          "reason");

  private final ResponseDefinitions definitions = new ResponseDefinitions();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (operation.method().equals("head")) {
      return;
    }
    for (Response response : operation.responses()) {
      if (!(response.isClientError() || response.isServerError())
          || !definitions.firstVisit(response)) {
        continue;
      }
      List<MediaType> content = response.content();
      if (content.stream().noneMatch(type -> type.schema() != null)) {
        context.report(
            response.node(),
            ResponseDefinitions.subject(response)
                + " has no body schema: describe the "
                + "error body, preferably as application/problem+json (RFC 9457 problem details), so that errors have a "
                + "fixed, reviewed shape.");
        continue;
      }
      if (content.stream().noneMatch(type -> isStructured(operation.document(), type))) {
        context.report(
            response.node(),
            ResponseDefinitions.subject(response)
                + " has a body that is no error object: "
                + "use a problem-details schema (type, title, status, detail) or an object with code and message, so that "
                + "errors have a fixed, reviewed shape.");
      }
    }
  }

  private boolean isStructured(ApiDocument document, MediaType type) {
    String name = type.name().toLowerCase(Locale.ROOT);
    if (name.startsWith("application/problem+")) {
      return true;
    }
    return type.schema() != null && hasErrorProperty(document, document.deref(type.schema()), 0);
  }

  /**
   * A field named as part of an error, in any spelling: errMsg, errNo, error_detail, faultString,
   * ...
   */
  private static boolean isErrorField(String name) {
    List<String> words = Words.split(name);
    return words.size() > 1 && List.of("error", "err", "fault").contains(words.get(0));
  }

  /**
   * True when the schema, or one of its composed members, has a property named like an error field.
   */
  private boolean hasErrorProperty(ApiDocument document, NodeRef schema, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
      return false;
    }
    NodeRef properties = schema.get("properties");
    if (properties != null) {
      for (Map.Entry<String, NodeRef> property : properties.members()) {
        if (Words.isAny(property.getKey(), errorProperties) || isErrorField(property.getKey())) {
          return true;
        }
      }
    }
    NodeRef items = schema.get("items");
    if (items != null && hasErrorProperty(document, document.deref(items), depth + 1)) {
      return true; // a list of error objects
    }
    for (String keyword : List.of("allOf", "oneOf", "anyOf")) {
      NodeRef members = schema.get(keyword);
      if (members != null) {
        for (NodeRef member : members.elements()) {
          if (hasErrorProperty(document, document.deref(member), depth + 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
