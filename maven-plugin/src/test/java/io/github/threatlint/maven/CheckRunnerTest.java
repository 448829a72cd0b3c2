package io.github.threatlint.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRunnerTest {
  private static final String UNSECURED =
      """
      openapi: 3.0.3
      info: {title: Ferry tickets, version: 1.0.0}
      paths:
        /tickets:
          get:
            responses:
              "200": {description: Tickets}
      components:
        securitySchemes:
          key: {type: apiKey, in: header, name: X-Key}
      """;

  @TempDir Path project;

  private final RecordingLog log = new RecordingLog();

  @Test
  void findingsAreLoggedAtTheirLevelWithFileLineAndColumnThenSummarised() throws Exception {
    write("src/main/openapi/ferry.yaml", UNSECURED);

    CheckOutcome outcome = new CheckRunner(log).run(request("error", List.of("text", "sarif")));

    assertThat(outcome.failingFindings()).isEqualTo(1);
    assertThat(outcome.failingFiles()).containsExactly("src/main/openapi/ferry.yaml");
    assertThat(log.lines)
        .contains(
            "[ERROR] src/main/openapi/ferry.yaml:5:5: [operation-security-missing] GET /tickets (read) requires no "
                + "authentication: no 'security' applies to it, although the document declares the security scheme 'key'. "
                + "Require it on the operation, or for every operation with a document-wide 'security'.",
            "[INFO] threatlint: 12 findings (1 error, 2 warnings, 9 notes) in 1 specification. Reports: "
                + "target/threatlint/threatlint.txt, target/threatlint/threatlint.sarif.");
    assertThat(outcome.reports())
        .containsExactly("target/threatlint/threatlint.txt", "target/threatlint/threatlint.sarif");
    assertThat(Files.readString(project.resolve("target/threatlint/threatlint.txt")))
        .contains("src/main/openapi/ferry.yaml:5:5: error [operation-security-missing]");
    assertThat(Files.readString(project.resolve("target/threatlint/threatlint.sarif")))
        .contains("\"ruleId\" : \"operation-security-missing\"");
  }

  @Test
  void failOnNoneReportsWithoutFailing() throws Exception {
    write("src/main/openapi/ferry.yaml", UNSECURED);

    CheckOutcome outcome = new CheckRunner(log).run(request("none", List.of("json")));

    assertThat(outcome.threshold()).isEqualTo(Level.OFF);
    assertThat(outcome.failingFindings()).isZero();
    assertThat(Files.exists(project.resolve("target/threatlint/threatlint.json"))).isTrue();
    assertThat(Files.exists(project.resolve("target/threatlint/threatlint.sarif"))).isFalse();
  }

  @Test
  void nothingToCheckIsNotAFailure() throws Exception {
    write("src/main/openapi/schemas/ticket.yaml", "type: object\n");

    CheckOutcome outcome = new CheckRunner(log).run(request("error", List.of("text")));

    assertThat(outcome.result()).isNull();
    assertThat(outcome.failingFindings()).isZero();
    assertThat(log.text())
        .contains(
            "[INFO] threatlint: no OpenAPI or Swagger specification matches src/main/openapi/**/*.{yaml,yml,json} "
                + "or src/main/resources/**/{openapi,swagger}*.{yaml,yml,json} (1 matched file without a top-level openapi or swagger key, "
                + "so fragments only); nothing to check.");
    assertThat(Files.exists(project.resolve("target/threatlint"))).isFalse();
  }

  @Test
  void anUnreadableSpecificationStopsTheCheckWithItsOneLineReason() throws IOException {
    write("src/main/openapi/ferry.yaml", "openapi: 3.0.3\npaths:\n  /tickets: [\n");

    assertThatThrownBy(() -> new CheckRunner(log).run(request("error", List.of("text"))))
        .isInstanceOf(InvalidCheckException.class)
        .hasMessageStartingWith("src/main/openapi/ferry.yaml:")
        .hasMessageContaining(": error: ")
        .hasMessageNotContaining("\n");
    assertThat(log.text()).contains("1 problem stopped the check");
  }

  @Test
  void aMisspeltFileIsReportedNotIgnored() {
    SpecFileSet specs = new SpecFileSet();
    specs.set("src/main/openapi/ferry.yml");

    assertThatThrownBy(
            () -> new CheckRunner(log).run(request(specs, "recommended", "error", List.of("text"))))
        .isInstanceOf(InvalidCheckException.class)
        .hasMessage("src/main/openapi/ferry.yml: error: no such file");
  }

  @Test
  void brokenParametersAreNamedWithTheirChoices() {
    assertThatThrownBy(() -> new CheckRunner(log).run(request("errors", List.of("text"))))
        .hasMessage("failOn (threatlint.failOn) takes error, warning, note or none, not 'errors'");
    assertThatThrownBy(() -> new CheckRunner(log).run(request("error", List.of("text", "html"))))
        .hasMessage(
            "formats (threatlint.formats) has the unknown format 'html' (choose from text, json, sarif, junit, markdown)");
    assertThatThrownBy(() -> new CheckRunner(log).run(request("error", List.of("github"))))
        .hasMessageStartingWith(
            "formats (threatlint.formats): the github format prints workflow commands to standard output");
    assertThatThrownBy(
            () ->
                new CheckRunner(log)
                    .run(request(new SpecFileSet(), "paranoid", "error", List.of("text"))))
        .hasMessage(
            "profile (threatlint.profile) takes recommended, sfti or strict, not 'paranoid'");
  }

  @Test
  void aConfigurationFileAboveTheModuleIsFoundAndApplied() throws Exception {
    write(
        ".threatlint.yaml",
        "rules:\n  security-schemes-missing: off\n  operation-security-missing: warning\n");
    Path module = project.resolve("tickets-api");
    write("tickets-api/src/main/openapi/ferry.yaml", UNSECURED);
    CheckParameters request =
        new CheckParameters(
            module,
            project,
            new SpecFileSet(),
            module,
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            module.resolve("target/threatlint"),
            "error",
            true,
            null,
            null);

    CheckOutcome outcome = new CheckRunner(log).run(request);

    assertThat(outcome.failingFindings()).isZero();
    assertThat(log.lines)
        .contains(
            "[INFO] threatlint 0.1.0-SNAPSHOT: checking tickets-api/src/main/openapi/ferry.yaml for security problems "
                + "(profile recommended, configuration .threatlint.yaml)."
                    .replace("0.1.0-SNAPSHOT", io.github.threatlint.core.Version.get()),
            "[WARNING] tickets-api/src/main/openapi/ferry.yaml:5:5: [operation-security-missing] GET /tickets (read) requires no "
                + "authentication: no 'security' applies to it, although the document declares the security scheme 'key'. "
                + "Require it on the operation, or for every operation with a document-wide 'security'.");
  }

  @Test
  void aBrokenConfigurationOrBaselineStopsTheCheckWithItsPlace() throws IOException {
    write("src/main/openapi/ferry.yaml", UNSECURED);
    write("threatlint.yaml", "rules:\n  operation-security-misssing: off\n");
    write("baseline.json", "{\"entries\": []}\n");

    assertThatThrownBy(
            () -> new CheckRunner(log).run(withFiles(project.resolve("threatlint.yaml"), null)))
        .isInstanceOf(InvalidCheckException.class)
        .hasMessageStartingWith("threatlint.yaml:2:3: error: ")
        .hasMessageContaining("operation-security-misssing");
    assertThatThrownBy(
            () -> new CheckRunner(log).run(withFiles(project.resolve("missing.yaml"), null)))
        .hasMessage(
            "missing.yaml: error: no such configuration file (configLocation, threatlint.configLocation)");
    assertThatThrownBy(
            () -> new CheckRunner(log).run(withFiles(null, project.resolve("baseline.json"))))
        .hasMessageStartingWith("baseline.json:1:1: error: not a threatlint baseline");
  }

  @Test
  void aRootThatIsNoFolderIsNamed() throws IOException {
    write("src/main/openapi/ferry.yaml", UNSECURED);
    CheckParameters request =
        new CheckParameters(
            project,
            project,
            new SpecFileSet(),
            project.resolve("nowhere"),
            null,
            null,
            List.of(),
            List.of(),
            List.of(),
            project.resolve("target/threatlint"),
            "error",
            true,
            null,
            null);

    assertThatThrownBy(() -> new CheckRunner(log).run(request))
        .hasMessage(
            "root (threatlint.root) " + project.resolve("nowhere") + " is not an existing folder");
  }

  @Test
  void reportsOfFormatsNoLongerAskedForAreRemovedAndOthersLeftAlone() throws Exception {
    write("src/main/openapi/ferry.yaml", UNSECURED);
    new CheckRunner(log).run(request("none", List.of("text", "sarif", "json")));
    write("target/threatlint/threatlint-report.html", "<html></html>");
    write("target/threatlint/notes.txt", "mine");

    new CheckRunner(log).run(request("none", List.of("sarif")));

    assertThat(Files.exists(project.resolve("target/threatlint/threatlint.sarif"))).isTrue();
    assertThat(Files.exists(project.resolve("target/threatlint/threatlint.txt"))).isFalse();
    assertThat(Files.exists(project.resolve("target/threatlint/threatlint.json"))).isFalse();
    assertThat(Files.exists(project.resolve("target/threatlint/threatlint-report.html"))).isTrue();
    assertThat(Files.exists(project.resolve("target/threatlint/notes.txt"))).isTrue();
    assertThat(log.lines)
        .contains(
            "[INFO] threatlint: removed target/threatlint/threatlint.txt, a report of a previous run in a "
                + "format no longer asked for.");
  }

  @Test
  void sarifNamesFilesOutsideTheModuleRelativeToTheRepositoryWithItsCategory() throws Exception {
    Files.createDirectories(project.resolve(".git"));
    write("shared/tickets.yaml", "get:\n  responses:\n    \"200\": {description: Tickets}\n");
    Path module = project.resolve("tickets-api");
    write(
        "tickets-api/src/main/openapi/ferry.yaml",
        "openapi: 3.0.3\ninfo: {title: Ferry tickets, version: 1.0.0}\n"
            + "paths:\n  /tickets:\n    $ref: '../../../../shared/tickets.yaml'\n");
    CheckParameters request =
        new CheckParameters(
            module,
            module,
            new SpecFileSet(),
            project,
            null,
            null,
            List.of(),
            List.of(),
            List.of("sarif", "text"),
            module.resolve("target/threatlint"),
            "none",
            true,
            null,
            "tickets-api");

    new CheckRunner(log).run(request);

    String sarif = Files.readString(module.resolve("target/threatlint/threatlint.sarif"));
    // one absolute URI only: %SRCROOT%, the repository's folder
    assertThat(sarif.split("\"uri\" : \"file:", -1)).hasSize(2);
    assertThat(sarif)
        .contains(
            "\"uri\" : \"shared/tickets.yaml\"",
            "\"uri\" : \"tickets-api/src/main/openapi/ferry.yaml\"",
            "\"uri\" : \"" + project.toUri() + "\"",
            "\"id\" : \"tickets-api\"");
    // the log and the other reports keep naming files from where Maven was started
    assertThat(Files.readString(module.resolve("target/threatlint/threatlint.txt")))
        .contains("src/main/openapi/ferry.yaml:");
  }

  @Test
  void enableAndDisableSwitchRulesAndUnknownIdsAreNamed() throws Exception {
    write("src/main/openapi/ferry.yaml", UNSECURED);
    CheckParameters switched =
        new CheckParameters(
            project,
            project,
            new SpecFileSet(),
            project,
            null,
            null,
            List.of("parameter-description-missing"),
            List.of("security-schemes-missing"),
            List.of(),
            project.resolve("target/threatlint"),
            "none",
            true,
            null,
            null);

    CheckOutcome outcome = new CheckRunner(log).run(switched);

    assertThat(outcome.result().rules())
        .extracting(rule -> rule.id())
        .contains("parameter-description-missing")
        .doesNotContain("security-schemes-missing");
    CheckParameters misspelt =
        new CheckParameters(
            project,
            project,
            new SpecFileSet(),
            project,
            null,
            null,
            List.of(),
            List.of("security-scheme-missing"),
            List.of(),
            project.resolve("target/threatlint"),
            "none",
            true,
            null,
            null);
    assertThatThrownBy(() -> new CheckRunner(log).run(misspelt))
        .hasMessageStartingWith(
            "disable (threatlint.disable) names the unknown rule 'security-scheme-missing' (did you mean "
                + "'security-schemes-missing'?)");
  }

  private CheckParameters withFiles(Path configLocation, Path baseline) {
    return new CheckParameters(
        project,
        project,
        new SpecFileSet(),
        project,
        configLocation,
        null,
        List.of(),
        List.of(),
        List.of("text"),
        project.resolve("target/threatlint"),
        "error",
        true,
        baseline,
        null);
  }

  private CheckParameters request(String failOn, List<String> formats) {
    return request(new SpecFileSet(), "recommended", failOn, formats);
  }

  private CheckParameters request(
      SpecFileSet specs, String profile, String failOn, List<String> formats) {
    return new CheckParameters(
        project,
        project,
        specs,
        project,
        null,
        profile,
        List.of(),
        List.of(),
        formats,
        project.resolve("target/threatlint"),
        failOn,
        true,
        null,
        null);
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
