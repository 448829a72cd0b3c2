package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  private static final String INSECURE =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: Accounts, version: 1.0.0}",
          "paths:",
          "  /v1/accounts:",
          "    get:",
          "      responses:",
          "        '200': {description: ok}",
          "components:",
          "  securitySchemes:",
          "    apiKey: {type: apiKey, in: header, name: X-API-Key}",
          "");

  private static final String SWAGGER =
      String.join(
          "\n",
          "{",
          "  \"swagger\": \"2.0\",",
          "  \"info\": {\"title\": \"Payments\", \"version\": \"1\"},",
          "  \"paths\": {",
          "    \"/v1/payments\": {",
          "      \"post\": {\"responses\": {\"201\": {\"description\": \"created\"}}}",
          "    }",
          "  },",
          "  \"securityDefinitions\": {\"apiKey\": {\"type\": \"apiKey\", \"in\": \"header\", \"name\": \"X-API-Key\"}}",
          "}");

  @TempDir Path dir;

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void reportsFindingsAsTextAndExitsWithOne() throws IOException {
    String spec = write("api.yaml", INSECURE);
    CliRun run = CliRun.run("check", spec);
    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out())
        .contains(
            spec
                + ":5:5: error [operation-security-missing] GET /v1/accounts (read) requires no authentication");
    // other rules (warnings, notes) report on this spec too: only the one error is this test's
    // business
    assertThat(run.out().strip())
        .matches("(?s).*\\d+ findings \\(1 error, \\d+ warnings?, \\d+ notes?\\) in 1 file\\.");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void documentsOnlySkipsNamedFilesThatAreNoDocumentInsteadOfReportingThem() throws IOException {
    String ci = write("ci.yml", "name: build\non: push\n");
    String spec = write("api.yaml", INSECURE);
    CliRun plain = CliRun.run("check", ci);
    assertThat(plain.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(plain.err()).contains("not an OpenAPI or Swagger document");
    CliRun skipped = CliRun.run("check", "--documents-only", ci, spec);
    assertThat(skipped.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(skipped.out()).doesNotContain("ci.yml").contains("in 1 file.");
    CliRun nothing = CliRun.run("check", "--documents-only", ci);
    assertThat(nothing.exit()).as(nothing.err()).isZero();
  }

  @Test
  void failOnNoneExitsWithZero() throws IOException {
    assertThat(CliRun.run("check", "--fail-on", "none", write("api.yaml", INSECURE)).exit())
        .isZero();
  }

  @Test
  void quietPrintsOnlyFindings() throws IOException {
    CliRun run = CliRun.run("check", "--quiet", write("api.yaml", INSECURE));
    assertThat(run.out().lines()).hasSize(1).allMatch(line -> line.contains(": error ["));
  }

  @Test
  void swagger20FindingsLandOnTheLinesOfTheSource() throws IOException {
    String spec = write("payments.json", SWAGGER);
    CliRun run = CliRun.run("check", spec);
    assertThat(run.out())
        .contains(spec + ":6:7: error [operation-security-missing] POST /v1/payments (write)");
  }

  @Test
  void jsonOutputHasTheDocumentedShape() throws IOException {
    Path report = dir.resolve("out/report.json");
    CliRun run = CliRun.run("check", "--format", "json=" + report, write("api.yaml", INSECURE));
    assertThat(run.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.at("/tool/name").asText()).isEqualTo("threatlint");
    JsonNode finding = null;
    for (JsonNode candidate : json.at("/findings")) {
      if (candidate.get("ruleId").asText().equals("operation-security-missing")) {
        finding = candidate;
      }
    }
    assertThat(finding).isNotNull();
    assertThat(finding.get("pointer").asText()).isEqualTo("/paths/~1v1~1accounts/get");
    assertThat(finding.get("line").asInt()).isEqualTo(5);
    assertThat(finding.get("column").asInt()).isEqualTo(5);
    assertThat(finding.get("endLine").asInt()).isEqualTo(5);
    assertThat(finding.get("endColumn").asInt()).isEqualTo(8);
    assertThat(json.at("/summary/error").asInt()).isEqualTo(1);
  }

  @Test
  void severalFormatsAtOnce() throws IOException {
    Path sarif = dir.resolve("r.sarif");
    CliRun run =
        CliRun.run(
            "check", "--format", "text", "--format", "sarif=" + sarif, write("api.yaml", INSECURE));
    assertThat(run.out()).contains("[operation-security-missing]");
    JsonNode log = new ObjectMapper().readTree(sarif.toFile());
    JsonNode result = null;
    for (JsonNode candidate : log.at("/runs/0/results")) {
      if (candidate.get("ruleId").asText().equals("operation-security-missing")) {
        result = candidate;
      }
    }
    assertThat(result).isNotNull();
    assertThat(result.get("level").asText()).isEqualTo("error");
  }

  @Test
  void readsStandardInput() {
    CliRun run = CliRun.runWithInput(INSECURE, "check", "--stdin-filename", "piped.yaml", "-");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).contains("piped.yaml:5:5: error [operation-security-missing]");
  }

  @Test
  void missingFileIsAOneLineErrorWithExitTwo() {
    CliRun run = CliRun.run("check", dir.resolve("nope.yaml").toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err().strip()).isEqualTo(dir.resolve("nope.yaml") + ": error: no such file");
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() throws IOException {
    String spec = write("broken.yaml", "openapi: 3.0.0\ninfo: [a, b\npaths: {}\n");
    CliRun run = CliRun.run("check", spec);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err().strip()).matches("\\Q" + spec + "\\E:\\d+:\\d+: error: invalid YAML: .*");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void notAnOpenApiDocumentIsAnError() throws IOException {
    CliRun run = CliRun.run("check", write("list.json", "[1, 2]"));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("the document is an array, not an OpenAPI or Swagger object");
    CliRun other = CliRun.run("check", write("other.yaml", "name: x\n"));
    assertThat(other.err()).contains("no top-level 'openapi' or 'swagger' key");
  }

  @Test
  void oneBadFileDoesNotHideTheOthersFindings() throws IOException {
    CliRun run = CliRun.run("check", write("empty.yaml", ""), write("api.yaml", INSECURE));
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("empty.yaml: error: the file is empty");
    assertThat(run.out()).contains("[operation-security-missing]");
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    String spec = write("api.yaml", INSECURE);
    assertThat(CliRun.run("check", "--format", "pdf", spec).exit()).isEqualTo(2);
    assertThat(CliRun.run("check", "--fail-on", "fatal", spec).exit()).isEqualTo(2);
    assertThat(CliRun.run("check", "--profile", "lax", spec).exit()).isEqualTo(2);
    assertThat(CliRun.run("check", "--disable", "no-such-rule", spec).exit()).isEqualTo(2);
    CliRun none = CliRun.run("check");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("Missing required parameter");
  }

  @Test
  void disableSwitchesARuleOff() throws IOException {
    CliRun run =
        CliRun.run("check", "--disable", "operation-security-missing", write("api.yaml", INSECURE));
    assertThat(run.out())
        .doesNotContain("operation-security-missing")
        .contains("[security-scheme-unused]");
  }

  @Test
  void versionAndHelp() {
    assertThat(CliRun.run("--version").out()).startsWith("threatlint ");
    CliRun help = CliRun.run("check", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Exit codes:").contains("--fail-on");
  }
}
