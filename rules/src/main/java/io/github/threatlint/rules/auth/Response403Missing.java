package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.rules.support.DocumentWide;
import java.util.List;

@RuleInfo(
    id = "response-403-missing",
    title = "Scoped operation without a 403 response",
    description =
        "An operation that requires scopes documents no 403 response (nor a 4XX range): clients are not told "
            + "how a valid token without the needed scope is refused. When several operations document none, that "
            + "is one finding for the document.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 2.5,
    precision = "high",
    section = "auth")
public final class Response403Missing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // several operations without one are one gap of the document (no shared 403 response)
    DocumentWide.reportPathOperations(
        document,
        context,
        Response403Missing::lacks403,
        lacking ->
            lacking.size()
                + " operations require scopes but document no 403 response ("
                + DocumentWide.firstOf(lacking)
                + "): define one shared 403 response for tokens that lack the needed scope and "
                + "reference it from each.",
        operation ->
            operation.label()
                + " requires scopes but documents no 403 "
                + "response. Add a 403 response for tokens that lack the needed scope.");
  }

  /** Requires a scope in one of its security alternatives and documents no 403 (nor 4XX). */
  private static boolean lacks403(Operation operation) {
    SecurityRequirements security = operation.security();
    if (security == null || operation.documentsStatus("403", false)) {
      return false;
    }
    for (Requirement requirement : security.alternatives()) {
      for (List<String> scopes : requirement.schemes().values()) {
        if (!scopes.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }
}
