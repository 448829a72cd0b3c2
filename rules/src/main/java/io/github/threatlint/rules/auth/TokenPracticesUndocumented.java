package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "token-practices-undocumented",
    title = "Token validation and lifetime undocumented",
    description =
        "A bearer (JWT), OAuth2 or OpenID Connect scheme whose description does not say how tokens are "
            + "validated (signature, issuer, audience) and how long they live (RFC 8725 or equivalent words). Without it, "
            + "client and resource-server developers cannot tell whether stolen or stale tokens are refused.",
    level = Level.NOTE,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "auth")
public final class TokenPracticesUndocumented implements Checks.SecuritySchemeCheck {
  private static final List<String> VALIDATION_STEMS =
      List.of(
          "validat",
          "verif",
          "signature",
          "signed",
          "audience",
          "issuer",
          "jwks",
          "introspect",
          "public key");
  private static final Set<String> VALIDATION_WORDS = Set.of("aud", "iss", "kid", "alg");
  private static final List<String> LIFETIME_STEMS =
      List.of(
          "lifetime",
          "life time",
          "expir",
          "expires",
          "valid for",
          "ttl",
          "short-lived",
          "short lived",
          "minutes",
          "hours",
          "seconds",
          "refresh",
          "revoc",
          "revok",
          "rotat");
  private static final Set<String> LIFETIME_WORDS = Set.of("exp", "nbf", "iat");

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    boolean bearer = "http".equals(scheme.type()) && "bearer".equals(scheme.httpScheme());
    if (!bearer && !scheme.takesScopes()) {
      return;
    }
    String text = Words.lower(scheme.description());
    if (text.contains("rfc 8725") || text.contains("rfc8725") || text.contains("rfc-8725")) {
      return;
    }
    List<String> words = Words.split(text);
    List<String> missing = new ArrayList<>();
    if (!mentions(text, words, VALIDATION_STEMS, VALIDATION_WORDS)) {
      missing.add("how tokens are validated (signature, issuer, audience)");
    }
    if (!mentions(text, words, LIFETIME_STEMS, LIFETIME_WORDS)) {
      missing.add("how long tokens live and how they are renewed or revoked");
    }
    if (missing.isEmpty()) {
      return;
    }
    String kind = bearer ? "Bearer" : scheme.isOAuth2() ? "OAuth2" : "OpenID Connect";
    context.report(
        scheme.node(),
        "description",
        kind
            + " scheme '"
            + scheme.name()
            + "' does not document "
            + String.join(" nor ", missing)
            + ". State it in the scheme's description, for example by following RFC 8725 "
            + "and giving the access-token lifetime.");
  }

  private static boolean mentions(
      String text, List<String> words, List<String> stems, Set<String> exactWords) {
    for (String stem : stems) {
      if (startsWord(text, stem)) {
        return true;
      }
    }
    for (String word : words) {
      if (exactWords.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the stem begins a word of the text: "signed JWTs" validates, "designed for" does not.
   */
  private static boolean startsWord(String text, String stem) {
    for (int at = text.indexOf(stem); at >= 0; at = text.indexOf(stem, at + 1)) {
      if (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) {
        return true;
      }
    }
    return false;
  }
}
