package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.ResponseDefinitions;

@RuleInfo(
    id = "response-400-missing",
    title = "No 400 response for an operation with inputs",
    description =
        "An operation with query, header or cookie parameters or a request body that documents no 400, 422 or 4XX "
            + "response (path identifiers alone are answered with a documented 404, 401 or 403). Input "
            + "that fails validation must be rejected with a documented client error; an undocumented rejection suggests "
            + "that inputs are not validated at all. A 'default' response with an error body documents the error contract: "
            + "then a note.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 3.0,
    precision = "high",
    section = "ops")
public final class Response400Missing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (operation.parameters().isEmpty() && !operation.hasRequestBody()) {
      return;
    }
    // an unknown or malformed identifier in the path is answered with the documented 404 (or
    // 401/403 that
    // refuse it); the Authorization header is a credential, refused with 401, not input to validate
    boolean identifiersOnly =
        operation.parameters().stream()
            .allMatch(
                parameter ->
                    parameter.in().equals("path")
                        || (parameter.in().equals("header")
                            && parameter.name().equalsIgnoreCase("Authorization")));
    if (identifiersOnly
        && !operation.hasRequestBody()
        && (operation.documentsStatus("404", false)
            || operation.documentsStatus("401", false)
            || operation.documentsStatus("403", false))) {
      return;
    }
    if (operation.documentsStatus("400", false) || operation.documentsStatus("422", false)) {
      return;
    }
    String inputs = operation.hasRequestBody() ? "a request body" : "parameters";
    NodeRef responses = operation.node().get("responses");
    NodeRef at = responses != null ? responses : operation.node();
    if (ResponseDefinitions.defaultErrorResponse(operation) != null) {
      // the 'default' response's error body documents how rejections look: a note
      context.report(
          at,
          operation.label()
              + " takes "
              + inputs
              + " and documents its errors only through a 'default' "
              + "response with an error body: list 400 Bad Request as well, so that clients can tell invalid input from "
              + "other failures.",
          Level.NOTE);
      return;
    }
    context.report(
        at,
        operation.label()
            + " takes "
            + inputs
            + " but documents no 400, "
            + "422 or 4XX response: document how invalid input is rejected (400 Bad Request with an error body).");
  }
}
