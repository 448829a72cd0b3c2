package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.report.SarifReporter;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formats through the command line, on specifications written for these tests. Every SARIF
 * output is schema-checked.
 */
class OutputFormatsTest {
  static final String PAYMENTS = "src/test/resources/specs/payments/payments-api.yaml";
  static final String ACCOUNTS = "src/test/resources/specs/accounts/accounts-api.json";
  static final String CLEAN = "src/test/resources/specs/clean-api.yaml";
  static final String BROKEN = "src/test/resources/specs/broken.yaml";

  /**
   * The sample that carries the mistakes the SFTI threat model warns about (written for this
   * project).
   */
  static final String WEALTH = "../sample-specs/wealth/wealth-api.yaml";

  /** The two rules these specs were written for. */
  static final List<String> AUTH_RULES =
      List.of("operation-security-missing", "security-schemes-missing");

  /**
   * {@code check} with only {@link #AUTH_RULES} (the others disabled), for tests that pin exact
   * output: rules added later must not change it.
   */
  static CliRun checkWithAuthRules(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (!AUTH_RULES.contains(rule.id())) {
        all.addAll(List.of("--disable", rule.id()));
      }
    }
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static JsonNode sarifRun(CliRun run) {
    return SarifValidation.assertValid(run.out()).path("runs").get(0);
  }

  @Test
  void sarifOfOpenApi30Swagger20AndOpenApi31IsValidAndHasEveryFinding() throws Exception {
    CliRun sarif =
        CliRun.run("check", "--format", "sarif", "--profile", "strict", PAYMENTS, ACCOUNTS, CLEAN);
    CliRun json =
        CliRun.run("check", "--format", "json", "--profile", "strict", PAYMENTS, ACCOUNTS, CLEAN);
    assertThat(sarif.exit()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode run = sarifRun(sarif);
    int findings = new ObjectMapper().readTree(json.out()).path("findings").size();
    assertThat(findings).isGreaterThanOrEqualTo(6);
    assertThat(run.path("results")).hasSize(findings);
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(BuiltInRules.all().size());
    List<String> uris = new ArrayList<>();
    run.path("results")
        .forEach(
            r ->
                uris.add(
                    r.path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText()));
    assertThat(uris).contains(ACCOUNTS, PAYMENTS).isSubsetOf(ACCOUNTS, PAYMENTS, CLEAN);
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
  }

  @Test
  void sarifOfTheSftiSampleIsValid() {
    CliRun run = CliRun.run("check", "--format", "sarif", "--profile", "sfti", WEALTH);
    assertThat(sarifRun(run).path("results")).isNotEmpty();
  }

  @Test
  void aCleanRunHasAnEmptyResultsArray() {
    CliRun run = checkWithAuthRules("--format", "sarif", CLEAN);
    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    JsonNode sarif = sarifRun(run);
    assertThat(sarif.path("results").isArray()).isTrue();
    assertThat(sarif.path("results")).isEmpty();
    assertThat(sarif.has("automationDetails")).isFalse();
  }

  @Test
  void aFileThatCannotBeParsedMakesTheInvocationFail() {
    CliRun run = CliRun.run("check", "--format", "sarif", BROKEN, PAYMENTS);
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    JsonNode invocation = sarifRun(run).path("invocations").get(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    assertThat(
            invocation
                .path("toolExecutionNotifications")
                .get(0)
                .path("message")
                .path("text")
                .asText())
        .startsWith(BROKEN + ":3:");
    assertThat(run.err()).startsWith(BROKEN + ":3:");
  }

  @Test
  void theCategoryIsWrittenOnlyWhenGiven() {
    CliRun run =
        CliRun.run("check", "--format", "sarif", "--sarif-category", "openapi/payments", PAYMENTS);
    assertThat(sarifRun(run).path("automationDetails").path("id").asText())
        .isEqualTo("openapi/payments");
  }

  @Test
  void githubAnnotationsJunitAndMarkdown() throws Exception {
    // both findings are notes: optional authentication and a status read marked public by its own
    // empty security
    CliRun github = checkWithAuthRules("--format", "github", ACCOUNTS);
    assertThat(github.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(github.out().lines().toList()).hasSize(3);
    assertThat(github.out()).startsWith("::notice file=" + ACCOUNTS + ",line=30,col=");
    assertThat(github.out())
        .contains(
            ",title=Operation without authentication (operation-security-missing)::GET /status (read)");

    CliRun junit = checkWithAuthRules("--format", "junit", ACCOUNTS, CLEAN);
    assertThat(junit.out())
        .startsWith("<?xml")
        .contains("<testsuites name=\"threatlint\" tests=\"4\" failures=\"1\" errors=\"0\">");

    CliRun markdown = checkWithAuthRules("--format", "markdown", ACCOUNTS);
    assertThat(markdown.out())
        .startsWith("### threatlint\n\n2 findings (0 errors, 0 warnings, 2 notes) in 1 file.");
  }

  @Test
  void severalFormatsGoToTheirFiles(@TempDir Path folder) throws Exception {
    Path sarif = folder.resolve("out/threatlint.sarif");
    Path junit = folder.resolve("junit.xml");
    CliRun run =
        checkWithAuthRules(
            "--format",
            "github",
            "--format",
            "sarif=" + sarif,
            "--format",
            "junit=" + junit,
            "--format",
            "markdown=" + folder.resolve("summary.md"),
            PAYMENTS);
    assertThat(run.out()).startsWith("::error file=" + PAYMENTS);
    SarifValidation.assertValid(Files.readString(sarif, StandardCharsets.UTF_8));
    assertThat(Files.readString(junit, StandardCharsets.UTF_8))
        .contains("<testcase classname=\"" + PAYMENTS + "\"");
    assertThat(Files.readString(folder.resolve("summary.md"), StandardCharsets.UTF_8))
        .startsWith("### threatlint");
  }

  @Test
  void anUnknownFormatNamesTheKnownOnes() {
    CliRun run = CliRun.run("check", "--format", "html", PAYMENTS);
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .contains("unknown format 'html' (choose from text, json, sarif, github, junit, markdown)");
  }

  @Test
  void moreResultsThanGitHubTakesAreCutWithAWarningOnStderr() {
    // one operation per path: the first requires the declared scheme, each of the others is open
    // and
    // its own finding (only the two rules that see it run)
    StringBuilder spec =
        new StringBuilder(
            "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Big\",\"version\":\"1\"},"
                + "\"components\":{\"securitySchemes\":{\"key\":{\"type\":\"apiKey\",\"in\":\"header\","
                + "\"name\":\"X-Key\"}}},\"paths\":{\"/secured\":{\"get\":{\"security\":[{\"key\":[]}],"
                + "\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
    int operations = SarifReporter.MAX_RESULTS + 1;
    for (int i = 0; i < operations; i++) {
      spec.append(",\"/r")
          .append(i)
          .append("\":{\"get\":{\"responses\":{\"200\":{\"description\":\"ok\"}}}}");
    }
    spec.append("}}");
    List<String> args =
        new ArrayList<>(List.of("check", "--format", "sarif", "--stdin-filename", "big.json"));
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (!AUTH_RULES.contains(rule.id())) {
        args.addAll(List.of("--disable", rule.id()));
      }
    }
    args.add("-");
    CliRun run = CliRun.runWithInput(spec.toString(), args.toArray(String[]::new));
    assertThat(run.err())
        .contains("threatlint: warning: SARIF lists only the 25000 most severe of 25001 findings");
    JsonNode sarif = SarifValidation.assertValid(run.out()).path("runs").get(0);
    assertThat(sarif.path("results")).hasSize(SarifReporter.MAX_RESULTS);
    // all are as severe: the first in the file comes first
    assertThat(sarif.path("results").get(0).path("message").path("text").asText())
        .startsWith("GET /r0 (read)");
    assertThat(
            sarif
                .path("invocations")
                .get(0)
                .path("toolExecutionNotifications")
                .get(0)
                .path("level")
                .asText())
        .isEqualTo("warning");
  }
}
