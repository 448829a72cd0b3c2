package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action (action.yml) as the runner executes its step: {@code scripts/github-action}
 * with GitHub's environment variables set here, on a workspace made here, running this build's
 * command line. Checks the annotations, the SARIF file, the job summary, the step outputs and the
 * exit code.
 */
class GitHubActionTest {
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Path SCRIPT = REPOSITORY.resolve("scripts/github-action");

  /**
   * A spec whose public operation (line 6: its empty security opts out of the declared scheme) is
   * an error and whose missing 429 is a warning.
   */
  static final String PUBLIC_OPERATION =
      """
      openapi: 3.0.3
      info: {title: Accounts, version: 1.0.0}
      servers: [{url: 'https://api.example.com/v1'}]
      paths:
        /accounts:
          get:
            security: []
            responses: {'200': {description: the accounts}}
      components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}
      """;

  @TempDir Path dir;
  private Path workspace;
  private Path threatlint;

  record Step(int exit, String out, String err, String outputs, String summary) {}

  /** A workspace with {@link #PUBLIC_OPERATION}, under a name with a space. */
  @BeforeEach
  void workspace() throws IOException {
    workspace = Files.createDirectories(dir.resolve("workspace"));
    Files.createDirectories(workspace.resolve("specs"));
    Files.writeString(workspace.resolve("specs/accounts api.yaml"), PUBLIC_OPERATION);
    threatlint = commandLine(dir.resolve("bin"));
  }

  /**
   * {@code threatlint} as a script running this build's classes, as the action's launcher runs its
   * jar.
   */
  static Path commandLine(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path command = folder.resolve("threatlint");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        command,
        "#!/bin/sh\nexec '"
            + java
            + "' -cp '"
            + System.getProperty("java.class.path")
            + "' io.github.threatlint.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwxr-xr-x"));
    return command;
  }

  private Step step(Map<String, String> inputs) throws IOException, InterruptedException {
    // each step has files of its own, empty at its start
    Path outputs = Files.writeString(dir.resolve("github_output"), "");
    Path summary = dir.resolve("step_summary");
    if (!Files.exists(summary)) {
      Files.writeString(summary, "");
    }
    ProcessBuilder process = new ProcessBuilder("bash", SCRIPT.toString()).directory(dir.toFile());
    Map<String, String> environment = process.environment();
    environment.put("THREATLINT", threatlint.toString());
    environment.put("GITHUB_WORKSPACE", workspace.toString());
    environment.put("GITHUB_OUTPUT", outputs.toString());
    environment.put("GITHUB_STEP_SUMMARY", summary.toString());
    environment.putAll(inputs);
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    process.redirectOutput(out.toFile()).redirectError(err.toFile());
    int exit = process.start().waitFor();
    return new Step(
        exit,
        Files.readString(out),
        Files.readString(err),
        Files.readString(outputs),
        Files.readString(summary));
  }

  @Test
  void findingsBecomeAnnotationsASarifFileAndAJobSummaryAndTheStepFailsOnErrors() throws Exception {
    Step step =
        step(
            Map.of(
                "INPUT_SPECS", "specs/accounts*.yaml", "INPUT_SARIF_CATEGORY", "openapi/accounts"));
    assertThat(step.exit()).as(step.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(step.out())
        .containsPattern(
            "(?m)^::error file=specs/accounts api.yaml,line=6,col=5,.*operation-security-missing")
        .containsPattern("(?m)^::warning file=specs/accounts api.yaml,line=\\d+,");
    assertThat(step.outputs()).isEqualTo("exit-code=1\nsarif-file=threatlint.sarif\n");
    JsonNode run =
        SarifValidation.assertValid(Files.readString(workspace.resolve("threatlint.sarif")))
            .path("runs")
            .get(0);
    assertThat(run.path("automationDetails").path("id").asText()).isEqualTo("openapi/accounts");
    assertThat(
            run.path("results")
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("specs/accounts%20api.yaml");
    assertThat(step.summary())
        .startsWith("### threatlint\n")
        .contains("| error | specs/accounts api.yaml:6:5 | operation-security-missing |");
  }

  @Test
  void failOnAndTheConfigurationDecideTheExitCodeAndTheSummaryIsAppended() throws Exception {
    Files.writeString(dir.resolve("step_summary"), "written by an earlier step\n");
    Step none = step(Map.of("INPUT_FAIL_ON", "none"));
    assertThat(none.exit()).as(none.err()).isZero();
    assertThat(none.summary()).startsWith("written by an earlier step\n### threatlint\n");
    Files.writeString(workspace.resolve("ci.yaml"), "rules:\n  operation-security-missing: off\n");
    Step configured = step(Map.of("INPUT_SPECS", "specs", "INPUT_CONFIG", "ci.yaml"));
    assertThat(configured.out())
        .contains("::warning file=specs/accounts api.yaml,")
        .doesNotContain("operation-security-missing");
  }

  @Test
  void aBaselineAcceptsTodaysFindings() throws Exception {
    CliRun written =
        CliRun.runIn(
            workspace,
            "check",
            "--fail-on",
            "none",
            "--format",
            "json=/dev/null",
            "--write-baseline",
            "threatlint-baseline.json",
            "specs");
    assertThat(written.exit()).as(written.err()).isZero();
    Step step = step(Map.of("INPUT_FAIL_ON", "note", "INPUT_BASELINE", "threatlint-baseline.json"));
    assertThat(step.exit()).as(step.err()).isZero();
    assertThat(step.out()).doesNotContain("::error", "::warning");
  }

  @Test
  void aBrokenInputIsExitCodeTwoWithoutASarifFileToUpload() throws Exception {
    Files.writeString(workspace.resolve("threatlint.sarif"), "{\"stale\": true}");
    Step step = step(Map.of("INPUT_PROFILE", "paranoid"));
    assertThat(step.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(step.err()).contains("unknown profile 'paranoid'");
    assertThat(step.outputs()).isEqualTo("exit-code=2\n");
    assertThat(workspace.resolve("threatlint.sarif")).doesNotExist();
  }

  /**
   * Every input of action.yml reaches the script: the check step passes it on, and the script reads
   * it.
   */
  @Test
  void theActionPassesEveryInputTheScriptReads() throws Exception {
    ParsedFile action =
        TreeParser.parse(
            new SourceFile(
                REPOSITORY.resolve("action.yml"),
                "action.yml",
                Files.readString(REPOSITORY.resolve("action.yml"), StandardCharsets.UTF_8)));
    String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
    JsonNode check = null;
    for (JsonNode step : action.root().path("runs").path("steps")) {
      if (step.path("id").asText().equals("check")) {
        check = step;
      }
    }
    assertThat(check).isNotNull();
    assertThat(check.path("run").asText())
        .isEqualTo("\"$GITHUB_ACTION_PATH/scripts/github-action\"");
    Map<String, String> passed = new HashMap<>();
    for (Map.Entry<String, JsonNode> variable : check.path("env").properties()) {
      passed.put(variable.getKey(), variable.getValue().asText());
    }
    List<String> inputs = new ArrayList<>();
    action.root().path("inputs").fieldNames().forEachRemaining(inputs::add);
    inputs.removeAll(List.of("upload-sarif", "java-version"));
    for (String input : inputs) {
      String variable = "INPUT_" + input.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
      assertThat(passed).as(input).containsEntry(variable, "${{ inputs." + input + " }}");
      assertThat(script).as(input).contains("${" + variable);
    }
    assertThat(passed).hasSize(inputs.size());
  }
}
