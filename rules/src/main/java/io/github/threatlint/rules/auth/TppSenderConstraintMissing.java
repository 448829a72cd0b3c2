package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;

@RuleInfo(
    id = "tpp-sender-constraint-missing",
    title = "OAuth2 tokens not bound to the client",
    description =
        "The API is reachable by OAuth2 client applications, yet it declares no mutualTLS scheme and documents "
            + "no sender-constrained tokens (mTLS certificate-bound tokens, RFC 8705, or DPoP, RFC 9449). A stolen access "
            + "token then works for whoever presents it, including a client pretending to be a registered TPP.",
    level = Level.NOTE,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"TPP", "AAA"},
    sftiScenarios = {"Malicious client application pretends to be a registered TPP"},
    mitigations = {"client-authentication"},
    securitySeverity = 5.0,
    precision = "medium",
    section = "auth")
public final class TppSenderConstraintMissing implements Checks.DocumentCheck {
  private static final List<String> SENDER_CONSTRAINT_TERMS =
      List.of(
          "mtls",
          "mutual tls",
          "mutual-tls",
          "mutualtls",
          "certificate-bound",
          "certificate bound",
          "sender-constrained",
          "sender constrained",
          "dpop",
          "rfc 8705",
          "rfc8705",
          "rfc 9449",
          "rfc9449",
          "holder-of-key",
          "holder of key",
          "proof of possession",
          "proof-of-possession",
          "client certificate",
          "tls client authentication",
          "token binding");

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    SecurityScheme oauth = firstRequiredOAuth(document);
    if (oauth == null) {
      return;
    }
    StringBuilder documentation =
        new StringBuilder(
            Words.lower(
                document.root().get("info") == null
                    ? null
                    : document.root().get("info").text("description")));
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      if (scheme.type().equals("mutualTLS") || "dpop".equals(scheme.httpScheme())) {
        context.mitigated(
            scheme.entry(),
            "client-authentication",
            "security scheme "
                + scheme.name()
                + " ("
                + (scheme.type().equals("mutualTLS") ? "mutual TLS" : "DPoP")
                + ")");
        return;
      }
      documentation.append('\n').append(Words.lower(scheme.description()));
    }
    String text = documentation.toString();
    for (String term : SENDER_CONSTRAINT_TERMS) {
      if (text.contains(term)) {
        context.mitigated(
            oauth.entry(),
            "client-authentication",
            "sender-constrained tokens documented ('" + term + "')");
        return;
      }
    }
    NodeRef where = oauth.entry();
    context.unmitigated(where, "client-authentication", "security scheme " + oauth.name());
    String kind = oauth.isOAuth2() ? "OAuth2" : "OpenID Connect";
    context.report(
        where,
        kind
            + " scheme '"
            + oauth.name()
            + "' lets client applications call the API, but no mutualTLS "
            + "scheme is declared and nothing documents sender-constrained tokens: a stolen token works for anyone who "
            + "presents it. Bind tokens to the client (mTLS certificate-bound tokens, RFC 8705, or DPoP, RFC 9449), declare "
            + "a mutualTLS scheme (OpenAPI 3.1) or say so in the scheme's description.");
  }

  /** The first OAuth2 or OpenID Connect scheme that a security requirement uses, or null. */
  private static SecurityScheme firstRequiredOAuth(ApiDocument document) {
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      if (site.governed().isEmpty()) {
        continue;
      }
      for (Requirement requirement : site.security().alternatives()) {
        for (String name : requirement.schemes().keySet()) {
          SecurityScheme scheme = document.securitySchemes().get(name);
          if (scheme != null && scheme.takesScopes()) {
            return scheme;
          }
        }
      }
    }
    return null;
  }
}
