package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.Environments;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "server-environment-undeclared",
    title = "Servers without their environment",
    description =
        "The document lists several servers and none of their descriptions names its environment "
            + "(production, sandbox, test, ...): clients and the API inventory cannot tell production from the rest.",
    level = Level.NOTE,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    mitigations = {"environments-declared"},
    securitySeverity = 2.0,
    precision = "high",
    section = "transport")
public final class ServerEnvironmentUndeclared implements Checks.DocumentCheck {
  @RuleOption(description = "Words that, in a server's description, name its environment.")
  public List<String> environmentWords = Environments.ALL;

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // the same address over http and https is one server, not two environments (so the Swagger
    // 2.0 servers, one per scheme of the one host, are never several)
    Set<String> addresses = new HashSet<>();
    int count = 0;
    for (Server server : document.servers()) {
      if (!server.level().equals("root")) {
        continue;
      }
      String url = server.url();
      count++;
      addresses.add(
          url.trim()
              .replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "")
              .replaceFirst("/$", "")
              .toLowerCase(Locale.ROOT));
      if (Environments.named(server.description(), environmentWords)) {
        context.mitigated(
            server.node(),
            "environments-declared",
            "server " + url + " (" + server.description() + ")");
        return;
      }
    }
    if (addresses.size() >= 2) {
      NodeRef servers = document.serversNode();
      context.unmitigated(servers, "environments-declared", count + " servers");
      context.report(
          servers,
          "The document lists "
              + count
              + " servers and no description says which environment "
              + "each is: describe each server with its environment (production, sandbox, test, ...).");
    }
  }
}
