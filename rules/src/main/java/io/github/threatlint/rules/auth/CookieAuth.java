package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;

@RuleInfo(
    id = "cookie-auth",
    title = "Authentication by cookie",
    description =
        "An apiKey scheme sent 'in: cookie' authenticates with a session cookie: browsers attach it to "
            + "cross-site requests (CSRF), and the session's life cycle is outside what the API describes.",
    level = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Account hijacking"},
    securitySeverity = 5.0,
    precision = "high",
    section = "auth")
public final class CookieAuth implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    if (!"apiKey".equals(scheme.type()) || !"cookie".equals(scheme.node().text("in"))) {
      return;
    }
    String description = Words.lower(scheme.description());
    if (description.contains("samesite")
        && (description.contains("csrf") || description.contains("xsrf"))) {
      return; // the cookie's protections are documented
    }
    String name = scheme.node().text("name");
    context.report(
        scheme.node(),
        "in",
        "API key scheme '"
            + scheme.name()
            + "' authenticates with the cookie"
            + (name == null ? "" : " '" + name + "'")
            + ": browsers send it with cross-site requests (CSRF) and its session "
            + "life cycle is not described. Prefer bearer tokens in the Authorization header; if a cookie must stay, "
            + "document SameSite, Secure, HttpOnly and a CSRF defence in the scheme's description.");
  }
}
