package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;

@RuleInfo(
    id = "api-key-in-url",
    title = "API key sent in the URL",
    description =
        "An apiKey scheme sent 'in: query' (or in the path): URLs end up in server and proxy logs, browser "
            + "history and Referer headers, so the key leaks to anyone who reads them.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA", "DS"},
    sftiScenarios = {"Account hijacking", "Interception/alteration of data during transport"},
    securitySeverity = 7.5,
    precision = "very-high",
    section = "auth")
public final class ApiKeyInUrl implements Checks.SecuritySchemeCheck {
  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    String in = scheme.node().text("in");
    if (!"apiKey".equals(scheme.type()) || !("query".equals(in) || "path".equals(in))) {
      return;
    }
    String name = scheme.node().text("name");
    context.report(
        scheme.node(),
        "in",
        "API key scheme '"
            + scheme.name()
            + "' sends the key"
            + (name == null ? "" : " '" + name + "'")
            + " in the "
            + in
            + " of the URL, where logs, browser history and "
            + "Referer headers keep it. Send it in a header ('in: header') instead.");
  }
}
