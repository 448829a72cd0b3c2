package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Specifications split over several files, through the command line as a user runs it. */
class MultiFileCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path write(String relative, String... lines) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** Two root documents sharing a fragment whose reference is broken on its line 4. */
  private void twoDocumentsAndSharedFragments() throws IOException {
    for (String name : new String[] {"accounts", "payments"}) {
      write(
          "specs/" + name + ".yaml",
          "openapi: 3.0.3",
          "info: {title: " + name + ", version: '1'}",
          "components:",
          "  securitySchemes:",
          "    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://auth.example.com/token', scopes: {read: read}}}}",
          "security: [{oauth: [read]}]",
          "paths:",
          "  /v1/" + name + ":",
          "    get:",
          "      responses:",
          "        '200':",
          "          description: ok",
          "          content:",
          "            application/json:",
          "              schema: {$ref: './common/list.yaml'}");
    }
    write(
        "specs/common/list.yaml",
        "type: object",
        "properties:",
        "  next:",
        "    $ref: ./Cursor.yaml",
        "  items: {type: array, maxItems: 10, items: {type: string}}");
    write("specs/common/unused-fragment.json", "{\"Thing\": {\"type\": \"string\"}}");
  }

  @Test
  void aFolderIsSearchedForRootDocumentsAndFragmentFindingsAreReportedOnceInTheFragment()
      throws IOException {
    twoDocumentsAndSharedFragments();
    String fragment = dir.resolve("specs/common/list.yaml").toString();

    CliRun text = CliRun.run("check", "--root", dir.toString(), dir.resolve("specs").toString());
    CliRun json =
        CliRun.run(
            "check", "--root", dir.toString(), "--format", "json", dir.resolve("specs").toString());
    CliRun sarif =
        CliRun.run(
            "check",
            "--root",
            dir.toString(),
            "--format",
            "sarif",
            dir.resolve("specs").toString());

    assertThat(text.err()).isEmpty();
    assertThat(text.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(text.out())
        .containsOnlyOnce(
            fragment
                + ":4:5: error [ref-unresolved] The reference './Cursor.yaml' does not resolve: "
                + "the file "
                + dir.resolve("specs/common/Cursor.yaml")
                + " does not exist");
    assertThat(text.out().strip()).endsWith("in 2 files.");
    List<JsonNode> unresolved =
        onlyRule(JSON.readTree(json.out()).get("findings"), "ruleId", "ref-unresolved");
    assertThat(unresolved).hasSize(1);
    JsonNode finding = unresolved.get(0);
    assertThat(finding.get("file").asText()).isEqualTo(fragment);
    assertThat(finding.get("line").asInt()).isEqualTo(4);
    assertThat(finding.get("pointer").asText()).isEqualTo("/properties/next/$ref");
    JsonNode location =
        onlyRule(
                JSON.readTree(sarif.out()).get("runs").get(0).get("results"),
                "ruleId",
                "ref-unresolved")
            .get(0)
            .get("locations")
            .get(0)
            .get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText())
        .endsWith("specs/common/list.yaml");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(4);
  }

  @Test
  void aGlobFindsRootDocumentsAndSkipsFragments() throws IOException {
    twoDocumentsAndSharedFragments();

    CliRun run = CliRun.run("check", "--root", dir.toString(), dir + "/specs/**/*.yaml");

    assertThat(run.err()).isEmpty();
    assertThat(run.out().strip()).endsWith("in 2 files.");
  }

  @Test
  void aFolderWithoutRootDocumentsIsAUsageError() throws IOException {
    write("fragments/Account.yaml", "type: object");

    CliRun run = CliRun.run("check", dir.resolve("fragments").toString());

    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("no OpenAPI or Swagger document");
  }

  @Test
  void referencesOutsideTheRootAreReportedAndNotRead() throws IOException {
    write("secret.yaml", "Secret: {type: string}");
    Path spec =
        write(
            "api/api.yaml",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "paths: {}",
            "components:",
            "  schemas:",
            "    Secret:",
            "      $ref: ../secret.yaml#/Secret");

    CliRun confined = CliRun.run("check", "--root", dir.resolve("api").toString(), spec.toString());
    CliRun wider = CliRun.run("check", "--root", dir.toString(), spec.toString());

    assertThat(confined.out())
        .contains(spec + ":7:7: error [ref-unresolved]")
        .contains("outside the root folder")
        .contains("it was not read");
    assertThat(wider.out()).doesNotContain("ref-unresolved");
  }

  /**
   * A specification outside the working directory {@code work}: {@code specs/api/api.yaml} refers
   * to a fragment beside its folder and to a file above {@code specs}.
   */
  private Path specificationOutsideTheWorkingDirectory() throws IOException {
    Files.createDirectories(dir.resolve("work"));
    write("secret.yaml", "Secret: {type: string}");
    write("specs/common/Money.yaml", "Money: {type: string, maxLength: 12, pattern: '^[0-9.]+$'}");
    return write(
        "specs/api/api.yaml",
        "openapi: 3.0.3",
        "info: {title: t, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Money:",
        "      $ref: ../common/Money.yaml#/Money",
        "    Secret:",
        "      $ref: ../../secret.yaml#/Secret");
  }

  private static List<String> unresolvedLines(CliRun run) {
    return run.out().lines().filter(line -> line.contains("[ref-unresolved]")).toList();
  }

  @Test
  void aFolderOrGlobNamedOutsideTheWorkingDirectoryIsTheRootOfItsReferences() throws IOException {
    Path spec = specificationOutsideTheWorkingDirectory();
    Path work = dir.resolve("work");

    CliRun folder = CliRun.runIn(work, "check", dir.resolve("specs").toString());
    CliRun glob = CliRun.runIn(work, "check", dir + "/specs/**/*.yaml");

    for (CliRun run : List.of(folder, glob)) {
      assertThat(run.err()).isEmpty();
      // the fragment beside the document's folder is read; ../ beyond the named folder is not
      assertThat(unresolvedLines(run))
          .singleElement()
          .asString()
          .startsWith(
              spec
                  + ":9:7: error [ref-unresolved] The reference '../../secret.yaml#/Secret' does "
                  + "not resolve: '../../secret.yaml' leads to "
                  + dir.resolve("secret.yaml")
                  + ", outside the root folder '"
                  + dir.resolve("specs")
                  + "'; it was not read (choose the root with --root)");
    }
  }

  @Test
  void aFileNamedOutsideTheWorkingDirectoryHasItsFolderAsRootAndRootWins() throws IOException {
    Path spec = specificationOutsideTheWorkingDirectory();
    Path work = dir.resolve("work");

    CliRun file = CliRun.runIn(work, "check", spec.toString());
    CliRun wider = CliRun.runIn(work, "check", "--root", dir.toString(), spec.toString());
    CliRun narrower =
        CliRun.runIn(work, "check", "--root", dir.resolve("specs/api").toString(), "../specs");

    assertThat(unresolvedLines(file))
        .hasSize(2)
        .allMatch(line -> line.contains("outside the root folder '" + spec.getParent() + "'"));
    assertThat(unresolvedLines(wider)).isEmpty();
    // --root applies to every argument, even when an argument's folder would read more
    assertThat(unresolvedLines(narrower)).hasSize(2);
  }

  @Test
  void eachArgumentOutsideTheWorkingDirectoryHasItsOwnRoot() throws IOException {
    Path spec = specificationOutsideTheWorkingDirectory();
    Path other =
        write(
            "other/api.yaml",
            "openapi: 3.0.3",
            "info: {title: o, version: '1'}",
            "paths: {}",
            "components: {schemas: {Money: {$ref: '../specs/common/Money.yaml#/Money'}}}");

    CliRun run =
        CliRun.runIn(
            dir.resolve("work"), "check", other.toString(), dir.resolve("specs").toString());

    assertThat(unresolvedLines(run))
        .hasSize(2)
        .anyMatch(line -> line.startsWith(other + ":4:") && line.contains("'" + other.getParent()))
        .anyMatch(line -> line.startsWith(spec + ":9:"));
  }

  @Test
  void insideTheWorkingDirectoryTheRootStaysTheWorkingDirectory() throws IOException {
    Path spec = specificationOutsideTheWorkingDirectory();
    Path work = dir.resolve("work");
    Files.createSymbolicLink(work.resolve("linked"), dir.resolve("specs"));

    CliRun inside = CliRun.runIn(spec.getParent(), "check", "api.yaml");
    // named through a link inside the working directory: still confined to it, links resolved
    CliRun linked = CliRun.runIn(work, "check", "linked/api/api.yaml");

    assertThat(unresolvedLines(inside))
        .hasSize(2)
        .allMatch(line -> line.contains("outside the root folder '.'"));
    assertThat(unresolvedLines(linked))
        .hasSize(2)
        .anyMatch(
            line ->
                line.contains(
                    "linked/common/Money.yaml is, or goes through, a symbolic link to "
                        + dir.resolve("specs/common/Money.yaml")
                        + ", outside the root folder '.'"))
        .anyMatch(line -> line.contains("the file secret.yaml does not exist"));
  }

  @Test
  void standardInputKeepsTheWorkingDirectoryAsRoot() throws IOException {
    Path spec = specificationOutsideTheWorkingDirectory();

    CliRun run =
        CliRun.runWithInput(
            Files.readString(spec), "check", "--stdin-filename", spec.toString(), "-");

    assertThat(unresolvedLines(run))
        .hasSize(2)
        .allMatch(line -> line.contains("outside the root folder '.'"));
  }

  @Test
  void standardInputResolvesReferencesFromTheFolderOfItsName() throws IOException {
    write("api/schemas/Id.yaml", "type: string");
    String text =
        String.join(
            "\n",
            "openapi: 3.0.3",
            "info: {title: t, version: '1'}",
            "paths: {}",
            "components: {schemas: {Id: {$ref: './schemas/Id.yaml'}, Gone: {$ref: './schemas/Gone.yaml'}}}",
            "");

    CliRun run =
        CliRun.runWithInput(
            text,
            "check",
            "--root",
            dir.toString(),
            "--stdin-filename",
            dir.resolve("api/api.yaml").toString(),
            "-");

    assertThat(run.out())
        .contains("'./schemas/Gone.yaml' does not resolve")
        .doesNotContain("'./schemas/Id.yaml' does not");
  }

  @Test
  void remoteReferencesOpenNoConnectionUnlessAllowedAndNeverToLoopback() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/money.yaml#/Money";
      Path spec =
          write(
              "api.yaml",
              "openapi: 3.0.3",
              "info: {title: t, version: '1'}",
              "paths: {}",
              "components:",
              "  schemas:",
              "    Money:",
              "      $ref: '" + url + "'");

      CliRun byDefault = CliRun.run("check", "--root", dir.toString(), spec.toString());
      CliRun allowed =
          CliRun.run(
              "check",
              "--root",
              dir.toString(),
              "--allow-remote-refs",
              "--remote-host",
              "127.0.0.1",
              "--remote-port",
              String.valueOf(server.getAddress().getPort()),
              spec.toString());

      assertThat(byDefault.out())
          .contains(spec + ":7:7: error [ref-remote]")
          .contains("over plain http")
          .contains("not fetched: remote references are not fetched")
          .doesNotContain("ref-unresolved");
      assertThat(allowed.out())
          .contains("[ref-remote]")
          .contains("in 127.0.0.0/8 (loopback)")
          .contains("special-purpose addresses are never fetched");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void remoteOptionsAreCheckedTogether() {
    assertThat(CliRun.run("check", "--allow-remote-refs", "x.yaml").err())
        .contains("needs at least one --remote-host");
    assertThat(CliRun.run("check", "--remote-host", "example.com", "x.yaml").err())
        .contains("no effect without --allow-remote-refs");
  }

  /** The findings of one rule: the other rules also report on these small documents. */
  private static List<JsonNode> onlyRule(JsonNode findings, String field, String ruleId) {
    List<JsonNode> matching = new ArrayList<>();
    findings.forEach(
        finding -> {
          if (finding.get(field).asText().equals(ruleId)) {
            matching.add(finding);
          }
        });
    return matching;
  }
}
