package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.PublicReads;
import io.github.threatlint.rules.support.SecuritySites;

@RuleInfo(
    id = "api-key-in-url",
    title = "API key sent in the URL",
    description =
        "An apiKey scheme sent 'in: query' (or in the path): URLs end up in server and proxy logs, browser "
            + "history and Referer headers, so the key leaks to anyone who reads them.",
    level = Level.ERROR,
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
    ApiDocument document = context.document();
    String openData = PublicReads.openDataEvidence(document);
    if (openData != null && !SecuritySites.requires(document, scheme.name())) {
      // public by design: no key travels, since nothing asks for one (Open Finance Brasil's
      // open-data documents keep such schemes from an earlier design)
      context.report(
          scheme.node(),
          "in",
          "API key scheme '"
              + scheme.name()
              + "' would send the key"
              + (name == null ? "" : " '" + name + "'")
              + " in the "
              + in
              + " of the URL, but no operation requires it and "
              + openData
              + " says the API is open data: remove the unused scheme, and send a key in a header if one is ever "
              + "needed.",
          Level.NOTE);
      return;
    }
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
