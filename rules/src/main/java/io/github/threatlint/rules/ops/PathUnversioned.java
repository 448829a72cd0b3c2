package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.VersionSegments;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.NotificationReceivers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "path-unversioned",
    title = "API version not in the URL",
    description =
        "Neither the server URLs nor the paths carry a version segment (v1, v2.1, 2.0.6, a date), or one "
            + "document mixes several major versions. Without a version in the URL, a new major version cannot run beside "
            + "the old one, and old versions are hard to inventory and retire (shadow APIs).",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = true,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    mitigations = {"api-versioning"},
    securitySeverity = 3.0,
    precision = "high",
    section = "ops")
public final class PathUnversioned implements Checks.DocumentCheck {
  private static final Pattern VARIABLE =
      Pattern.compile("\\{([^{}]*)}"); // no '{' inside: linear on "{{{..."

  @RuleOption(
      description =
          "Names of query or header parameters that carry the version instead of the URL "
              + "(compared ignoring case and separators; a name of two or more words also behind a vendor prefix, as in "
              + "X-Bank-API-Version); an API that declares one of them counts as versioned. x-v and x-min-v are the version "
              + "headers of Australia's Consumer Data Right.")
  public List<String> versionParameters =
      List.of("api-version", "version", "x-api-version", "accept-version", "x-v", "x-min-v");

  /** Where a major version was first seen, and how to name that place in a message. */
  private record Seen(NodeRef node, String where) {}

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> operations = document.operations();
    if (operations.isEmpty() || NotificationReceivers.allInbound(operations)) {
      // a TPP's webhook receiver (its title or servers say so): the URL is the TPP's, chosen when
      // it subscribes, and carries no version of the API that calls it
      return;
    }
    Map<String, Seen> majors = new LinkedHashMap<>();
    boolean serverVersioned = collectServerVersions(document, majors);
    List<Map.Entry<String, NodeRef>> unversionedPaths = new ArrayList<>();
    int versionedPaths = 0;
    NodeRef paths = document.root().get("paths");
    for (Map.Entry<String, NodeRef> path :
        paths == null ? List.<Map.Entry<String, NodeRef>>of() : paths.members()) {
      if (path.getKey().startsWith("x-") || isWellKnown(path.getKey())) {
        continue; // /.well-known/ locations are fixed by RFC 8615 and never versioned
      }
      String major = major(PathTemplate.of(path.getKey()));
      if (major != null) {
        versionedPaths++;
        majors.putIfAbsent(major, new Seen(path.getValue(), "path '" + path.getKey() + "'"));
      } else {
        unversionedPaths.add(path);
      }
    }
    if (!majors.isEmpty()) {
      Map.Entry<String, Seen> first = majors.entrySet().iterator().next();
      context.mitigated(
          first.getValue().node(),
          "api-versioning",
          "version " + first.getKey() + " at " + first.getValue().where());
    }
    if (!serverVersioned && versionedPaths == 0 && !hasVersionParameter(operations)) {
      context.unmitigated(
          unversionedPlace(document), "api-versioning", "no version in server URLs or paths");
      context.report(
          unversionedPlace(document),
          "Neither the server URLs nor the paths carry a version segment "
              + "(such as /v1): put the major version into the base path (https://api.example.com/v1) so that a new major "
              + "version can run beside the old one and old versions can be inventoried and retired.");
    } else if (!serverVersioned && versionedPaths > 0 && !unversionedPaths.isEmpty()) {
      Map.Entry<String, NodeRef> first = unversionedPaths.get(0);
      int count = unversionedPaths.size();
      context.unmitigated(
          first.getValue(),
          "api-versioning",
          count + " unversioned paths, the first '" + first.getKey() + "'");
      context.report(
          first.getValue(),
          count
              + " of "
              + (count + versionedPaths)
              + " paths carry no version segment "
              + "(the first is '"
              + first.getKey()
              + "') while the others do and the server URLs carry none: give every path "
              + "the version, or move the version into the server URL, so that each version is inventoried as a whole.");
    }
    if (majors.size() > 1) {
      List<String> names = new ArrayList<>(majors.keySet());
      String first = names.get(0);
      for (String other : names.subList(1, names.size())) {
        Seen seen = majors.get(other);
        context.report(
            seen.node(),
            "The document mixes major versions "
                + first
                + " (at "
                + majors.get(first).where()
                + ") and "
                + other
                + " (at "
                + seen.where()
                + "): describe each major version in its own document so that "
                + "each can be published, monitored and retired on its own.");
      }
    }
  }

  private static boolean isWellKnown(String path) {
    return path.startsWith("/.well-known/") || path.contains("/.well-known/");
  }

  /** Records the majors of all server URLs; true when every server URL carries a version. */
  private static boolean collectServerVersions(ApiDocument document, Map<String, Seen> majors) {
    List<Server> servers = document.servers();
    // Swagger 2.0 states its base URL once, in host and basePath (servers() has none for a
    // basePath alone): the finding points at the field that carries the version
    if (document.isSwagger2()) {
      String basePath = document.root().text("basePath");
      String host = document.root().text("host");
      String url = (host == null ? "" : host) + (basePath == null ? "" : basePath);
      String major = urlMajor(url);
      if (major != null) {
        boolean inBasePath = basePath != null && major(PathTemplate.of(basePath)) != null;
        NodeRef at = document.root().get(inBasePath ? "basePath" : "host");
        majors.putIfAbsent(major, new Seen(at, "'" + url + "'"));
        return true;
      }
      return false;
    }
    if (servers.isEmpty()) {
      return false;
    }
    boolean all = true;
    for (Server server : servers) {
      String url = substituteVariables(server);
      String major = urlMajor(url);
      if (major == null && !hasVersionVariable(server.url())) {
        all = false;
      } else if (major != null) {
        majors.putIfAbsent(major, new Seen(server.node(), "server '" + server.url() + "'"));
      }
    }
    return all;
  }

  /**
   * The major version in a URL's host labels or path segments (the query is ignored); null when
   * none.
   */
  static String urlMajor(String url) {
    String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*:", "").replaceFirst("^//", "");
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query);
    }
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (url.startsWith("/")) {
      host = "";
      path = url;
    }
    for (String label : host.split("\\.")) {
      // a host names a version when its label ends in one: api-v2.bank.example
      if (VersionSegments.majorWithin(label.replaceFirst("^.*[-_]", "")) != null) {
        return VersionSegments.majorWithin(label);
      }
    }
    return major(PathTemplate.of(path));
  }

  /** The URL with each {variable} replaced by its default. */
  private static String substituteVariables(Server server) {
    NodeRef variables = server.node().get("variables");
    Matcher matcher = VARIABLE.matcher(server.url());
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      NodeRef variable = variables == null ? null : variables.get(matcher.group(1));
      String value =
          variable == null || variable.text("default") == null
              ? matcher.group()
              : variable.text("default");
      matcher.appendReplacement(url, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(url);
    return url.toString();
  }

  /**
   * A server variable named like a version ({version}, {apiVersion}) counts as a version segment.
   */
  private static boolean hasVersionVariable(String url) {
    Matcher matcher = VARIABLE.matcher(url);
    while (matcher.find()) {
      if (Words.split(matcher.group(1)).contains("version")) {
        return true;
      }
    }
    return false;
  }

  private boolean hasVersionParameter(List<Operation> operations) {
    for (Operation operation : operations) {
      for (Parameter parameter : operation.parameters()) {
        // a vendor's X-Bank-API-Version is api-version behind a prefix; a one-word "version" must
        // match whole
        if ((parameter.in().equals("query") || parameter.in().equals("header"))
            && (Words.isAny(parameter.name(), versionParameters)
                || Words.endsWithAny(parameter.name(), versionParameters, 2))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The major version named by the first version segment, such as {@code v2}; null when there is
   * none.
   */
  static String major(PathTemplate path) {
    for (String segment : path.fixedSegments()) {
      String major = VersionSegments.major(segment);
      if (major == null) {
        major = VersionSegments.majorWithin(segment);
      }
      if (major != null) {
        return major;
      }
    }
    return null;
  }

  private static NodeRef unversionedPlace(ApiDocument document) {
    NodeRef root = document.root();
    NodeRef servers = document.serversNode();
    if (servers != null) {
      return servers;
    }
    return root.has("paths") ? root.get("paths") : root;
  }
}
