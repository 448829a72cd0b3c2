package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.rules.support.ResponseDefinitions;

@RuleInfo(
    id = "response-401-missing",
    title = "Secured operation without a 401 response",
    description = "A secured operation documents no 401 response (nor a 4XX range). Clients are not told how a missing, "
        + "expired or invalid credential is answered, and tests and gateways have no contract to check it against. A "
        + "'default' response with an error body documents the error contract: then a note.",
    level = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"DOC", "AAA"},
    sftiScenarios = {"Lack of consistent documentation", "Undetected brute force attacks or improper use of APIs by legitimate TPPs"},
    mitigations = {"auth-errors-documented"},
    securitySeverity = 3.0,
    precision = "high",
    section = "auth")
public final class Response401Missing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (security == null || !security.requiresCredentials()) {
      return;
    }
    if (operation.documentsStatus("401", false)) {
      context.mitigated(operation.node(), "auth-errors-documented", operation.label() + " documents 401");
      return;
    }
    context.unmitigated(operation.node(), "auth-errors-documented", operation.label() + " (no 401)");
    // with the empty alternative {} credentials are optional, yet invalid ones are still refused with 401
    String verb = operation.security().allowsAnonymous() ? " accepts credentials" : " requires authentication";
    NodeRef responses = operation.node().get("responses");
    NodeRef at = responses != null ? responses : operation.node();
    if (ResponseDefinitions.defaultErrorResponse(operation) != null) {
      // the 'default' response's error body documents how refusals look: a note
      context.report(at, operation.label() + verb + " and documents its errors only through a 'default' response "
          + "with an error body: list 401 (with a WWW-Authenticate header) as well, so that clients can tell a refused "
          + "credential from other failures.", Level.NOTE);
      return;
    }
    context.report(at, operation.label() + verb + " but documents no 401 response. Add a 401 "
        + "response (with a WWW-Authenticate header) for missing, expired or invalid credentials.");
  }
}
