package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.HttpAuthSchemes;
import java.util.List;

@RuleInfo(
    id = "security-scheme-not-allowed",
    title = "Security scheme type outside the allow-list",
    description =
        "A security scheme whose type is not in the allow-list. The SFTI model delegates third-party access "
            + "through OAuth2: API keys, passwords and other static credentials cannot express the user's consent.",
    level = Level.OFF,
    readsProse = false,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA", "TPP"},
    sftiScenarios = {
      "Unauthorized access to data",
      "Malicious client application pretends to be a registered TPP"
    },
    securitySeverity = 5.0,
    precision = "high",
    section = "auth")
public final class SecuritySchemeNotAllowed implements Checks.SecuritySchemeCheck {
  @RuleOption(
      description =
          "Scheme types that may be used: apiKey, http, mutualTLS, oauth2, openIdConnect; 'http:NAME' "
              + "allows one HTTP authentication scheme only (such as http:bearer). Swagger 2.0 'basic' counts as http:basic.")
  public List<String> allowed = List.of("oauth2", "openIdConnect", "mutualTLS");

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    String type = scheme.type();
    if (type.isEmpty() || allowed.contains(type)) {
      return;
    }
    if (scheme.isHttpBasic() || HttpAuthSchemes.isWeakOrUnregistered(scheme)) {
      return; // http-basic-auth and http-insecure-scheme report these schemes, with the reason and
      // the same advice
    }
    String httpScheme = scheme.httpScheme();
    String shown = type;
    if (type.equals("http") && httpScheme != null) {
      shown = "http:" + httpScheme;
      if (allowed.contains(shown)) {
        return;
      }
    }
    context.report(
        scheme.node(),
        "type",
        "Security scheme '"
            + scheme.name()
            + "' has type "
            + shown
            + ", which is not "
            + "in the allowed types ("
            + String.join(", ", allowed)
            + "). Protect the API with an allowed scheme, such as "
            + "OAuth2 for delegated access, or add the type to the rule's 'allowed' option if policy permits it.");
  }
}
