package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "response-401-missing",
    title = "Secured operation without a 401 response",
    description =
        "A secured operation documents no 401 response (nor a 4XX range). Clients are not told how a missing, "
            + "expired or invalid credential is answered, and tests and gateways have no contract to check it against. A "
            + "'default' response with an error body documents the error contract, and a standard that states "
            + "authentication in a vendor extension (CDR's x-scopes) defines the 401 in its text: then a note.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"DOC", "AAA"},
    sftiScenarios = {
      "Lack of consistent documentation",
      "Undetected brute force attacks or improper use of APIs by legitimate TPPs"
    },
    mitigations = {"auth-errors-documented"},
    securitySeverity = 3.0,
    precision = "high",
    section = "auth")
public final class Response401Missing implements Checks.DocumentCheck {
  /**
   * One finding per secured operation without a 401, or one for the document when none of its
   * secured operations documents one: then the document lacks an error convention, which one shared
   * response fixes. An operation whose 'default' response has an error body documents how refusals
   * look: a note of its own.
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    int secured = 0;
    List<Operation> without = new ArrayList<>();
    List<Operation> withDefault = new ArrayList<>();
    for (Operation operation : document.operations()) {
      SecurityRequirements security = operation.security();
      if (operation.kind() != Operation.Kind.PATH
          || security == null
          || !security.requiresCredentials()) {
        continue;
      }
      secured++;
      if (operation.documentsStatus("401", false)) {
        context.mitigated(
            operation.node(), "auth-errors-documented", operation.label() + " documents 401");
        continue;
      }
      context.unmitigated(
          operation.node(), "auth-errors-documented", operation.label() + " (no 401)");
      (ResponseDefinitions.defaultErrorResponse(operation) != null ? withDefault : without)
          .add(operation);
    }
    for (Operation operation : withDefault) {
      NodeRef responses = operation.node().get("responses");
      context.report(
          responses != null ? responses : operation.node(),
          operation.label()
              + verb(operation)
              + convention(operation)
              + " and documents its errors only through a 'default' response with an error body: list 401 (with a "
              + "WWW-Authenticate header) as well, so that clients can tell a refused credential from other failures.",
          Level.NOTE);
    }
    if (without.size() > 1 && without.size() == secured) {
      Operation first = without.get(0);
      context.report(
          first.node(),
          "responses",
          "None of the document's "
              + secured
              + " secured operations ("
              + DocumentWide.firstOf(without)
              + ") documents a 401 response"
              + convention(first)
              + ". Declare a 401 "
              + "response (with a WWW-Authenticate header) once in the components and reference it from every secured "
              + "operation."
              + standardsText(first),
          level(first));
      return;
    }
    for (Operation operation : without) {
      context.report(
          operation.node(),
          "responses",
          operation.label()
              + verb(operation)
              + convention(operation)
              + " but documents no 401 response. Add a 401 response (with a WWW-Authenticate header) for missing, expired "
              + "or invalid credentials."
              + standardsText(operation),
          level(operation));
    }
  }

  /**
   * A note when the authentication is stated by a vendor extension: the standard that defines the
   * extension states how its credentials are refused in its own text (Australia's CDR lists 401
   * among the responses of every endpoint), so the document's gap repeats no missing contract. Null
   * (the rule's level) otherwise.
   */
  private static Level level(Operation operation) {
    return operation.security().isVendorConvention() ? Level.NOTE : null;
  }

  private static String standardsText(Operation operation) {
    return operation.security().isVendorConvention()
        ? " (A standard that states authentication in "
            + operation.security().convention()
            + " may define its 401 in its own text, as Australia's CDR does: then the document only repeats it.)"
        : "";
  }

  /**
   * With the empty alternative {} credentials are optional, yet invalid ones are still refused with
   * 401.
   */
  private static String verb(Operation operation) {
    return operation.security().allowsAnonymous()
        ? " accepts credentials"
        : " requires authentication";
  }

  /**
   * " (authentication stated by its x-scopes)" when the authentication is stated by a vendor
   * convention, else "".
   */
  private static String convention(Operation operation) {
    SecurityRequirements security = operation.security();
    return security.isVendorConvention()
        ? " (authentication stated by its " + security.convention() + ")"
        : "";
  }
}
