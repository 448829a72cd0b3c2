package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A specification as an untrusted pull request could write it, to make the analyzer read files
 * outside the project or open connections. With every built-in rule on (the strict profile), in
 * {@code check} and in {@code report}: no connection reaches the loopback listener, no outside
 * file's text appears in any output, and each such reference is a finding on the line of its $ref.
 */
class UntrustedReferencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Written into every file outside the root, so that any of its text in an output shows. */
  private static final String MARKER = "OutsideMarker7f3a9c";

  @TempDir Path dir;

  private Path root;
  private Path spec;

  /** Counts connections, not requests, so that a TLS handshake or any other protocol counts too. */
  private ServerSocket listener;

  private final AtomicInteger connections = new AtomicInteger();

  /** Line of each $ref in the spec, and the rule that must report it there. */
  private final Map<Integer, String> expected = new TreeMap<>();

  @BeforeEach
  @SuppressWarnings("try") // the accepted connection is only counted and closed
  void start() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket ignored = listener.accept()) {
                  connections.incrementAndGet();
                } catch (IOException e) {
                  // closed at the end of the test
                }
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
    root = Files.createDirectories(dir.resolve("project"));
    writeOutsideFiles();
    spec = writeSpec();
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
  }

  /**
   * Valid fragments whose text rules would quote (names of properties, parameters, operations) if
   * they were read.
   */
  private void writeOutsideFiles() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(
        outside.resolve("paths.yaml"),
        String.join(
            "\n",
            "Climb:",
            "  post:",
            "    operationId: " + MARKER,
            "    requestBody:",
            "      content:",
            "        application/json:",
            "          schema: {type: object, properties: {" + MARKER + ": {type: string}}}",
            "    responses: {'200': {description: " + MARKER + "}}",
            ""));
    Files.writeString(
        outside.resolve("parameters.yaml"),
        "Id: {name: " + MARKER + ", in: query, schema: {type: string}}\n");
    Files.writeString(outside.resolve("responses.yaml"), "Ok: {description: " + MARKER + "}\n");
    Files.writeString(
        outside.resolve("schemas.yaml"),
        "Secret: {type: object, description: "
            + MARKER
            + ", properties: {"
            + MARKER
            + ": {type: string}}}\n");
  }

  private Path writeSpec() throws IOException {
    String outside = dir.resolve("outside").toAbsolutePath().toString().replace('\\', '/');
    String outsideUrl = "file://" + (outside.startsWith("/") ? "" : "/") + outside;
    String server = "127.0.0.1:" + listener.getLocalPort();
    List<String> lines =
        new ArrayList<>(
            List.of(
                "openapi: 3.0.3",
                "info: {title: Untrusted, version: 1.0.0}",
                "servers: [{url: 'http://" + server + "/v1'}]",
                "paths:",
                "  /v1/climb:"));
    ref(lines, "    ", "'../../outside/paths.yaml#/Climb'", "ref-unresolved");
    lines.addAll(List.of("  /v1/items:", "    get:", "      parameters:"));
    ref(lines, "        - ", "'" + outside + "/parameters.yaml#/Id'", "ref-unresolved");
    lines.addAll(List.of("      responses:", "        '200':"));
    ref(lines, "          ", "'" + outsideUrl + "/responses.yaml#/Ok'", "ref-unresolved");
    lines.addAll(
        List.of(
            "        '201':",
            "          description: created",
            "          content:",
            "            application/json:",
            "              examples:",
            "                one: {externalValue: 'http://" + server + "/example.json'}",
            "              schema:"));
    ref(lines, "                ", "'http://" + server + "/schemas.yaml#/Item'", "ref-remote");
    lines.addAll(List.of("components:", "  securitySchemes:", "    oauth:"));
    ref(lines, "      ", "'https://" + server + "/security.yaml#/OAuth'", "ref-remote");
    lines.addAll(List.of("  schemas:", "    Encoded:"));
    ref(lines, "      ", "'%2e%2e/%2e%2e/outside/schemas.yaml#/Secret'", "ref-unresolved");
    lines.add("    Archived:");
    ref(
        lines,
        "      ",
        "'jar:" + outsideUrl + "/schemas.jar!/schemas.yaml#/Secret'",
        "ref-unresolved");
    Path api = Files.createDirectories(root.resolve("api"));
    if (symbolicLink(api.resolve("link.yaml"), dir.resolve("outside/schemas.yaml"))
        && symbolicLink(api.resolve("linked-folder"), dir.resolve("outside"))) {
      lines.add("    Linked:");
      ref(lines, "      ", "'./link.yaml#/Secret'", "ref-unresolved");
      lines.add("    ThroughFolder:");
      ref(lines, "      ", "'./linked-folder/schemas.yaml#/Secret'", "ref-unresolved");
    }
    return Files.writeString(api.resolve("api.yaml"), String.join("\n", lines) + "\n");
  }

  /** Adds a $ref line and expects {@code ruleId} to report it there. */
  private void ref(List<String> lines, String indent, String target, String ruleId) {
    lines.add(indent + "$ref: " + target);
    expected.put(lines.size(), ruleId);
  }

  /**
   * False where the file system or the platform's permissions allow no symbolic link: those
   * references are left out.
   */
  private static boolean symbolicLink(Path link, Path target) {
    try {
      Files.createSymbolicLink(link, target);
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  @Test
  void checkWithEveryRuleReadsNothingOutsideTheRootAndConnectsNowhere() throws IOException {
    Map<String, Path> files = new LinkedHashMap<>();
    List<String> args =
        new ArrayList<>(List.of("check", "--profile", "strict", "--format", "text"));
    for (String format : List.of("json", "sarif", "github", "junit", "markdown")) {
      files.put(format, dir.resolve("reports/report." + format));
      args.addAll(List.of("--format", format + "=" + files.get(format)));
    }
    args.add("api/api.yaml");

    // the root is the working directory by default
    CliRun run = CliRun.runIn(root, args.toArray(String[]::new));

    assertThat(run.err()).isEmpty();
    assertThat(run.exit())
        .as("ref-unresolved is an error: exit code 1")
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(connections).hasValue(0);
    assertThat(run.out()).doesNotContain(MARKER);
    for (Path file : files.values()) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain(MARKER);
    }
    JsonNode sarifRules =
        JSON.readTree(files.get("sarif").toFile())
            .get("runs")
            .get(0)
            .get("tool")
            .get("driver")
            .get("rules");
    assertThat(sarifRules)
        .as("the strict profile runs every built-in rule")
        .hasSize(BuiltInRules.all().size());
    assertThat(referenceFindings(JSON.readTree(files.get("json").toFile()))).isEqualTo(expected);
    assertThat(run.out())
        .contains("outside the root folder '.';")
        .contains("is an absolute path")
        .contains("file: URLs are not followed")
        .contains("references with the scheme 'jar:' are not followed")
        .contains("It was not fetched: remote references are not fetched");
  }

  @Test
  void allowingRemoteReferencesStillConnectsToNoLoopbackAddress() throws IOException {
    CliRun run =
        CliRun.runIn(
            root,
            "check",
            "--profile",
            "strict",
            "--format",
            "json",
            "--allow-remote-refs",
            "--remote-host",
            "127.0.0.1",
            "--remote-host",
            "localhost",
            "--remote-port",
            String.valueOf(listener.getLocalPort()),
            "api/api.yaml");

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(connections).hasValue(0);
    assertThat(run.out())
        .doesNotContain(MARKER)
        .contains(
            "loopback, link-local, private and other special-purpose addresses are never fetched");
    assertThat(referenceFindings(JSON.readTree(run.out()))).isEqualTo(expected);
  }

  @Test
  void theOutsideFilesAreReadWhenTheRootIncludesThem() {
    // the control: with a wider root the climbing and linked references are followed, and their
    // text shows
    CliRun run =
        CliRun.runIn(
            root, "check", "--profile", "strict", "--root", dir.toString(), "api/api.yaml");

    assertThat(run.out()).contains(MARKER);
    assertThat(connections).hasValue(0);
  }

  @Test
  void reportWithEveryRuleReadsNothingOutsideTheRootAndConnectsNowhere() throws IOException {
    Path html = dir.resolve("reports/threat-model.html");

    CliRun markdown = CliRun.runIn(root, "report", "--profile", "strict", "api/api.yaml");
    CliRun written =
        CliRun.runIn(
            root, "report", "--profile", "strict", "--output", html.toString(), "api/api.yaml");

    assertThat(markdown.err()).isEmpty();
    assertThat(markdown.exit())
        .as("findings do not change the exit code of report")
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(written.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(connections).hasValue(0);
    assertThat(markdown.out()).doesNotContain(MARKER);
    assertThat(Files.readString(html)).doesNotContain(MARKER);
    // the table of all findings, one row each
    for (Map.Entry<Integer, String> ref : expected.entrySet()) {
      assertThat(markdown.out())
          .as(ref.getValue() + " on line " + ref.getKey())
          .containsPattern(
              "\\| \\[api/api\\.yaml:"
                  + ref.getKey()
                  + ":\\d+\\]\\(api/api\\.yaml#L"
                  + ref.getKey()
                  + "\\) \\| The reference '");
    }
  }

  /** The line of each ref-remote and ref-unresolved finding in the spec, with its rule. */
  private static Map<Integer, String> referenceFindings(JsonNode report) {
    Map<Integer, String> found = new TreeMap<>();
    report
        .get("findings")
        .forEach(
            finding -> {
              String ruleId = finding.get("ruleId").asText();
              if (ruleId.equals("ref-remote") || ruleId.equals("ref-unresolved")) {
                assertThat(finding.get("file").asText()).isEqualTo("api/api.yaml");
                assertThat(found.put(finding.get("line").asInt(), ruleId))
                    .as("one finding per line")
                    .isNull();
              }
            });
    return found;
  }
}
