package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.report.SarifReporter;
import io.github.threatlint.core.report.SarifValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF through the command line as GitHub code scanning reads it: alert identities. */
class CodeScanningTest {
  @TempDir
  Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private JsonNode sarifRun(String... args) {
    List<String> all = new ArrayList<>(List.of("check", "--fail-on", "none", "--format", "sarif"));
    all.addAll(List.of(args));
    CliRunner.Run run = CliRunner.runIn(dir, all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return SarifValidation.assertValid(run.out()).path("runs").get(0);
  }

  /** One rule's results, in report order. */
  private static List<JsonNode> results(JsonNode run, String ruleId) {
    List<JsonNode> results = new ArrayList<>();
    for (JsonNode result : run.path("results")) {
      if (result.path("ruleId").asText().equals(ruleId)) {
        results.add(result);
      }
    }
    return results;
  }

  private static List<String> fingerprints(JsonNode run, String ruleId) {
    return results(run, ruleId).stream()
        .map(result -> result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText()).toList();
  }

  private static int startLine(JsonNode result) {
    return result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt();
  }

  @Test
  void twoFindingsOfOneRuleOnOnePointerAreTwoAlertsThatKeepTheirIdentityThroughReformatting() throws IOException {
    // info has neither contact nor description: info-contact-missing reports both on /info
    write("api.yaml", """
        openapi: 3.0.3
        info: {title: Accounts, version: '1'}
        paths: {}
        """);
    JsonNode yaml = sarifRun("api.yaml");
    List<String> prints = fingerprints(yaml, "info-contact-missing");
    assertThat(prints).hasSize(2).doesNotHaveDuplicates();

    // the same document as JSON, lines shifted, keys in another order, under the same name
    write("api.yaml", """
        {

          "paths": {},
          "openapi": "3.0.3",
          "info": {
            "version": "1",
            "title": "Accounts"
          }
        }
        """);
    JsonNode json = sarifRun("api.yaml");
    assertThat(startLine(results(yaml, "info-contact-missing").get(0))).isEqualTo(2);
    assertThat(startLine(results(json, "info-contact-missing").get(0))).isEqualTo(5);
    assertThat(fingerprints(json, "info-contact-missing")).containsExactlyInAnyOrderElementsOf(prints);
  }

  @Test
  void theConfigurationsDocsUrlIsEveryRulesHelpUri() throws IOException {
    write("api.yaml", "openapi: 3.0.3\ninfo: {title: Accounts, version: '1'}\npaths: {}\n");
    JsonNode standard = sarifRun("api.yaml");
    assertThat(standard.path("tool").path("driver").path("rules").get(0).path("helpUri").asText())
        .startsWith("https://github.com/threatlint/threatlint/blob/main/docs/rules/");

    write(".threatlint.yaml", "docsUrl: https://wiki.bank.example/threatlint/rules/{rule}.html\n");
    JsonNode run = sarifRun("api.yaml");
    for (JsonNode rule : run.path("tool").path("driver").path("rules")) {
      String page = "https://wiki.bank.example/threatlint/rules/" + rule.path("id").asText() + ".html";
      assertThat(rule.path("helpUri").asText()).isEqualTo(page);
      assertThat(rule.path("help").path("text").asText()).endsWith("Documentation: " + page);
    }
  }
}
