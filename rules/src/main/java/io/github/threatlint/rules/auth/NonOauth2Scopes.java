package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "non-oauth2-scopes",
    title = "Scopes on a scheme that has none",
    description =
        "An apiKey, http or mutualTLS requirement lists scopes. Swagger 2.0 and OpenAPI 3.0 allow scopes "
            + "only for OAuth2 (and OpenID Connect), so tools ignore them and the restriction they suggest is not enforced. "
            + "OpenAPI 3.1 allows role names there: a note only. Several requirements that list scopes for one scheme "
            + "are one finding, on the scheme.",
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
  /** A requirement that lists scopes for a scheme that takes none. */
  private record Listing(NodeRef node, SecuritySites.Site site, String values) {}

  /**
   * One finding per requirement that lists scopes, or one for the scheme when several do (a
   * document that uses scopes on a bearer scheme as its convention: one fix, the scheme's type).
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    boolean rolesAllowed = document.version() == SpecVersion.OPENAPI_3_1;
    Map<String, List<Listing>> listings = new LinkedHashMap<>();
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
            listings
                .computeIfAbsent(entry.getKey(), name -> new ArrayList<>())
                .add(new Listing(requirement.schemeNode(entry.getKey()), site, values));
          }
        }
      }
    }
    for (Map.Entry<String, List<Listing>> entry : listings.entrySet()) {
      SecurityScheme scheme = schemes.get(entry.getKey());
      List<Listing> found = entry.getValue();
      if (found.size() == 1) {
        Listing listing = found.get(0);
        context.report(
            listing.node(),
            listing.site().whereCapitalized()
                + " lists scopes ("
                + listing.values()
                + ") for "
                + scheme.type()
                + " scheme '"
                + entry.getKey()
                + "', which takes none in "
                + document.version().label()
                + ": tools ignore them. Use an empty list [], or an OAuth2 scheme if access "
                + "must be limited by scope.");
        continue;
      }
      List<String> places =
          found.stream()
              .map(listing -> listing.site().where() + " (" + listing.values() + ")")
              .toList();
      context.report(
          scheme.entry(),
          found.size()
              + " security requirements list scopes for "
              + scheme.type()
              + " scheme '"
              + entry.getKey()
              + "', which takes none in "
              + document.version().label()
              + " ("
              + DocumentWide.firstOfLabels(places)
              + "): tools ignore them, so nothing the document declares limits a token to them. If access is "
              + "limited by scope, declare the scheme as OAuth2 with these scopes; otherwise use empty lists [].");
    }
  }
}
