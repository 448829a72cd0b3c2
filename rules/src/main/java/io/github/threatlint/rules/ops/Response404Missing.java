package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "response-404-missing",
    title = "No 404 response for an operation with path parameters",
    description =
        "An operation with path parameters that documents no 404 (or 4XX) response. Clients must learn how "
            + "a missing or foreign object is answered; a consistent 404 also avoids revealing which identifiers exist.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API1"},
    owasp2019 = {"API1"},
    sftiAreas = {"DOC"},
    sftiScenarios = {"Lack of consistent documentation"},
    securitySeverity = 2.0,
    precision = "high",
    section = "ops")
public final class Response404Missing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    boolean pathParameters =
        operation.path().contains("{") || !operation.parameters("path").isEmpty();
    if (!pathParameters || operation.documentsStatus("404", false)) {
      return;
    }
    context.report(
        operation.node(),
        "responses",
        operation.label()
            + " takes path parameters but documents no 404: "
            + "document the answer for an identifier that does not exist or is not the caller's.");
  }
}
