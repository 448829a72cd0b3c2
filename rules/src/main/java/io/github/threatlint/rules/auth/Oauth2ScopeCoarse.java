package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.ResourceFamilies;
import io.github.threatlint.rules.support.Scopes;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "oauth2-scope-coarse",
    title = "OAuth2 scopes too coarse for fine-grained consent",
    description =
        "One scope guards operations of many resource families, or the whole API has only generic scopes "
            + "such as read and write: a user cannot consent to one kind of data without consenting to all of it. Scopes "
            + "bound to a consent (intent) resource and client-credentials scopes are left out: no user consents to "
            + "their breadth.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"CON"},
    sftiScenarios = {"Absence of fine-grained consent"},
    mitigations = {"fine-grained-scopes"},
    securitySeverity = 4.0,
    precision = "medium",
    section = "auth")
public final class Oauth2ScopeCoarse implements Checks.DocumentCheck {
  @RuleOption(
      description =
          "How many resource families (first path segment after any version segment) one scope may "
              + "guard before it is reported as coarse.")
  public int maxResourceFamilies = 3;

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<SecurityScheme> oauth = new ArrayList<>();
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      if (scheme.isOAuth2() && !scheme.declaredScopes().isEmpty()) {
        oauth.add(scheme);
      }
    }
    if (oauth.isEmpty()) {
      return;
    }
    if (reportOnlyGenericScopes(oauth, context)) {
      return; // the per-scope finding would repeat the same advice for each generic scope
    }
    Map<String, Set<String>> familiesByScope = familiesByScope(document);
    Set<String> intentScopes = intentScopes(document);
    for (SecurityScheme scheme : oauth) {
      for (String scope : scheme.declaredScopes()) {
        if (intentScopes.contains(scope) || clientCredentialsOnly(scheme, scope)) {
          continue; // the user consents per intent resource, or never: the scope's breadth grants
          // nothing by itself
        }
        Set<String> families = familiesByScope.getOrDefault(scheme.name() + " " + scope, Set.of());
        if (families.size() > maxResourceFamilies || Scopes.isGeneric(scope)) {
          context.unmitigated(
              SecuritySites.scopeDeclaration(scheme, scope),
              "fine-grained-scopes",
              "scope " + scope);
        } else if (!Scopes.isOpenIdStandard(scope)) {
          context.mitigated(
              SecuritySites.scopeDeclaration(scheme, scope),
              "fine-grained-scopes",
              "scope " + scope);
        }
        if (families.size() > maxResourceFamilies) {
          context.report(
              SecuritySites.scopeDeclaration(scheme, scope),
              "Scope '"
                  + scope
                  + "' of OAuth2 scheme '"
                  + scheme.name()
                  + "' guards operations of "
                  + families.size()
                  + " resource families ("
                  + String.join(", ", families)
                  + "), more than "
                  + maxResourceFamilies
                  + ": consenting to it grants all of them. Split it into scopes "
                  + "per resource family.");
        }
      }
    }
  }

  /**
   * Scopes that also guard a consent ("intent") resource of the document (/account-access-consents,
   * /domestic-payment-consents): in FAPI-based standards the user consents to one intent, whose
   * permissions and accounts limit what the token reaches, so one scope for many resource families
   * is the design.
   */
  private static Set<String> intentScopes(ApiDocument document) {
    Set<String> scopes = new LinkedHashSet<>();
    for (Operation operation : document.operations()) {
      SecurityRequirements security = operation.security();
      if (security == null || !ConsentReferenceMissing.isConsentPath(operation.pathTemplate())) {
        continue;
      }
      for (Requirement requirement : security.alternatives()) {
        requirement.schemes().values().forEach(scopes::addAll);
      }
    }
    return scopes;
  }

  /**
   * True when only client-credentials flows of the scheme offer the scope: no user ever consents to
   * it.
   */
  private static boolean clientCredentialsOnly(SecurityScheme scheme, String scope) {
    boolean offered = false;
    for (OAuthFlow flow : scheme.flows()) {
      if (flow.scopes().containsKey(scope)) {
        if (!flow.kind().equals("clientCredentials")) {
          return false;
        }
        offered = true;
      }
    }
    return offered;
  }

  /** Reports once when every declared scope of every OAuth2 scheme is generic; true when it did. */
  private static boolean reportOnlyGenericScopes(List<SecurityScheme> oauth, RuleContext context) {
    List<String> all = new ArrayList<>();
    for (SecurityScheme scheme : oauth) {
      for (String scope : scheme.declaredScopes()) {
        if (!Scopes.isOpenIdStandard(scope) && !all.contains(scope)) {
          all.add(scope);
        }
      }
    }
    if (all.isEmpty() || !all.stream().allMatch(Scopes::isGeneric)) {
      return false;
    }
    SecurityScheme first = oauth.get(0);
    NodeRef where = first.entry();
    for (OAuthFlow flow : first.flows()) {
      if (flow.scopesNode() != null && !flow.scopes().isEmpty()) {
        where = flow.scopesNode();
        break;
      }
    }
    context.unmitigated(where, "fine-grained-scopes", "generic scopes " + String.join(", ", all));
    context.report(
        where,
        "The API's OAuth2 scopes are all generic ("
            + String.join(", ", all)
            + "): they say what "
            + "a client may do but not to which data, so a user cannot consent to one kind of data alone. Declare scopes per "
            + "resource family, such as 'payments:read' or 'accounts:write'.");
    return true;
  }

  /**
   * For each "scheme scope", the resource families of the path operations whose effective security
   * asks for it.
   */
  private static Map<String, Set<String>> familiesByScope(ApiDocument document) {
    Map<String, Set<String>> families = new LinkedHashMap<>();
    for (Operation operation : document.operations()) {
      SecurityRequirements security = operation.security();
      if (security == null) {
        continue;
      }
      String family = ResourceFamilies.of(operation.pathTemplate());
      if (family.equals("/")) {
        continue; // the root or a path of parameters only names no resource family
      }
      for (Requirement requirement : security.alternatives()) {
        for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
          // a requirement of every scope at once says nothing about which scope guards what
          // (oauth2-scope-overbroad)
          if (Scopes.demandsEveryScope(
              document.securitySchemes().get(entry.getKey()), entry.getValue())) {
            continue;
          }
          for (String scope : entry.getValue()) {
            families
                .computeIfAbsent(entry.getKey() + " " + scope, key -> new LinkedHashSet<>())
                .add(family);
          }
        }
      }
    }
    return families;
  }
}
