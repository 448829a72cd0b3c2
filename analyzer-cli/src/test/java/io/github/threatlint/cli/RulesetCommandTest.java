package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bank's guideline written as a Spectral ruleset, run end to end by {@code threatlint check}:
 * every output format, the ruleset's metadata in SARIF, in-source suppression, baselines, and the
 * refusal of a ruleset that cannot run.
 */
class RulesetCommandTest {
  @TempDir Path folder;

  private static final String RULESET =
      String.join(
          "\n",
          "documentationUrl: https://wiki.bank.example/api-guidelines",
          "rules:",
          "  bank-operation-id:",
          "    description: Every operation has an operationId in camelCase.",
          "    message: \"{{error}}\"",
          "    severity: error",
          "    given: $.paths.*[get,put,post,delete,patch]",
          "    then:",
          "      - {field: operationId, function: truthy}",
          "      - {field: operationId, function: casing, functionOptions: {type: camel}}",
          "  bank-problem-json:",
          "    description: Every 4xx response returns application/problem+json.",
          "    documentationUrl: https://wiki.bank.example/api-guidelines/errors",
          "    given: $.paths.*.*.responses[?(@property.startsWith('4'))].content",
          "    then: {field: application/problem+json, function: defined}",
          "    x-threatlint: {owasp2023: [API8], securitySeverity: 3.5}",
          "");

  private static final String SPEC =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: Payments, version: '1'}",
          "paths:",
          "  /payments:",
          "    get:",
          "      operationId: list_payments",
          "      responses:",
          "        '200': {description: ok}",
          "        '404':",
          "          description: missing",
          "          content: {application/json: {schema: {type: object}}}",
          "    post:",
          "      x-threatlint-ignore: [bank-operation-id]",
          "      responses: {'201': {description: created}}",
          "");

  @BeforeEach
  void writeFiles() throws Exception {
    Files.createDirectories(folder.resolve("guidelines"));
    Files.writeString(folder.resolve("guidelines/bank.spectral.yaml"), RULESET);
    Files.writeString(
        folder.resolve(".threatlint.yaml"), "rulesets: [guidelines/bank.spectral.yaml]\n");
    Files.writeString(folder.resolve("payments.yaml"), SPEC);
  }

  /** {@code check} with the ruleset's rules only: the built-in ones are switched off. */
  private CliRun check(String... args) {
    List<String> all = new ArrayList<>(List.of("check"));
    for (RuleDescriptor rule : BuiltInRules.all()) {
      all.addAll(List.of("--disable", rule.id()));
    }
    all.addAll(List.of(args));
    return CliRun.runIn(folder, all.toArray(String[]::new));
  }

  @Test
  void theTextReportShowsTheRulesetFindingsWhereTheNodesAreWritten() {
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out())
        .contains("payments.yaml:6:7: error [bank-operation-id] must be camel case\n")
        .contains(
            "payments.yaml:11:11: warning [bank-problem-json] Every 4xx response returns application/problem+json.\n")
        .doesNotContain("payments.yaml:12:");
  }

  @Test
  void everyFormatCarriesTheRulesetFindings() {
    for (String format : Reporters.names()) {
      CliRun run = check("--format", format, "payments.yaml");
      assertThat(run.exit()).as(format).isEqualTo(ExitCodes.FINDINGS);
      assertThat(run.out()).as(format).contains("bank-operation-id").contains("bank-problem-json");
    }
    CliRun text = check("--format", "text", "payments.yaml");
    assertThat(text.out()).contains("bank-operation-id");
  }

  @Test
  void sarifDescribesTheRulesWithTheRulesetsMetadata() throws Exception {
    CliRun run = check("--format", "sarif", "payments.yaml");
    JsonNode sarif = SarifValidation.assertValid(run.out()).path("runs").get(0);
    List<JsonNode> rules = new ArrayList<>();
    sarif.path("tool").path("driver").path("rules").forEach(rules::add);
    assertThat(rules)
        .extracting(r -> r.path("id").asText())
        .containsExactly("bank-operation-id", "bank-problem-json");
    JsonNode operationId = rules.get(0);
    assertThat(operationId.path("helpUri").asText())
        .isEqualTo("https://wiki.bank.example/api-guidelines#bank-operation-id");
    assertThat(operationId.path("shortDescription").path("text").asText())
        .isEqualTo("Every operation has an operationId in camelCase.");
    // a guideline without x-threatlint mappings is no security alert in code scanning
    assertThat(operationId.path("properties").has("security-severity")).isFalse();
    assertThat(operationId.path("properties").path("tags").toString())
        .doesNotContain("\"security\"");
    JsonNode problemJson = rules.get(1);
    assertThat(problemJson.path("helpUri").asText())
        .isEqualTo("https://wiki.bank.example/api-guidelines/errors");
    assertThat(check("--format", "markdown", "payments.yaml").out())
        .contains("(https://wiki.bank.example/api-guidelines/errors)");
    assertThat(CliRun.runIn(folder, "explain", "bank-problem-json").out())
        .contains("- **Documentation**: https://wiki.bank.example/api-guidelines/errors\n");
    assertThat(problemJson.path("properties").path("tags").toString())
        .contains("owasp-api-2023/API8");
    assertThat(problemJson.path("properties").path("security-severity").asText()).isEqualTo("3.5");
    assertThat(problemJson.path("properties").path("tags").toString()).contains("\"security\"");
    List<String> suppressed = new ArrayList<>();
    sarif
        .path("results")
        .forEach(r -> suppressed.add(r.path("ruleId").asText() + " " + r.has("suppressions")));
    assertThat(suppressed)
        .containsExactlyInAnyOrder(
            "bank-operation-id false", "bank-operation-id true", "bank-problem-json false");
  }

  @Test
  void aBaselineAcceptsTheRulesetFindings() throws Exception {
    CliRun write = check("--write-baseline", "baseline.json", "payments.yaml");
    assertThat(write.exit()).as(write.err()).isEqualTo(ExitCodes.CLEAN);
    CliRun again = check("--baseline", "baseline.json", "--format", "json", "payments.yaml");
    assertThat(again.exit()).as(again.err()).isEqualTo(ExitCodes.CLEAN);
    JsonNode json = new ObjectMapper().readTree(again.out());
    assertThat(json.path("findings").toString()).contains("bank-problem-json");
  }

  @Test
  void theReadmesGuidelineExampleGivesTheOutputItShows() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    String section = readme.substring(readme.indexOf("### Your own API guidelines"));
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```(?:yaml)?\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (blocks.size() < 4 && block.find()) {
      blocks.add(block.group(1));
    }
    Files.writeString(folder.resolve("guidelines/bank-api.spectral.yaml"), blocks.get(0));
    Files.writeString(folder.resolve(".threatlint.yaml"), blocks.get(1));
    Files.writeString(folder.resolve("payments.yaml"), blocks.get(2));
    CliRun run = check("payments.yaml");
    assertThat(run.out()).startsWith(blocks.get(3));
  }

  @Test
  void aRulesetThatCannotRunStopsTheRunWithOneLine() throws Exception {
    Files.writeString(
        folder.resolve("guidelines/bank.spectral.yaml"),
        "extends: spectral:oas\n" + RULESET.substring(RULESET.indexOf("rules:")));
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .isEqualTo(
            "guidelines/bank.spectral.yaml:1:10: error: extends of 'spectral:oas' cannot be read: "
                + "threatlint reads local ruleset files only (no URL, npm package or built-in Spectral "
                + "ruleset such as spectral:oas)\n");
  }

  @Test
  void withRulesetErrorsWarnABrokenRuleIsLeftOutWithAWarningLine() throws Exception {
    Files.writeString(
        folder.resolve(".threatlint.yaml"),
        "rulesets: [guidelines/bank.spectral.yaml]\nrulesetErrors: warn\n");
    Files.writeString(
        folder.resolve("guidelines/bank.spectral.yaml"),
        RULESET.replace("function: defined", "function: isProblemJson"));
    CliRun run = check("payments.yaml");
    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.err())
        .startsWith("guidelines/bank.spectral.yaml:15:45: ")
        .contains("warning: rule 'bank-problem-json': unknown function 'isProblemJson'")
        .endsWith("(the rule is left out)\n");
    assertThat(run.out()).contains("bank-operation-id").doesNotContain("bank-problem-json");
  }
}
