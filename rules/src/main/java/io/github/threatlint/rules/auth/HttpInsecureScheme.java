package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "http-insecure-scheme",
    title = "Weak or unknown HTTP authentication scheme",
    description = "An http security scheme 'digest', 'negotiate', 'ntlm' or 'oauth' (OAuth 1.0), or one that is not "
        + "in the IANA HTTP Authentication Scheme Registry: weak hashing, Windows-domain protocols, a retired protocol, "
        + "or a name no client or gateway knows how to enforce.",
    level = Level.ERROR,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    securitySeverity = 6.5,
    precision = "very-high",
    section = "auth")
public final class HttpInsecureScheme implements Checks.SecuritySchemeCheck {
  /** The IANA HTTP Authentication Scheme Registry, in lower case. */
  private static final Set<String> REGISTERED = Set.of("basic", "bearer", "concealed", "digest", "dpop", "gnap", "hoba",
      "mutual", "negotiate", "oauth", "privatetoken", "scram-sha-1", "scram-sha-256", "vapid");

  private static final Map<String, String> WEAK = Map.of(
      "digest", "HTTP Digest relies on MD5 or SHA-256 hashes of the password that the server must store in a recoverable form",
      "negotiate", "Negotiate (SPNEGO) falls back to NTLM and ties the API to a Windows domain",
      "ntlm", "NTLM is a deprecated challenge-response protocol open to relay and pass-the-hash attacks",
      "oauth", "OAuth 1.0 is retired and relies on shared client secrets in every signature");

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!isWeakOrUnregistered(scheme)) {
      return;
    }
    String name = scheme.httpScheme();
    String weak = WEAK.get(name);
    if (weak != null) {
      context.report(scheme.node(), "scheme", "Security scheme '" + scheme.name() + "' uses HTTP '" + name + "': " + weak
          + ". Use OAuth2 or OpenID Connect with bearer tokens over TLS.");
    } else {
      String hint = name.equals("jwt") || name.equals("token") || name.equals("access_token")
          ? " For a JWT write scheme: bearer with bearerFormat: JWT."
          : " Use a registered scheme such as bearer.";
      context.report(scheme.node(), "scheme", "Security scheme '" + scheme.name() + "' names HTTP scheme '" + name
          + "', which is not in the IANA HTTP Authentication Scheme Registry: clients and gateways cannot know how to "
          + "send or check it." + hint);
    }
  }

  /** True for an OpenAPI 3 http scheme that is weak or not registered with IANA: what this rule reports. */
  static boolean isWeakOrUnregistered(SecurityScheme scheme) {
    // Swagger 2.0 has no http schemes other than basic, which http-basic-auth reports
    String name = scheme.httpScheme();
    if (!"http".equals(scheme.type()) || scheme.version().isSwagger2() || name == null || name.equals("basic")) {
      return false;
    }
    return WEAK.containsKey(name) || !REGISTERED.contains(name);
  }
}
