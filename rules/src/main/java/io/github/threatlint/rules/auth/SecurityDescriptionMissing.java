package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "security-description-missing",
    title = "Security scheme or scope without a meaningful description",
    description =
        "A security scheme or a declared OAuth2 scope has no description, or one that only repeats its "
            + "name. Client developers and users on the consent screen need to know what a scheme requires and what a "
            + "scope grants access to.",
    level = Level.NOTE,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DOC", "CON"},
    sftiScenarios = {"Lack of consistent documentation", "Lack of transparency"},
    mitigations = {"scope-descriptions"},
    securitySeverity = 2.0,
    precision = "high",
    section = "auth")
public final class SecurityDescriptionMissing implements Checks.SecuritySchemeCheck {
  /**
   * Words that add nothing to a name: "Grants read access" says no more than the scope name {@code
   * read}.
   */
  private static final Set<String> FILLER =
      Set.of(
          "a",
          "an",
          "the",
          "to",
          "for",
          "of",
          "and",
          "or",
          "on",
          "in",
          "with",
          "via",
          "using",
          "based",
          "this",
          "that",
          "scope",
          "scopes",
          "access",
          "grants",
          "grant",
          "gives",
          "give",
          "allows",
          "allow",
          "permission",
          "permissions",
          "authentication",
          "authorization",
          "authorisation",
          "auth",
          "scheme",
          "security",
          "api",
          "rights",
          "right",
          "privileges",
          "privilege");

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    String description = scheme.description();
    if (description == null || description.isBlank()) {
      context.report(
          scheme.node(),
          "description",
          "Security scheme '"
              + scheme.name()
              + "' has no description. "
              + "Describe how clients obtain and present credentials, and where to register.");
    } else if (onlyRepeats(description, scheme.name())) {
      context.report(
          scheme.node(),
          "description",
          "The description of security scheme '"
              + scheme.name()
              + "' only repeats its name ('"
              + description.strip()
              + "'). Describe how clients obtain and present "
              + "credentials, and where to register.");
    }
    for (OAuthFlow flow : scheme.flows()) {
      NodeRef scopes = flow.scopesNode();
      if (scopes == null) {
        continue;
      }
      for (Map.Entry<String, NodeRef> scope : scopes.members()) {
        String text =
            scope.getValue().node().isTextual() ? scope.getValue().node().textValue() : null;
        if (text == null || text.isBlank() || onlyRepeats(text, scope.getKey())) {
          context.unmitigated(scope.getValue(), "scope-descriptions", "scope " + scope.getKey());
        } else {
          context.mitigated(
              scope.getValue(),
              "scope-descriptions",
              "scope " + scope.getKey() + ": " + text.strip());
        }
        if (text == null || text.isBlank()) {
          context.report(
              scope.getValue(),
              "Scope '"
                  + scope.getKey()
                  + "' of OAuth2 scheme '"
                  + scheme.name()
                  + "' has no description. Say which data or actions it grants, as the user will see it when consenting.");
        } else if (onlyRepeats(text, scope.getKey())) {
          context.report(
              scope.getValue(),
              "The description of scope '"
                  + scope.getKey()
                  + "' of OAuth2 scheme '"
                  + scheme.name()
                  + "' only repeats its name ('"
                  + text.strip()
                  + "'). Say which data or actions it "
                  + "grants, as the user will see it when consenting.");
        }
      }
    }
  }

  /** True when every word of the description, fillers aside, is a word of the name. */
  static boolean onlyRepeats(String description, String name) {
    List<String> nameWords = Words.split(name);
    List<String> remaining = new ArrayList<>();
    for (String word : Words.split(description)) {
      if (!FILLER.contains(word)) {
        remaining.add(word);
      }
    }
    return nameWords.containsAll(remaining)
        || Words.compact(description).equals(Words.compact(name));
  }
}
