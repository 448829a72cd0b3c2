package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "security-scheme-unused",
    title = "Security scheme or scope that nothing requires",
    description =
        "A declared security scheme, or a declared OAuth2 scope, that no security requirement uses. "
            + "Unused declarations blur the inventory of how the API is protected, and an unused scope may still be "
            + "granted by the authorization server without protecting anything.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 2.0,
    precision = "high",
    section = "auth")
public final class SecuritySchemeUnused implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    if (schemes.isEmpty()) {
      return;
    }
    Map<String, Set<String>> usedScopes = SecuritySites.requiredScopes(document);
    for (SecurityScheme scheme : schemes.values()) {
      Set<String> scopes = usedScopes.get(scheme.name());
      if (scopes == null) {
        context.report(
            scheme.entry(),
            "Security scheme '"
                + scheme.name()
                + "' is declared but no security requirement "
                + "uses it. Require it where it applies, or remove it.");
      } else if (!scopes.isEmpty() && scheme.isOAuth2()) {
        // a scheme required only with empty scope lists is oauth2-scopes-missing's finding, not one
        // per scope
        for (String scope : scheme.declaredScopes()) {
          if (!scopes.contains(scope)) {
            context.report(
                SecuritySites.scopeDeclaration(scheme, scope),
                "Scope '"
                    + scope
                    + "' of OAuth2 scheme '"
                    + scheme.name()
                    + "' is declared but no security requirement asks for it. Require it on the operations "
                    + "it should guard, or remove it.");
          }
        }
      }
    }
  }
}
