package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.SecuritySites;

@RuleInfo(
    id = "oauth2-password-flow",
    title = "OAuth2 resource-owner password flow",
    description =
        "An OAuth2 resource-owner password credentials flow: the user hands their password to the client "
            + "application (often a third party), which defeats delegation and multi-factor authentication. RFC 9700 "
            + "says not to use it.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    mitigations = {"delegated-token-authentication"},
    securitySeverity = 7.5,
    precision = "very-high",
    section = "auth")
public final class Oauth2PasswordFlow implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    for (OAuthFlow flow : scheme.flows()) {
      if (flow.kind().equals("password")) {
        context.unmitigated(
            scheme.entry(),
            "delegated-token-authentication",
            "security scheme " + scheme.name() + " (OAuth2 password flow)");
        context.report(
            SecuritySites.flowLocation(scheme, flow),
            "OAuth2 scheme '"
                + scheme.name()
                + "' offers the "
                + "resource-owner password flow: users type their password into the client application, which can "
                + "keep it. Use the authorization code flow with PKCE, so that users authenticate at the authorization "
                + "server only.");
      }
    }
  }
}
