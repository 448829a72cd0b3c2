package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.HttpAuthSchemes;

@RuleInfo(
    id = "http-insecure-scheme",
    title = "Weak or unknown HTTP authentication scheme",
    description =
        "An http security scheme 'digest', 'negotiate', 'ntlm' or 'oauth' (OAuth 1.0), or one that is not "
            + "in the IANA HTTP Authentication Scheme Registry: weak hashing, Windows-domain protocols, a retired protocol, "
            + "or a name no client or gateway knows how to enforce.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    securitySeverity = 6.5,
    precision = "very-high",
    section = "auth")
public final class HttpInsecureScheme implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!HttpAuthSchemes.isWeakOrUnregistered(scheme)) {
      return;
    }
    String name = scheme.httpScheme();
    String weak = HttpAuthSchemes.weakness(name);
    if (weak != null) {
      context.report(
          scheme.node(),
          "scheme",
          "Security scheme '"
              + scheme.name()
              + "' uses HTTP '"
              + name
              + "': "
              + weak
              + ". Use OAuth2 or OpenID Connect with bearer tokens over TLS.");
    } else {
      String hint =
          name.equals("jwt") || name.equals("token") || name.equals("access_token")
              ? " For a JWT write scheme: bearer with bearerFormat: JWT."
              : " Use a registered scheme such as bearer.";
      context.report(
          scheme.node(),
          "scheme",
          "Security scheme '"
              + scheme.name()
              + "' names HTTP scheme '"
              + name
              + "', which is not in the IANA HTTP Authentication Scheme Registry: clients and gateways cannot know how to "
              + "send or check it."
              + hint);
    }
  }
}
