package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;

@RuleInfo(
    id = "oauth2-refresh-url-missing",
    title = "OAuth2 user flow without refresh URL",
    description =
        "An authorization-code or device flow without 'refreshUrl' (OpenAPI 3): nothing tells clients how "
            + "access tokens are renewed, which pushes them towards long-lived access tokens. Swagger 2.0 has no such "
            + "field and is not checked.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "auth")
public final class Oauth2RefreshUrlMissing implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!scheme.version().hasRefreshUrl()) {
      return;
    }
    for (OAuthFlow flow : scheme.flows()) {
      boolean userFlow =
          flow.kind().equals("authorizationCode") || flow.kind().equals("deviceAuthorization");
      if (userFlow && flow.refreshUrl() == null) {
        context.report(
            flow.node(),
            "The "
                + flow.kind()
                + " flow of OAuth2 scheme '"
                + scheme.name()
                + "' has no "
                + "refreshUrl, so clients are not told how to renew access tokens. Add refreshUrl (it may equal the "
                + "tokenUrl) and keep access tokens short-lived.");
      }
    }
  }
}
