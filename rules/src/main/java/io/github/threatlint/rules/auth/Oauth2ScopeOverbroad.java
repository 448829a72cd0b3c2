package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.AdminPaths;
import io.github.threatlint.rules.support.Scopes;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "oauth2-scope-overbroad",
    title = "OAuth2 scope broader than the operation needs",
    description =
        "A read operation requires a write-class scope, an operation requires a wildcard or admin scope, or "
            + "the document-wide requirement demands every declared scope at once: users must consent to more than the "
            + "client needs, against the need-to-know principle.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API5", "API3"},
    owasp2019 = {"API5", "API3"},
    sftiAreas = {"CON"},
    sftiScenarios = {"Giving extensive consent", "Absence of fine-grained consent"},
    securitySeverity = 5.5,
    precision = "high",
    section = "auth")
public final class Oauth2ScopeOverbroad implements Checks.DocumentCheck, Checks.PathOperationCheck {

  /**
   * The document-wide requirement that asks for every scope of a scheme at once: reported once,
   * where it is written.
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    SecurityRequirements global = document.globalSecurity();
    if (global == null) {
      return;
    }
    int inheriting = 0;
    for (Operation operation : document.operations()) {
      if (SecuritySites.inheritsGlobal(operation)) {
        inheriting++;
      }
    }
    if (inheriting == 0) {
      return;
    }
    for (Requirement requirement : global.alternatives()) {
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        SecurityScheme scheme = document.securitySchemes().get(entry.getKey());
        if (Scopes.demandsEveryScope(scheme, entry.getValue())) {
          context.report(
              requirement.schemeNode(entry.getKey()),
              "The document-wide 'security' demands every scope of OAuth2 "
                  + "scheme '"
                  + entry.getKey()
                  + "' at once ("
                  + String.join(", ", scheme.declaredScopes())
                  + ") for all "
                  + inheriting
                  + " operations that inherit it, so a client must obtain full consent to call any of them. "
                  + "Require on each operation only the scopes it needs.");
        }
      }
    }
  }

  /**
   * True when the document-wide requirement is reported for demanding every scope: its operations
   * are covered by it.
   */
  private static boolean globalDemandsEveryScope(ApiDocument document) {
    SecurityRequirements global = document.globalSecurity();
    if (global == null) {
      return false;
    }
    for (Requirement requirement : global.alternatives()) {
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        if (Scopes.demandsEveryScope(
            document.securitySchemes().get(entry.getKey()), entry.getValue())) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (security == null
        || (SecuritySites.inheritsGlobal(operation)
            && globalDemandsEveryScope(operation.document()))) {
      return; // the document-wide requirement that demands every scope is reported once, where it
      // is written
    }
    Map<String, SecurityScheme> schemes = operation.document().securitySchemes();
    boolean adminPath = AdminPaths.isAdmin(operation.pathTemplate());
    // The operation requires broad consent only when every alternative that asks for scopes is
    // broad:
    // an alternative with narrow scopes is a way to call it with narrow consent.
    List<String> reasons = new ArrayList<>();
    NodeRef first = null;
    for (Requirement requirement : security.alternatives()) {
      List<String> broad = new ArrayList<>();
      NodeRef where = null;
      boolean scoped = false;
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        SecurityScheme scheme = schemes.get(entry.getKey());
        if (scheme == null || !scheme.takesScopes() || entry.getValue().isEmpty()) {
          continue;
        }
        scoped = true;
        for (String scope : entry.getValue()) {
          String reason = reason(operation, scheme, scope, adminPath);
          if (reason != null) {
            broad.add(reason);
            if (where == null) {
              where =
                  SecuritySites.inheritsGlobal(operation)
                      ? operation.node()
                      : SecuritySites.scopeNode(requirement, entry.getKey(), scope);
            }
          }
        }
      }
      if (!scoped) {
        continue;
      }
      if (broad.isEmpty()) {
        return;
      }
      for (String reason : broad) {
        if (!reasons.contains(reason)) {
          reasons.add(reason);
        }
      }
      if (first == null) {
        first = where;
      }
    }
    if (first == null) {
      return;
    }
    String access = operation.isRead() ? " (read)" : operation.isWrite() ? " (write)" : "";
    context.report(
        first,
        operation.label()
            + access
            + " "
            + SecuritySites.requiresVerb(operation)
            + " "
            + describeAll(security)
            + ", which demands "
            + SecuritySites.enumerateFirst(reasons)
            + ": users must consent to more "
            + "than the operation needs. Require only the narrowest scope that covers it"
            + (SecuritySites.inheritsGlobal(operation)
                ? ", in the operation's own 'security'."
                : "."));
  }

  private static String reason(
      Operation operation, SecurityScheme scheme, String scope, boolean adminPath) {
    String wildcard = Scopes.wildcardReason(scope);
    // an admin operation may well require an admin scope; a wildcard stays too broad everywhere,
    // unless the scheme
    // declares nothing narrower: then the scopes themselves are too coarse, which is
    // oauth2-scope-coarse's finding
    if (wildcard != null
        && !(adminPath && wildcard.equals("an admin scope"))
        && declaresNarrowerScope(scheme)) {
      return wildcard + " '" + scope + "'";
    }
    if (operation.isRead() && Scopes.isWriteClass(scope)) {
      return "the write-class scope '" + scope + "'";
    }
    return null;
  }

  /**
   * True when the scheme declares a scope that is no wildcard or admin scope, or declares none
   * (nothing to judge).
   */
  private static boolean declaresNarrowerScope(SecurityScheme scheme) {
    List<String> declared = scheme.declaredScopes();
    return declared.isEmpty()
        || declared.stream().anyMatch(scope -> Scopes.wildcardReason(scope) == null);
  }

  private static String describeAll(SecurityRequirements security) {
    List<String> alternatives = new ArrayList<>();
    for (Requirement requirement : security.alternatives()) {
      alternatives.add(SecuritySites.describe(requirement));
    }
    return String.join(" or ", alternatives);
  }
}
