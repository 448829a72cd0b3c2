package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.threatmodel.Architecture.Box;
import io.github.threatlint.core.threatmodel.Architecture.Flow;
import io.github.threatlint.core.threatmodel.Architecture.Mark;
import io.github.threatlint.core.vocabulary.Environments;
import io.github.threatlint.core.vocabulary.ServerUrls;
import io.github.threatlint.core.vocabulary.VersionSegments;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws the {@link Architecture} of one API from the {@link ApiFacts} of its document, the inferred
 * assets and agents and its active findings. A finding is marked on the part of the picture whose
 * node in the document holds the finding's place (a server, a security scheme, an operation, or an
 * operation that uses a referenced part); findings elsewhere (info, shared schemas nobody uses) are
 * in the lists only.
 */
final class ArchitectureBuilder {
  /** How many groups of operations the picture shows before "and N more". */
  static final int GROUPS_SHOWN = 8;

  /** How many hosts, scopes and assets a box lists before "and N more". */
  static final int LINES_PER_KIND = 3;

  /** x-audience values (Zalando's and the plain ones) and the trust boundary they name. */
  private static final Map<String, String> AUDIENCES =
      Map.of(
          "external-public", "Internet",
          "public", "Internet",
          "external-partner", "Partners",
          "partner", "Partners",
          "company-internal", "Internal network",
          "business-unit-internal", "Internal network",
          "component-internal", "Internal network",
          "internal", "Internal network");

  private static final String INTERNET_FACING = "internet-facing";

  private final ApiFacts facts;
  private final List<Finding> findings;

  private ArchitectureBuilder(ApiFacts facts, List<Finding> findings) {
    this.facts = facts;
    this.findings = findings.stream().filter(f -> f.level().compareTo(Level.WARNING) >= 0).toList();
  }

  /**
   * @param findings the active findings; those at warning or error are marked (notes are not)
   */
  static Architecture build(
      ApiFacts facts,
      List<Finding> findings,
      List<AssetPresence> assets,
      List<AgentAssessment> agents) {
    return new ArchitectureBuilder(facts, findings).build(assets, agents);
  }

  private Architecture build(List<AssetPresence> assets, List<AgentAssessment> agents) {
    List<ApiFacts.SecurityScheme> schemes = facts.securitySchemes();
    List<ApiFacts.SecurityScheme> delegating =
        schemes.stream().filter(s -> s.oauth2() || s.openIdConnect()).toList();
    boolean usersSignIn = delegating.stream().anyMatch(AgentRelevance::usersSignIn);
    boolean thirdParties =
        agents.stream()
            .anyMatch(
                a ->
                    a.agent().exposure().equals("client-applications")
                        && a.relevance() == AgentAssessment.Relevance.RELEVANT);

    List<Box> outside = new ArrayList<>();
    if (usersSignIn) {
      outside.add(
          new Box(
              Architecture.OWNER,
              "User (resource owner)",
              List.of("signs in and consents"),
              List.of()));
    }
    List<ApiFacts.Operation> callbacks =
        facts.operations().stream().filter(o -> !o.underPaths()).toList();
    List<String> clientLines = new ArrayList<>();
    if (thirdParties) {
      clientLines.add("third-party provider");
    }
    if (!callbacks.isEmpty()) {
      clientLines.add("receives webhooks and callbacks (" + callbacks.size() + ")");
    }
    outside.add(
        new Box(
            Architecture.CLIENT,
            thirdParties ? "Client application (TPP)" : "Client application",
            clientLines,
            marks(node -> callbacks.stream().anyMatch(o -> holds(o.site(), node)))));

    List<Box> edge = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    Map<String, List<String>> grantsByHost = new LinkedHashMap<>();
    for (ApiFacts.SecurityScheme scheme : delegating) {
      for (String host : authorizationHosts(scheme)) {
        List<String> grants = grantsByHost.computeIfAbsent(host, h -> new ArrayList<>());
        for (String grant : grants(scheme)) {
          if (!grants.contains(grant)) {
            grants.add(grant);
          }
        }
      }
    }
    int index = 1;
    for (Map.Entry<String, List<String>> server : grantsByHost.entrySet()) {
      String id = "auth" + index++;
      List<Mark> schemeMarks =
          marks(node -> delegating.stream().anyMatch(s -> holds(s.site(), node)));
      edge.add(new Box(id, "Authorization server", List.of(server.getKey()), List.of()));
      if (usersSignIn) {
        flows.add(new Flow(Architecture.OWNER, id, "signs in, consents", List.of(), false));
      }
      flows.add(
          new Flow(
              Architecture.CLIENT,
              id,
              "token: " + String.join(", ", server.getValue()),
              schemeMarks,
              false));
    }
    List<String> credentials = new ArrayList<>();
    for (ApiFacts.SecurityScheme scheme : schemes) {
      String kind = credential(scheme);
      if (!credentials.contains(kind)) {
        credentials.add(kind);
      }
    }
    edge.add(
        new Box(
            Architecture.GATEWAY, "API gateway", List.of("not described by the spec"), List.of()));
    flows.add(
        new Flow(
            Architecture.CLIENT,
            Architecture.GATEWAY,
            credentials.isEmpty()
                ? "calls: no security scheme declared"
                : "calls with " + String.join(", ", credentials),
            marks(
                node ->
                    schemes.stream()
                            .filter(s -> !s.oauth2() && !s.openIdConnect())
                            .anyMatch(s -> holds(s.site(), node))
                        || holds(facts.rootSecurity(), node)),
            false));
    flows.add(new Flow(Architecture.GATEWAY, Architecture.RESOURCES, "forwards", List.of(), false));
    if (!callbacks.isEmpty()) {
      flows.add(
          new Flow(
              Architecture.RESOURCES,
              Architecture.CLIENT,
              "webhooks and callbacks (" + callbacks.size() + ")",
              List.of(),
              true));
    }

    List<Box> environments = environments();
    List<Group> groups = groups(assets);
    List<Group> shown = groups.subList(0, Math.min(groups.size(), GROUPS_SHOWN));
    int moreOperations =
        groups.subList(shown.size(), groups.size()).stream().mapToInt(Group::operations).sum();
    return new Architecture(
        outsideZone(),
        List.copyOf(outside),
        List.copyOf(edge),
        environments,
        shown.stream().map(Group::box).toList(),
        groups.size() - shown.size(),
        moreOperations,
        List.copyOf(flows));
  }

  // ------------------------------------------------------------------ authorization

  /** The hosts of a scheme's authorization, token and refresh URLs, or of its OpenID discovery. */
  private static Set<String> authorizationHosts(ApiFacts.SecurityScheme scheme) {
    List<String> urls = new ArrayList<>();
    if (scheme.openIdConnect()) {
      urls.add(scheme.openIdConnectUrl());
    }
    for (ApiFacts.Flow flow : scheme.flows()) {
      urls.add(flow.authorizationUrl());
      urls.add(flow.tokenUrl());
      urls.add(flow.refreshUrl());
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String url : urls) {
      String host = url == null ? null : ServerUrls.host(url);
      if (host != null && !host.isEmpty()) {
        hosts.add(host);
      }
    }
    if (hosts.isEmpty()) {
      hosts.add("host not given in the spec");
    }
    return hosts;
  }

  private static List<String> grants(ApiFacts.SecurityScheme scheme) {
    if (scheme.openIdConnect()) {
      return List.of("OpenID Connect");
    }
    List<String> grants = new ArrayList<>();
    for (ApiFacts.Flow flow : scheme.flows()) {
      grants.add(Words.lower(String.join(" ", Words.split(flow.kind()))));
    }
    return grants.isEmpty() ? List.of("OAuth2, no flow declared") : grants;
  }

  /** How a scheme's credential travels, in a few words. */
  private static String credential(ApiFacts.SecurityScheme scheme) {
    if (scheme.oauth2() || scheme.openIdConnect()) {
      return "access token";
    }
    String type = scheme.type() == null ? "" : scheme.type();
    switch (type) {
      case "mutualTLS":
        return "mutual TLS";
      case "apiKey":
        return "API key";
      case "http":
        return "HTTP " + (scheme.httpScheme() == null ? "auth" : scheme.httpScheme());
      case "basic":
        return "HTTP basic";
      default:
        return type.isEmpty() ? "a credential" : type;
    }
  }

  // ------------------------------------------------------------------ servers

  /** The servers, one box per environment, in the order they are first named. */
  private List<Box> environments() {
    Map<String, List<ApiFacts.Server>> byEnvironment = new LinkedHashMap<>();
    for (ApiFacts.Server server : facts.servers()) {
      byEnvironment.computeIfAbsent(environment(server), e -> new ArrayList<>()).add(server);
    }
    List<Box> boxes = new ArrayList<>();
    int index = 1;
    for (Map.Entry<String, List<ApiFacts.Server>> environment : byEnvironment.entrySet()) {
      List<String> hosts = new ArrayList<>();
      Set<String> zones = new LinkedHashSet<>();
      for (ApiFacts.Server server : environment.getValue()) {
        String host = server.host();
        String shown = host == null ? server.url() : host;
        if (!hosts.contains(shown)) {
          hosts.add(shown);
        }
        zones.add(zone(server, host));
      }
      List<String> lines = new ArrayList<>(firstOf(hosts));
      lines.add(String.join(", ", zones));
      List<ApiFacts.Server> servers = environment.getValue();
      boxes.add(
          new Box(
              "env" + index++,
              environment.getKey(),
              lines,
              marks(node -> servers.stream().anyMatch(s -> holds(s.site(), node)))));
    }
    if (boxes.isEmpty()) {
      boxes.add(
          new Box("env1", "Resource servers", List.of("no server listed in the spec"), List.of()));
    }
    return List.copyOf(boxes);
  }

  /** "Production", "Sandbox", ...: the environment a server's host or description names. */
  private static String environment(ApiFacts.Server server) {
    String word = Environments.inHost(server.host(), Environments.ALL);
    if (word == null && server.description() != null) {
      word = Words.matchingTerm(server.description(), Environments.ALL);
    }
    if (word == null) {
      return "Resource servers";
    }
    String name = Words.lower(word).replace('_', ' ');
    return "Resource servers: " + name;
  }

  /** Where a server is reachable from, as written in the spec. */
  private static String zone(ApiFacts.Server server, String host) {
    if (server.markedInternal()) {
      return "internal (x-internal)";
    }
    if (host == null) {
      return "relative URL";
    }
    return ServerUrls.isInternal(host) ? "internal network" : INTERNET_FACING;
  }

  /** The callers' trust boundary: info's x-audience, else what the servers show. */
  private String outsideZone() {
    String audience = facts.audience();
    if (audience != null && AUDIENCES.containsKey(audience.trim().toLowerCase(Locale.ROOT))) {
      return AUDIENCES.get(audience.trim().toLowerCase(Locale.ROOT))
          + " (x-audience: "
          + audience.trim()
          + ")";
    }
    if (facts.servers().isEmpty()) {
      return "Internet (no server listed)";
    }
    boolean internetFacing =
        facts.servers().stream().anyMatch(s -> zone(s, s.host()).equals(INTERNET_FACING));
    return internetFacing ? "Internet" : "Internal network";
  }

  // ------------------------------------------------------------------ operations

  /**
   * The operations under paths grouped by their first path segment (a version segment or "api"
   * skipped), the groups with the most findings first, then in document order.
   */
  private List<Group> groups(List<AssetPresence> assets) {
    Map<String, List<ApiFacts.Operation>> byGroup = new LinkedHashMap<>();
    for (ApiFacts.Operation operation : facts.operations()) {
      if (!operation.underPaths()) {
        continue;
      }
      byGroup.computeIfAbsent(group(operation.path()), g -> new ArrayList<>()).add(operation);
    }
    List<Group> boxes = new ArrayList<>();
    int index = 1;
    for (Map.Entry<String, List<ApiFacts.Operation>> group : byGroup.entrySet()) {
      List<ApiFacts.Operation> operations = group.getValue();
      Set<String> scopes = new LinkedHashSet<>();
      for (ApiFacts.Operation operation : operations) {
        scopes.addAll(operation.scopes());
      }
      List<String> lines = new ArrayList<>();
      lines.add(ReportText.plural(operations.size(), "operation"));
      lines.add(
          scopes.isEmpty()
              ? "scopes: none"
              : "scopes: " + String.join(", ", firstOf(List.copyOf(scopes))));
      for (AssetPresence asset : assets) {
        boolean carried =
            asset.operations().stream()
                .anyMatch(
                    place ->
                        operations.stream()
                            .anyMatch(
                                o ->
                                    o.site().pointer().equals(place.pointer())
                                        && o.site().file().equals(place.file())));
        if (carried) {
          lines.add(asset.asset().name() + " " + asset.needs());
        }
      }
      Box box =
          new Box(
              "group" + index++,
              group.getKey(),
              lines,
              marks(node -> operations.stream().anyMatch(o -> holds(o.site(), node))));
      boxes.add(new Group(box, operations.size()));
    }
    List<Group> sorted = new ArrayList<>(boxes);
    sorted.sort(
        Comparator.comparingInt((Group g) -> g.box().marks().stream().mapToInt(Mark::count).sum())
            .reversed());
    return sorted;
  }

  private record Group(Box box, int operations) {}

  /**
   * "/accounts" for "/v1/accounts/{id}/balances": the first segment past the mount ({@link
   * VersionSegments#isMount}).
   */
  static String group(String path) {
    String resource = VersionSegments.firstResource(path);
    return resource == null ? "/" : "/" + resource;
  }

  // ------------------------------------------------------------------ findings

  /**
   * The findings whose place, or an operation using it, lies inside what {@code covers} accepts,
   * one mark per rule, the most urgent first.
   */
  private List<Mark> marks(Predicate<Place> covers) {
    Map<String, Mark> byRule = new LinkedHashMap<>();
    for (Finding finding : findings) {
      boolean inside = covers.test(new Place("", finding.file(), finding.pointer(), null));
      for (Finding.Use use : finding.usedBy()) {
        inside = inside || covers.test(new Place("", use.file(), use.pointer(), null));
      }
      if (inside) {
        Mark mark = byRule.get(finding.ruleId());
        byRule.put(
            finding.ruleId(),
            new Mark(
                finding.ruleId(),
                mark == null || finding.level().compareTo(mark.level()) > 0
                    ? finding.level()
                    : mark.level(),
                mark == null ? 1 : mark.count() + 1));
      }
    }
    List<Mark> marks = new ArrayList<>(byRule.values());
    marks.sort(
        Comparator.comparing(Mark::level)
            .reversed()
            .thenComparing(Comparator.comparingInt(Mark::count).reversed())
            .thenComparing(Mark::ruleId));
    return List.copyOf(marks);
  }

  /** True when the place is the site or inside it. */
  private static boolean holds(ApiFacts.Site site, Place place) {
    return site != null
        && site.file().equals(place.file())
        && (place.pointer().equals(site.pointer())
            || place.pointer().startsWith(site.pointer() + "/"));
  }

  private static List<String> firstOf(List<String> items) {
    if (items.size() <= LINES_PER_KIND) {
      return items;
    }
    List<String> shown = new ArrayList<>(items.subList(0, LINES_PER_KIND));
    shown.add("and " + (items.size() - LINES_PER_KIND) + " more");
    return shown;
  }
}
