package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.Environments;
import io.github.threatlint.core.vocabulary.ServerUrls;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "server-non-production",
    title = "Non-production server in the document",
    description =
        "A server on example.com, localhost, a loopback or private address, or a host naming dev, test, "
            + "staging, sandbox or uat, whose description does not say which environment it is: test environments end up "
            + "published next to production, and clients are pointed at them by mistake.",
    level = Level.WARNING,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 4.0,
    precision = "high",
    section = "transport")
public final class ServerNonProduction implements Checks.ServerCheck {
  @RuleOption(description = "Words of host names that mark a non-production environment.")
  public List<String> environmentWords = Environments.NON_PRODUCTION;

  @RuleOption(description = "Words that, in a server's description, declare its environment.")
  public List<String> declarationWords = Environments.ALL;

  @RuleOption(
      description =
          "Hosts (and their subdomains) of mock services, such as SwaggerHub's auto-mocking server.")
  public List<String> mockHosts =
      List.of(
          "virtserver.swaggerhub.com",
          "mock.pstmn.io",
          "apiary-mock.com",
          "mockapi.io",
          "mocky.io",
          "beeceptor.com",
          "mockable.io");

  /** Swagger 2.0 servers (one per scheme) share one host: it is reported once. */
  private final Set<NodeRef> reportedHosts = new HashSet<>();

  @Override
  public void checkServer(Server server, RuleContext context) {
    if (Environments.named(server.description(), declarationWords)) {
      return;
    }
    String host = ServerUrls.host(ServerUrls.withDefaults(server));
    String reason = reason(host);
    if (reason != null && server.composed()) {
      // Swagger 2.0 servers have no description: the host is what to change
      if (reportedHosts.add(server.hostNode())) {
        context.report(
            server.hostNode(),
            "host '"
                + server.hostNode().node().asText()
                + "' "
                + reason
                + ": publish the document with the production host, or keep "
                + "test environments in separate documents.",
            isReserved(host) ? Level.NOTE : Level.WARNING);
      }
    } else if (reason != null) {
      // a reserved placeholder domain (a standard's template) reaches no environment at all:
      // clients cannot be
      // pointed at a test system by it, so it is a note
      context.report(
          server.node().get("url"),
          "The server "
              + server.url()
              + " "
              + reason
              + ", and its description does "
              + "not declare the environment: remove it from the published document, or say in its description which "
              + "environment it is (sandbox, test, ...).",
          isReserved(host) ? Level.NOTE : Level.WARNING);
    }
  }

  /** Why the host is not a production one, or null. */
  private String reason(String host) {
    if (host == null || host.isEmpty()) {
      return null;
    }
    if (ServerUrls.isLoopback(host)) {
      return "is on the local machine (" + host + ")";
    }
    if (ServerUrls.isPrivateAddress(host)) {
      return "is on a private network address (" + host + ")";
    }
    for (String mock : mockHosts) {
      if (host.equals(mock) || host.endsWith("." + mock)) {
        return "is a mock service (" + host + ")";
      }
    }
    if (isReserved(host)) {
      return "is on a placeholder domain (" + host + ")";
    }
    String word = Environments.inHost(host, environmentWords);
    return word == null
        ? null
        : "names a non-production environment ('" + word + "' in " + host + ")";
  }

  /**
   * The example domains of RFC 2606 and the reserved top-level domains of RFC 6761 (plus mDNS
   * .local).
   */
  private static boolean isReserved(String host) {
    for (String domain : List.of("example.com", "example.org", "example.net")) {
      if (host.equals(domain) || host.endsWith("." + domain)) {
        return true;
      }
    }
    for (String suffix : List.of(".example", ".test", ".invalid", ".local")) {
      if (host.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }
}
