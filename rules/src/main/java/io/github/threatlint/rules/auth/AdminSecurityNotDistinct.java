package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.rules.support.AdminPaths;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@RuleInfo(
    id = "admin-security-not-distinct",
    title = "Admin operations secured like ordinary ones",
    description =
        "Operations under admin-like paths (/admin, /internal, /management, /manage) accept exactly the "
            + "security requirements of ordinary operations, so any client allowed to call the API can call its "
            + "administrative functions.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 7.0,
    precision = "medium",
    section = "auth")
public final class AdminSecurityNotDistinct implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> ordinaryOperations = new ArrayList<>();
    List<Operation> admin = new ArrayList<>();
    for (Operation operation : document.operations()) {
      SecurityRequirements security = operation.security();
      if (security == null || security.allowsAnonymous()) {
        continue; // unauthenticated operations are operation-security-missing's finding
      }
      if (AdminPaths.isAdmin(operation.pathTemplate())) {
        admin.add(operation);
      } else {
        ordinaryOperations.add(operation);
      }
    }
    if (admin.isEmpty()) {
      // most documents have no administrative path, and the others' requirements are compared with
      // nothing: their canonical texts were 6 of the rule's 10 samples of a cold Kubernetes run
      // (5 of 7 on Stripe)
      return;
    }
    Map<String, Operation> ordinary = new LinkedHashMap<>();
    for (Operation operation : ordinaryOperations) {
      ordinary.putIfAbsent(canonical(operation.security()), operation);
    }
    for (Operation operation : admin) {
      SecurityRequirements security = operation.security();
      Operation same = ordinary.get(canonical(security));
      if (same == null) {
        continue;
      }
      List<String> alternatives = new ArrayList<>();
      for (Requirement requirement : security.alternatives()) {
        alternatives.add(SecuritySites.describe(requirement));
      }
      boolean inherits = SecuritySites.inheritsGlobal(operation);
      context.report(
          inherits ? operation.node() : security.node(),
          operation.label()
              + " is an administrative function ('"
              + AdminPaths.adminSegment(operation.pathTemplate())
              + "') but "
              + (inherits ? "inherits" : "requires")
              + " the same "
              + "security as "
              + same.label()
              + " ("
              + String.join(" or ", alternatives)
              + "), so every client of the API "
              + "can call it. Require a distinct admin scope or scheme for it.");
    }
  }

  /**
   * The requirements as a comparable text: alternatives as a set, each scheme's scopes as a set.
   */
  private static String canonical(SecurityRequirements security) {
    Set<String> alternatives = new TreeSet<>();
    for (Requirement requirement : security.alternatives()) {
      Map<String, Set<String>> schemes = new TreeMap<>();
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        schemes.put(entry.getKey(), new TreeSet<>(entry.getValue()));
      }
      alternatives.add(schemes.toString());
    }
    return alternatives.toString();
  }
}
