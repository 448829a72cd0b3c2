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
  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  private JsonNode sarifRun(String... args) {
    List<String> all = new ArrayList<>(List.of("check", "--fail-on", "none", "--format", "sarif"));
    all.addAll(List.of(args));
    CliRun run = CliRun.runIn(dir, all.toArray(String[]::new));
    assertThat(run.exit()).as(run.err()).isZero();
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
        .map(
            result ->
                result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText())
        .toList();
  }

  private static int startLine(JsonNode result) {
    return result
        .path("locations")
        .get(0)
        .path("physicalLocation")
        .path("region")
        .path("startLine")
        .asInt();
  }

  @Test
  void twoFindingsOfOneRuleOnOnePointerAreTwoAlertsThatKeepTheirIdentityThroughReformatting()
      throws IOException {
    // info has neither contact nor description: info-contact-missing reports both on /info
    write(
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: Accounts, version: '1'}
        paths: {}
        """);
    JsonNode yaml = sarifRun("api.yaml");
    List<String> prints = fingerprints(yaml, "info-contact-missing");
    assertThat(prints).hasSize(2).doesNotHaveDuplicates();

    // the same document as JSON, lines shifted, keys in another order, under the same name
    write(
        "api.yaml",
        """
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
    assertThat(fingerprints(json, "info-contact-missing"))
        .containsExactlyInAnyOrderElementsOf(prints);
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
      String page =
          "https://wiki.bank.example/threatlint/rules/" + rule.path("id").asText() + ".html";
      assertThat(rule.path("helpUri").asText()).isEqualTo(page);
      assertThat(rule.path("help").path("text").asText()).endsWith("Documentation: " + page);
    }
  }

  @Test
  void aFindingInAFragmentNamesTheOperationsThatUseIt() throws IOException {
    StringBuilder paths = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      paths
          .append("  /v1/items")
          .append(i)
          .append(":\n    post:\n      requestBody:\n        content:\n")
          .append("          application/json:\n            schema: {$ref: 'schemas/item.yaml'}\n")
          .append("      responses: {'204': {description: stored}}\n");
    }
    write(
        "api/openapi.yaml",
        "openapi: 3.0.3\ninfo: {title: Items, version: '1'}\npaths:\n"
            + paths
            + "  /v1/orders:\n    $ref: 'paths/orders.yaml#/orders'\n");
    // an object read from clients that accepts unlisted properties: schema-additional-properties
    write(
        "api/schemas/item.yaml",
        "type: object\nproperties:\n  code: {type: string, enum: [a, b]}\n");
    write(
        "api/paths/orders.yaml",
        "orders:\n  post:\n    requestBody:\n      content:\n        application/json:\n"
            + "          schema: {type: object, properties: {code: {type: string, enum: [a, b]}}}\n"
            + "    responses: {'204': {description: stored}}\n");
    JsonNode run = sarifRun("--disable", "operation-security-missing", "api/openapi.yaml");

    List<JsonNode> results = results(run, "schema-additional-properties");
    JsonNode item =
        results.stream()
            .filter(
                r ->
                    r.path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText()
                        .equals("api/schemas/item.yaml"))
            .findFirst()
            .orElseThrow();
    JsonNode related = item.path("relatedLocations");
    assertThat(related).hasSize(5);
    assertThat(related.findValuesAsText("text"))
        .containsExactly(
            "used by POST /v1/items1",
            "used by POST /v1/items2",
            "used by POST /v1/items3",
            "used by POST /v1/items4",
            "used by POST /v1/items5 (and 2 more operations)");
    for (int i = 0; i < 5; i++) {
      JsonNode where = related.get(i).path("physicalLocation");
      assertThat(where.path("artifactLocation").path("uri").asText()).isEqualTo("api/openapi.yaml");
      assertThat(where.path("region").path("startLine").asInt())
          .as("the post: line of /v1/items" + (i + 1))
          .isEqualTo(5 + 7 * i);
    }

    // inside a path item kept in a file of its own: the root's entry that mounts it
    JsonNode order =
        results.stream()
            .filter(
                r ->
                    r.path("locations")
                        .get(0)
                        .path("physicalLocation")
                        .path("artifactLocation")
                        .path("uri")
                        .asText()
                        .equals("api/paths/orders.yaml"))
            .findFirst()
            .orElseThrow();
    assertThat(order.path("relatedLocations")).hasSize(1);
    assertThat(order.path("relatedLocations").get(0).path("message").path("text").asText())
        .isEqualTo("used by POST /v1/orders");
    assertThat(
            order
                .path("relatedLocations")
                .get(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt())
        .isEqualTo(4 + 7 * 7);
  }
}
