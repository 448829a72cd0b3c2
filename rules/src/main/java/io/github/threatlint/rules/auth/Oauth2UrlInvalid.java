package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

@RuleInfo(
    id = "oauth2-url-invalid",
    title = "OAuth2 or OpenID Connect URL not an absolute https URL",
    description =
        "An authorizationUrl, tokenUrl, refreshUrl or openIdConnectUrl that is not an absolute https URL. "
            + "Over plain http, authorization codes, tokens and client secrets can be read or altered in transit; a "
            + "relative or malformed URL leaves clients to guess the endpoint.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking", "Interception/alteration of data during transport"},
    securitySeverity = 6.5,
    precision = "very-high",
    section = "auth")
public final class Oauth2UrlInvalid implements Checks.SecuritySchemeCheck {
  private static final List<String> FLOW_URLS =
      List.of("authorizationUrl", "tokenUrl", "refreshUrl", "deviceAuthorizationUrl");

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (scheme.isOpenIdConnect()) {
      check(scheme, scheme.node(), "openIdConnectUrl", context);
    }
    for (OAuthFlow flow : scheme.flows()) {
      for (String field : FLOW_URLS) {
        check(scheme, flow.node(), field, context);
      }
    }
  }

  private static void check(
      SecurityScheme scheme, NodeRef owner, String field, RuleContext context) {
    NodeRef value = owner.get(field);
    if (value == null || (value.node().isTextual() && value.node().textValue().isBlank())) {
      return; // a missing or empty required URL is security-scheme-malformed's finding
    }
    // the versions differ in what a relative URL means, and the message says which applies
    String problem = problem(value, scheme.version().isSwagger2());
    if (problem != null) {
      context.report(
          value,
          "The "
              + field
              + " of security scheme '"
              + scheme.name()
              + "' "
              + problem
              + ". Give the absolute https URL of the endpoint.");
    }
  }

  /** What is wrong with the URL, or null when it is an absolute https URL with a host. */
  static String problem(NodeRef value, boolean swagger2) {
    if (!value.node().isTextual()) {
      return "is not a string";
    }
    String text = value.node().textValue().trim();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return "'" + text + "' is not a valid URL (" + e.getReason() + ")";
    }
    if (uri.getScheme() == null) {
      // OpenAPI 3 resolves a relative URL against the server URL; Swagger 2.0 says nothing about it
      return "'"
          + text
          + "' is relative, so "
          + (swagger2
              ? "clients must guess the host"
              : "it resolves against whichever server URL a client uses, sandbox and test servers included");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https")) {
      return "'"
          + text
          + "' uses "
          + scheme
          + ", not https, so codes, tokens and client secrets travel unprotected";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "'" + text + "' has no host";
    }
    return null;
  }
}
