package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;

@RuleInfo(
    id = "http-basic-auth",
    title = "HTTP Basic authentication",
    description =
        "An http scheme 'basic' (OpenAPI 3) or a 'type: basic' scheme (Swagger 2.0): the user's password "
            + "travels with every request, only base64-encoded, and a client that holds it holds the account.",
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
public final class HttpBasicAuth implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!scheme.isHttpBasic()) {
      if (isDelegatedToken(scheme)) {
        context.mitigated(
            scheme.entry(),
            "delegated-token-authentication",
            "security scheme "
                + scheme.name()
                + " ("
                + (scheme.isOAuth2()
                    ? "OAuth2"
                    : scheme.isOpenIdConnect() ? "OpenID Connect" : scheme.type())
                + ")");
      }
      return;
    }
    context.unmitigated(
        scheme.entry(),
        "delegated-token-authentication",
        "security scheme " + scheme.name() + " (HTTP Basic)");
    context.report(
        scheme.node(),
        scheme.httpSchemeKey(),
        "Security scheme '"
            + scheme.name()
            + "' uses HTTP Basic authentication: the "
            + "password is sent, base64-encoded, with every request and any client that sees it can take over the account. "
            + "Use OAuth2 or OpenID Connect with short-lived tokens.");
  }

  /**
   * Schemes that keep the customer's password away from client applications: tokens (bearer, OAuth2
   * without the password or implicit flow, OpenID Connect) or client certificates (mutualTLS).
   */
  private static boolean isDelegatedToken(SecurityScheme scheme) {
    if (scheme.isOAuth2()) {
      return !scheme.flows().isEmpty()
          && scheme.flows().stream()
              .noneMatch(f -> f.kind().equals("password") || f.kind().equals("implicit"));
    }
    return scheme.isOpenIdConnect()
        || scheme.type().equals("mutualTLS")
        || ("http".equals(scheme.type()) && "bearer".equals(scheme.httpScheme()));
  }
}
