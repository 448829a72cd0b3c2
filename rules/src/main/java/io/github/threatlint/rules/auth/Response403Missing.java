package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import java.util.List;

@RuleInfo(
    id = "response-403-missing",
    title = "Scoped operation without a 403 response",
    description =
        "An operation that requires scopes documents no 403 response (nor a 4XX range): clients are not told "
            + "how a valid token without the needed scope is refused.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 2.5,
    precision = "high",
    section = "auth")
public final class Response403Missing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (security == null || operation.documentsStatus("403", false)) {
      return;
    }
    for (Requirement requirement : security.alternatives()) {
      for (List<String> scopes : requirement.schemes().values()) {
        if (!scopes.isEmpty()) {
          context.report(
              operation.node(),
              "responses",
              operation.label()
                  + " requires scopes but documents no 403 "
                  + "response. Add a 403 response for tokens that lack the needed scope.");
          return;
        }
      }
    }
  }
}
