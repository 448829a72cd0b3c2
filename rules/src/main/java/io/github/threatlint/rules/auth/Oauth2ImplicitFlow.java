package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.SecuritySites;

@RuleInfo(
    id = "oauth2-implicit-flow",
    title = "OAuth2 implicit flow",
    description =
        "An OAuth2 implicit flow returns the access token in the redirect URL, where browser history, logs "
            + "and referrers leak it, and the client is not authenticated. OAuth 2.0 Security Best Current Practice "
            + "(RFC 9700) says not to use it.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA", "TPP"},
    sftiScenarios = {
      "Malicious client application pretends to be a registered TPP",
      "Account hijacking"
    },
    securitySeverity = 7.0,
    precision = "very-high",
    section = "auth")
public final class Oauth2ImplicitFlow implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    for (OAuthFlow flow : scheme.flows()) {
      if (flow.kind().equals("implicit")) {
        context.report(
            SecuritySites.flowLocation(scheme, flow),
            "OAuth2 scheme '"
                + scheme.name()
                + "' offers the "
                + "implicit flow: the token comes back in the redirect URL, where it leaks, and the client is not "
                + "authenticated. Use the authorization code flow with PKCE instead.");
      }
    }
  }
}
