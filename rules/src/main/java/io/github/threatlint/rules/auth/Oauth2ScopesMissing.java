package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "oauth2-scopes-missing",
    title = "OAuth2 requirement without scopes",
    description =
        "An operation's OAuth2 or OpenID Connect requirement lists no scope, so any access token of the "
            + "scheme is accepted: the user's consent does not limit what the client can do with it.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"CON"},
    sftiScenarios = {"Absence of fine-grained consent"},
    securitySeverity = 6.5,
    precision = "high",
    section = "auth")
public final class Oauth2ScopesMissing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      if (site.governed().isEmpty()) {
        continue; // a document-wide array that every operation overrides applies to nothing
      }
      for (Requirement requirement : site.security().alternatives()) {
        for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
          SecurityScheme scheme = schemes.get(entry.getKey());
          if (scheme == null || !scheme.takesScopes() || !entry.getValue().isEmpty()) {
            continue;
          }
          String kind = scheme.isOAuth2() ? "OAuth2" : "OpenID Connect";
          String applies =
              site.isGlobal()
                  ? " (it applies to "
                      + count(site.governed().size())
                      + ", e.g. "
                      + site.governed().get(0).label()
                      + ")"
                  : "";
          // a scheme that declares no scope cannot be asked for one: the scopes must be declared
          // first
          String what =
              scheme.isOAuth2() && scheme.declaredScopes().isEmpty()
                  ? "Declare scopes in the scheme's flows (it declares none) and list those the operation needs"
                  : "List the scopes the operation needs";
          context.report(
              requirement.schemeNode(entry.getKey()),
              site.whereCapitalized()
                  + applies
                  + " requires "
                  + kind
                  + " scheme '"
                  + entry.getKey()
                  + "' with no scope, so any token of the scheme is accepted. "
                  + what
                  + ", so that the user's consent limits it.");
        }
      }
    }
  }

  private static String count(int operations) {
    return operations + (operations == 1 ? " operation" : " operations");
  }
}
