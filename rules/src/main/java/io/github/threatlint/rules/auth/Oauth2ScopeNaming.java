package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.BoundedRegex;
import io.github.threatlint.rules.support.SecuritySites;

@RuleInfo(
    id = "oauth2-scope-naming",
    title = "OAuth2 scope name off the naming convention",
    description =
        "A declared OAuth2 scope whose name does not match the configured pattern. Consistent scope names "
            + "(resource and action) make consent screens and authorization policies readable.",
    level = Level.OFF,
    readsProse = false,
    owasp2023 = {},
    owasp2019 = {},
    sftiAreas = {"CON"},
    sftiScenarios = {"Absence of fine-grained consent"},
    securitySeverity = 1.0,
    precision = "high",
    section = "auth")
public final class Oauth2ScopeNaming implements Checks.SecuritySchemeCheck {
  @RuleOption(
      description =
          "Regular expression (Java syntax) that every scope name must match in full. The default "
              + "asks for lower-case resource and action words joined by ':' or '.', such as 'accounts:read' or 'payments.write'.")
  public String pattern = "[a-z][a-z0-9_-]*([:.][a-z][a-z0-9_-]*)*";

  private BoundedRegex compiled;

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!scheme.isOAuth2()) {
      return;
    }
    if (compiled == null) {
      compiled = BoundedRegex.compile(pattern, "option 'pattern' of oauth2-scope-naming");
    }
    for (String scope : scheme.declaredScopes()) {
      if (!compiled.matches(scope)) {
        context.report(
            SecuritySites.scopeDeclaration(scheme, scope),
            "Scope '"
                + scope
                + "' of OAuth2 scheme '"
                + scheme.name()
                + "' does not match the naming pattern "
                + pattern
                + ". Rename it to follow the convention "
                + "(for example 'accounts:read').");
      }
    }
  }
}
