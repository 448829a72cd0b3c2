package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.ServerUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
    id = "server-url-invalid",
    title = "Invalid server URL",
    description =
        "A server URL that is not a valid URL, names a host without a scheme (payment.example.ch/api/v5, which "
            + "clients read as a relative path), or uses a variable that is not defined; a Swagger 2.0 host with a scheme or "
            + "a path. Clients, gateways and inventories then call, or list, the wrong address.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Lack of consistent documentation"},
    securitySeverity = 3.0,
    precision = "very-high",
    section = "transport")
public final class ServerUrlInvalid implements Checks.ServerCheck, Checks.DocumentCheck {
  /**
   * A host name (with a top-level domain of letters), localhost or an IPv4 address, with an
   * optional port.
   */
  private static final Pattern HOST =
      Pattern.compile(
          "^(localhost|([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}|\\d{1,3}(\\.\\d{1,3}){3})(:\\d+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final int MAX_HOST_AND_PORT = 253 + ":65535".length();
  private static final Set<String> NEEDS_HOST = Set.of("http", "https", "ws", "wss");

  @Override
  public void checkServer(Server server, RuleContext context) {
    if (server.composed()) {
      return; // no one wrote this URL: Swagger 2.0 host and basePath are checked as written below
    }
    NodeRef at = server.node().get("url");
    String url = server.url();
    Map<String, ServerUrls.Variable> variables = ServerUrls.variables(server.node());
    List<String> undefined = new ArrayList<>();
    for (String name : ServerUrls.usedVariables(url)) {
      if (!variables.containsKey(name) && !undefined.contains(name)) {
        undefined.add(name);
      }
    }
    if (!undefined.isEmpty()) {
      context.report(
          at,
          "The server URL "
              + url
              + " uses {"
              + String.join("}, {", undefined)
              + "}, which "
              + (undefined.size() == 1 ? "is" : "are")
              + " not defined under variables: define "
              + (undefined.size() == 1 ? "it" : "them")
              + " with a default, or write the value into the URL.");
      return;
    }
    String expanded = ServerUrls.withDefaults(server);
    for (String name : variables.keySet()) {
      // a declared variable without a default is spec-invalid's concern, not a broken URL
      expanded = expanded.replace("{" + name + "}", "variable");
    }
    String problem = problem(expanded);
    if (problem != null) {
      context.report(at, "The server URL " + url + " " + problem);
    }
  }

  /** What is wrong with a URL (variables replaced by their defaults), or null. */
  private static String problem(String url) {
    if (url.isBlank()) {
      return null;
    }
    if (url.chars().anyMatch(Character::isWhitespace)
        || url.indexOf('{') >= 0
        || url.indexOf('}') >= 0) {
      return "is not a valid URL (it contains spaces or braces): write an absolute https URL or a path starting with /.";
    }
    String scheme = ServerUrls.scheme(url);
    if (scheme == null && !url.startsWith("/")) {
      String first = url.split("[/?#]", 2)[0];
      // a host name has at most 253 characters: longer text is no host, and the expression's
      // repeated group would overflow the stack
      if (first.length() <= MAX_HOST_AND_PORT && HOST.matcher(first).matches()) {
        return "names the host "
            + first
            + " without a scheme, so clients read it as a path relative to the document: "
            + "write https://"
            + url
            + ".";
      }
    }
    try {
      new URI(url);
    } catch (URISyntaxException e) {
      return "is not a valid URL ("
          + e.getReason()
          + "): write an absolute https URL or a path starting with /.";
    }
    if (scheme != null
        && NEEDS_HOST.contains(scheme)
        && (ServerUrls.host(url) == null || ServerUrls.host(url).isEmpty())) {
      return "has no host after " + scheme + "://: write the full address of the server.";
    }
    return null;
  }

  /** Swagger 2.0: host is a name and an optional port, basePath a path. */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // host and basePath are Swagger 2.0 fields: how that version writes a server is the point here
    if (!document.isSwagger2()) {
      return;
    }
    NodeRef root = document.root();
    String host = root.text("host");
    if (host != null) {
      if (host.contains("://")) {
        context.report(
            root.get("host"),
            "host '"
                + host
                + "' contains a scheme: write only the name (and port) in host, "
                + "and the scheme in schemes.");
      } else if (host.contains("/")) {
        context.report(
            root.get("host"),
            "host '"
                + host
                + "' contains a path: write only the name (and port) in host, "
                + "and the path in basePath.");
      } else if (host.isBlank()
          || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '{' || c == '}')) {
        context.report(
            root.get("host"),
            "host '"
                + host
                + "' is not a valid host name: write the server's name and "
                + "optional port, such as api.example.ch:8443.");
      }
    }
    String basePath = root.text("basePath");
    if (basePath != null && !basePath.startsWith("/")) {
      context.report(
          root.get("basePath"),
          "basePath '"
              + basePath
              + "' does not start with /: Swagger 2.0 requires an "
              + "absolute path, such as /api/v1.");
    }
  }
}
