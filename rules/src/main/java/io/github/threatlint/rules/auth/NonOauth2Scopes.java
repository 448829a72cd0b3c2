package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "non-oauth2-scopes",
    title = "Scopes on a scheme that has none",
    description =
        "An apiKey, http or mutualTLS requirement lists scopes. Swagger 2.0 and OpenAPI 3.0 allow scopes "
            + "only for OAuth2 (and OpenID Connect), so tools ignore them and the restriction they suggest is not enforced. "
            + "OpenAPI 3.1 allows role names there: a note only.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "auth")
public final class NonOauth2Scopes implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    boolean rolesAllowed = document.version() == SpecVersion.OPENAPI_3_1;
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      for (Requirement requirement : site.security().alternatives()) {
        for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
          SecurityScheme scheme = schemes.get(entry.getKey());
          if (scheme == null || scheme.takesScopes() || entry.getValue().isEmpty()) {
            continue;
          }
          String values = String.join(", ", entry.getValue());
          if (rolesAllowed) {
            context.report(
                requirement.schemeNode(entry.getKey()),
                site.whereCapitalized()
                    + " lists roles ("
                    + values
                    + ") for "
                    + scheme.type()
                    + " scheme '"
                    + entry.getKey()
                    + "'. OpenAPI 3.1 allows this, but nothing "
                    + "in the scheme says how roles are checked: describe the enforcement in the scheme's description.",
                Level.NOTE);
          } else {
            context.report(
                requirement.schemeNode(entry.getKey()),
                site.whereCapitalized()
                    + " lists scopes ("
                    + values
                    + ") for "
                    + scheme.type()
                    + " scheme '"
                    + entry.getKey()
                    + "', which takes none in "
                    + document.version().label()
                    + ": tools ignore them. Use an empty list [], or an OAuth2 scheme if access "
                    + "must be limited by scope.");
          }
        }
      }
    }
  }
}
