package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;

@RuleInfo(
    id = "server-audience-undeclared",
    title = "API audience undeclared",
    description =
        "Neither info carries x-audience nor any server x-internal: the inventory cannot tell internal APIs "
            + "from those offered to partners or the public, and internal ones get exposed without anyone deciding it.",
    level = Level.OFF,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 2.0,
    precision = "high",
    section = "transport")
public final class ServerAudienceUndeclared implements Checks.DocumentCheck {
  @RuleOption(
      description =
          "The extension on info that names the audience (internal, partner, public, ...).")
  public String audienceKey = "x-audience";

  @RuleOption(description = "The extension on a server that marks it internal.")
  public String internalKey = "x-internal";

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    NodeRef root = document.root();
    NodeRef info = root.get("info");
    if ((info != null && info.has(audienceKey)) || root.has(internalKey)) {
      return;
    }
    NodeRef servers = root.get("servers");
    if (servers != null) {
      for (NodeRef server : servers.elements()) {
        if (server.isObject() && server.has(internalKey)) {
          return;
        }
      }
    }
    context.report(
        info != null && info.isObject() ? info : root,
        "The document does not say who the API is for: add "
            + audienceKey
            + " to info (internal, partner, public) or "
            + internalKey
            + " to its servers, so that the API "
            + "inventory can tell what may be exposed.");
  }
}
