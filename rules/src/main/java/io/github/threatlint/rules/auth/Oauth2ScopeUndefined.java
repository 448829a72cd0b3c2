package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.Scopes;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "oauth2-scope-undefined",
    title = "Required OAuth2 scope not declared",
    description =
        "A security requirement asks for an OAuth2 scope that its scheme declares in none of its flows. "
            + "No client can obtain such a scope, or an authorization server grants it without the user seeing what it means.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"CON"},
    sftiScenarios = {"Absence of fine-grained consent"},
    securitySeverity = 6.0,
    precision = "very-high",
    section = "auth")
public final class Oauth2ScopeUndefined implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      for (Requirement requirement : site.security().alternatives()) {
        for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
          SecurityScheme scheme = schemes.get(entry.getKey());
          // OpenID Connect scopes are published by the provider's discovery document, not declared
          // here;
          // a scheme without flows is security-scheme-malformed's finding.
          if (scheme == null || !scheme.isOAuth2() || scheme.flows().isEmpty()) {
            continue;
          }
          List<String> declared = scheme.declaredScopes();
          for (String scope : entry.getValue()) {
            // 'openid' asks for OpenID Connect's id token, and a consent-bound scope is made per
            // consent: neither is
            // a scope of the API that a flow could list
            if (!declared.contains(scope)
                && !scope.equals("openid")
                && !Scopes.isConsentBound(scope)) {
              context.report(
                  SecuritySites.scopeNode(requirement, entry.getKey(), scope),
                  "Scope '"
                      + scope
                      + "' required by "
                      + site.where()
                      + " is not declared in any flow of OAuth2 scheme '"
                      + entry.getKey()
                      + "' (declared: "
                      + (declared.isEmpty() ? "none" : String.join(", ", declared))
                      + "). Declare it with a description under "
                      + "the flow's 'scopes', or correct the name.");
            }
          }
        }
      }
    }
  }
}
