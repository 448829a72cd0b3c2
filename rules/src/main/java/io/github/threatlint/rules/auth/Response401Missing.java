package io.github.threatlint.rules.auth;

import io.github.threatlint.core.model.ApiDocument;
import io.github.threatlint.core.model.Operation;
import io.github.threatlint.core.model.SecurityRequirements;
import io.github.threatlint.core.model.SecurityRequirements.Requirement;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.rules.support.OperationLists;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "response-401-missing",
    title = "Secured operation without a 401 response",
    description = "A secured operation documents no 401 response (nor a 4XX range). Clients are not told how a missing, "
        + "expired or invalid credential is answered, and tests and gateways have no contract to check it against.",
    level = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"DOC", "AAA"},
    sftiScenarios = {"Lack of consistent documentation", "Undetected brute force attacks or improper use of APIs by legitimate TPPs"},
    securitySeverity = 3.0,
    precision = "high",
    section = "auth")
public final class Response401Missing implements Checks.DocumentCheck {
  /**
   * One finding per secured operation without a 401, or one for the document when none of its secured operations
   * documents one: then the document lacks an error convention, which one shared response fixes.
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> secured = new ArrayList<>();
    List<Operation> without = new ArrayList<>();
    for (Operation operation : document.operations()) {
      if (operation.kind() == Operation.Kind.PATH && requiresCredentials(operation.security())) {
        secured.add(operation);
        if (!operation.documentsStatus("401", false)) {
          without.add(operation);
        }
      }
    }
    if (without.size() > 1 && without.size() == secured.size()) {
      Operation first = without.get(0);
      context.report(first.node(), "responses", "None of the document's " + secured.size() + " secured operations ("
          + OperationLists.firstOf(without) + ") documents a 401 response" + convention(first) + ". Declare a 401 response (with a WWW-Authenticate "
          + "header) once in the components and reference it from every secured operation.");
      return;
    }
    for (Operation operation : without) {
      // with the empty alternative {} credentials are optional, yet invalid ones are still refused with 401
      String verb = operation.security().allowsAnonymous() ? " accepts credentials" : " requires authentication";
      context.report(operation.node(), "responses", operation.label() + verb + convention(operation) + " but documents "
          + "no 401 response. Add a 401 response (with a WWW-Authenticate header) for missing, expired or invalid "
          + "credentials.");
    }
  }

  /** " (by its x-scopes)" when the authentication is stated by a vendor convention, else "". */
  private static String convention(Operation operation) {
    SecurityRequirements security = operation.security();
    return security.isVendorConvention() ? " (authentication stated by its " + security.convention() + ")" : "";
  }

  /** True when at least one alternative of the security needs credentials. */
  static boolean requiresCredentials(SecurityRequirements security) {
    if (security == null) {
      return false;
    }
    for (Requirement requirement : security.alternatives()) {
      if (!requirement.isAnonymous()) {
        return true;
      }
    }
    return false;
  }
}
