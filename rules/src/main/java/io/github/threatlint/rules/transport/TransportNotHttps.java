package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.ServerUrls;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "transport-not-https",
    title = "Server without TLS",
    description =
        "A server URL (document, path or operation level) with http:// or ws://, or Swagger 2.0 schemes with "
            + "http or ws: requests, tokens and customer data cross the network in clear text, where anyone on the path "
            + "can read and change them.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Interception/alteration of data during transport"},
    mitigations = {"https-transport"},
    securitySeverity = 8.0,
    precision = "very-high",
    section = "transport")
public final class TransportNotHttps implements Checks.ServerCheck, Checks.OperationCheck {
  private static final Set<String> CLEAR_TEXT = Set.of("http", "ws");

  @RuleOption(
      description =
          "Accept http:// on localhost and loopback addresses (traffic that never leaves the machine; "
              + "server-non-production reports such servers).")
  public boolean allowLoopback = true;

  @Override
  public void checkServer(Server server, RuleContext context) {
    String serverScheme = ServerUrls.scheme(ServerUrls.withDefaults(server));
    if ("https".equals(serverScheme) || "wss".equals(serverScheme)) {
      context.mitigated(server.node(), "https-transport", "server " + server.url());
    }
    for (String url : ServerUrls.alternatives(server)) {
      String scheme = ServerUrls.scheme(url);
      if (scheme == null
          || !CLEAR_TEXT.contains(scheme)
          || (allowLoopback && ServerUrls.isLoopback(ServerUrls.host(url)))) {
        continue;
      }
      String how =
          url.equals(ServerUrls.withDefaults(server))
              ? ""
              : " (through its variables: " + url + ")";
      context.unmitigated(server.node(), "https-transport", "server " + server.url());
      if (server.composed()) {
        // a Swagger 2.0 server is one entry of schemes: that list is what to change
        context.report(
            server.urlNode(),
            "The document offers the API over "
                + server.urlNode().node().asText()
                + ": list only https (or wss) "
                + "in schemes, so that requests and tokens are encrypted in transit.");
        return;
      }
      context.report(
          server.urlNode(),
          "The server "
              + server.url()
              + " is reached over "
              + scheme
              + "://"
              + how
              + ": use "
              + (scheme.equals("ws") ? "wss" : "https")
              + " so that requests, tokens and data are encrypted in transit.");
      return;
    }
  }

  /** Swagger 2.0 operations can override the document's schemes. */
  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    for (NodeRef scheme : operation.schemes()) {
      if (scheme.node().isTextual() && clearText(scheme.node().textValue())) {
        context.report(
            scheme,
            operation.label()
                + " is offered over "
                + scheme.node().textValue()
                + ": list only https "
                + "(or wss) in its schemes.");
      }
    }
  }

  private static boolean clearText(String scheme) {
    return CLEAR_TEXT.contains(scheme.toLowerCase(Locale.ROOT));
  }
}
