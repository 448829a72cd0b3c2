package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.report.TestRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The architecture picture drawn from a platform spec and findings placed by hand. */
class ArchitectureBuilderTest {
  private static final String PLATFORM =
      """
      openapi: 3.1.0
      info:
        title: Platform
        version: "1"
        x-audience: external-partner
      servers:
        - url: https://api.bank.example/v1
        - url: http://sandbox.bank.example/v1
        - url: https://api.bank.internal/v1
      components:
        securitySchemes:
          oauth:
            type: oauth2
            flows:
              authorizationCode:
                authorizationUrl: https://login.bank.example/authorize
                tokenUrl: https://login.bank.example/token
                scopes:
                  accounts:read: read accounts
              clientCredentials:
                tokenUrl: https://login.bank.example/token
                scopes: {}
          mtls:
            type: mutualTLS
      security:
        - oauth: [accounts:read]
          mtls: []
      paths:
        /v1/accounts:
          get:
            responses:
              "200":
                description: ok
        /v1/accounts/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              "200":
                description: ok
        /payments:
          post:
            security:
              - oauth: []
            responses:
              "201":
                description: created
      webhooks:
        paymentDone:
          post:
            responses:
              "200":
                description: ok
      """;

  private static final String FILE = "specs/platform.yaml";

  private static Architecture picture(String text, List<Finding> findings) {
    return ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            ApiFacts.of(Specs.parse("platform.yaml", text)),
            findings,
            List.of(),
            TestRules.enabled(),
            "sfti")
        .architecture();
  }

  private static Architecture.Box box(List<Architecture.Box> boxes, String title) {
    return boxes.stream()
        .filter(b -> b.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no box " + title + " in " + boxes));
  }

  private static Architecture.Flow flow(Architecture picture, String from, String to) {
    return picture.flows().stream()
        .filter(f -> f.from().equals(from) && f.to().equals(to))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no flow " + from + " -> " + to));
  }

  @Test
  void drawsThePlatformTheSpecImplies() {
    Architecture picture = picture(PLATFORM, List.of());
    assertThat(picture.outsideZone()).isEqualTo("Partners (x-audience: external-partner)");
    assertThat(picture.outside())
        .extracting(Architecture.Box::title)
        .containsExactly("User (resource owner)", "Client application (TPP)");
    assertThat(box(picture.outside(), "Client application (TPP)").lines())
        .contains("receives webhooks and callbacks (1)");
    assertThat(picture.edge())
        .extracting(Architecture.Box::title)
        .containsExactly("Authorization server", "API gateway");
    assertThat(picture.edge().get(0).lines()).containsExactly("login.bank.example");
    assertThat(flow(picture, Architecture.CLIENT, "auth1").label())
        .isEqualTo("token: authorization code, client credentials");
    assertThat(flow(picture, Architecture.OWNER, "auth1").label()).isEqualTo("signs in, consents");
    assertThat(flow(picture, Architecture.CLIENT, Architecture.GATEWAY).label())
        .isEqualTo("calls with access token, mutual TLS");
    assertThat(flow(picture, Architecture.RESOURCES, Architecture.CLIENT).back()).isTrue();
    assertThat(picture.environments())
        .extracting(Architecture.Box::title)
        .containsExactly("Resource servers", "Resource servers: sandbox");
    assertThat(box(picture.environments(), "Resource servers").lines())
        .containsExactly(
            "api.bank.example", "api.bank.internal", "internet-facing, internal network");
    // the version segment is skipped: /v1/accounts and /v1/accounts/{id} are one group
    assertThat(picture.groups())
        .extracting(Architecture.Box::title)
        .containsExactly("/accounts", "/payments");
    assertThat(box(picture.groups(), "/accounts").lines())
        .startsWith("2 operations", "scopes: accounts:read");
    assertThat(box(picture.groups(), "/payments").lines()).contains("scopes: none");
    assertThat(picture.marks()).isEmpty();
  }

  @Test
  void marksFindingsWhereTheyAreAndLeavesNotesOut() {
    Architecture picture =
        picture(
            PLATFORM,
            List.of(
                TestRules.finding(
                    "test-alpha", Level.WARNING, FILE, "/servers/1/url", 8, "plain http"),
                TestRules.finding(
                    "test-beta",
                    Level.ERROR,
                    FILE,
                    "/paths/~1payments/post/security/0",
                    50,
                    "no scope"),
                TestRules.finding(
                    "test-beta",
                    Level.ERROR,
                    FILE,
                    "/components/securitySchemes/oauth/flows/clientCredentials/scopes",
                    28,
                    "no scopes"),
                TestRules.finding(
                    "test-gamma", Level.NOTE, FILE, "/paths/~1v1~1accounts/get", 40, "no id")));
    assertThat(box(picture.environments(), "Resource servers: sandbox").marks())
        .containsExactly(new Architecture.Mark("test-alpha", Level.WARNING, 1));
    assertThat(box(picture.environments(), "Resource servers").marks()).isEmpty();
    // the group with findings comes first
    assertThat(picture.groups().get(0).title()).isEqualTo("/payments");
    assertThat(picture.groups().get(0).marks())
        .containsExactly(new Architecture.Mark("test-beta", Level.ERROR, 1));
    assertThat(box(picture.groups(), "/accounts").marks()).as("notes are not drawn").isEmpty();
    assertThat(flow(picture, Architecture.CLIENT, "auth1").marks())
        .containsExactly(new Architecture.Mark("test-beta", Level.ERROR, 1));
  }

  @Test
  void fiveHundredOperationsStayEightGroupsAndACount() {
    StringBuilder spec =
        new StringBuilder("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n");
    for (int i = 0; i < 500; i++) {
      spec.append("  /r")
          .append(i % 40)
          .append("/item")
          .append(i)
          .append(":\n    get:\n      responses: {'200': {description: ok}}\n");
    }
    Architecture picture = picture(spec.toString(), List.of());
    assertThat(picture.groups()).hasSize(ArchitectureBuilder.GROUPS_SHOWN);
    assertThat(picture.moreGroups()).isEqualTo(40 - ArchitectureBuilder.GROUPS_SHOWN);
    assertThat(picture.moreOperations())
        .isEqualTo(500 - picture.groups().stream().mapToInt(g -> operations(g)).sum());
    assertThat(picture.outsideZone()).isEqualTo("Internet (no server listed)");
    assertThat(picture.outside())
        .extracting(Architecture.Box::title)
        .containsExactly("Client application");
    assertThat(flow(picture, Architecture.CLIENT, Architecture.GATEWAY).label())
        .isEqualTo("calls: no security scheme declared");
  }

  private static int operations(Architecture.Box group) {
    String count = group.lines().get(0);
    return Integer.parseInt(count.substring(0, count.indexOf(' ')));
  }

  /**
   * The Mermaid chart keeps to the flowchart grammar it uses, checked line by line: a header,
   * balanced subgraphs, nodes with quoted labels (no raw quote inside), edges between declared
   * nodes or subgraphs, and style lines that name existing nodes and edges.
   */
  @Test
  void theMermaidChartIsAValidFlowchart() {
    Architecture marked =
        picture(
            PLATFORM,
            List.of(
                TestRules.finding("test-alpha", Level.WARNING, FILE, "/servers/1/url", 8, "http"),
                TestRules.finding(
                    "test-beta",
                    Level.ERROR,
                    FILE,
                    "/components/securitySchemes/oauth/flows/clientCredentials",
                    28,
                    "no scopes")));
    assertValidFlowchart(ArchitectureMermaid.chart(marked));
    StringBuilder big =
        new StringBuilder("openapi: 3.0.3\ninfo: {title: Big, version: '1'}\npaths:\n");
    for (int i = 0; i < 30; i++) {
      big.append("  /r")
          .append(i)
          .append(":\n    get:\n      responses: {'200': {description: ok}}\n");
    }
    assertValidFlowchart(ArchitectureMermaid.chart(picture(big.toString(), List.of())));
  }

  private static final Pattern LABEL = Pattern.compile("\"[^\"\n]*\"");
  private static final String ID = "[A-Za-z][A-Za-z0-9]*";

  private static void assertValidFlowchart(List<String> lines) {
    assertThat(lines.get(0)).isEqualTo("flowchart TB");
    Set<String> declared = new HashSet<>();
    Set<String> styled = new HashSet<>();
    int depth = 0;
    int edges = 0;
    for (String line : lines.subList(1, lines.size())) {
      String text = line.strip();
      Matcher m;
      if ((m = Pattern.compile("subgraph (" + ID + ")\\[(" + LABEL + ")]").matcher(text))
          .matches()) {
        declared.add(m.group(1));
        depth++;
      } else if (text.equals("end")) {
        depth--;
        assertThat(depth).as("an 'end' without its subgraph").isNotNegative();
      } else if ((m = Pattern.compile("(" + ID + ")\\[(" + LABEL + ")]").matcher(text)).matches()) {
        assertThat(declared.add(m.group(1))).as("node declared twice: " + text).isTrue();
      } else if ((m =
              Pattern.compile(
                      "("
                          + ID
                          + ") (?:-->\\|"
                          + LABEL
                          + "\\||-\\. "
                          + LABEL
                          + " \\.->) ("
                          + ID
                          + ")")
                  .matcher(text))
          .matches()) {
        assertThat(declared)
            .as("edge between declared nodes: " + text)
            .contains(m.group(1), m.group(2));
        edges++;
      } else if ((m = Pattern.compile("classDef (" + ID + ") [a-z-]+:[^ ]+").matcher(text))
          .matches()) {
        styled.add(m.group(1));
      } else if ((m = Pattern.compile("class ((?:" + ID + ",?)+) (" + ID + ")").matcher(text))
          .matches()) {
        assertThat(styled).contains(m.group(2));
        assertThat(declared).contains(m.group(1).split(","));
      } else if ((m = Pattern.compile("linkStyle (\\d+) [a-z-]+:[^ ]+").matcher(text)).matches()) {
        assertThat(Integer.parseInt(m.group(1)))
            .as("linkStyle of an existing edge")
            .isLessThan(edges);
      } else {
        throw new AssertionError("not a flowchart line: " + line);
      }
    }
    assertThat(depth).as("every subgraph ends").isZero();
    assertThat(edges).isPositive();
  }

  @Test
  void mermaidLabelsCannotBreakTheChartOrTheFence() {
    assertThat(ArchitectureMermaid.label("a \"quoted\" <b> #1 & `code`"))
        .isEqualTo("a #quot;quoted#quot; #lt;b#gt; #35;1 #amp; #96;code#96;");
  }

  @Test
  void operationsAreGroupedByTheirFirstResourcePastTheMount() {
    assertThat(ArchitectureBuilder.group("/v1/accounts/{id}/balances")).isEqualTo("/accounts");
    assertThat(ArchitectureBuilder.group("/rest/latest/payments")).isEqualTo("/payments");
    assertThat(ArchitectureBuilder.group("/2016-12-01/charges")).isEqualTo("/charges");
    assertThat(ArchitectureBuilder.group("/{tenant}")).isEqualTo("/");
  }
}
