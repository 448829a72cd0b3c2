package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates valid specifications at random (fixed seed) and asserts the CLI's contract on each: exit
 * code 0, 1 or 2, no stack trace, and JSON and SARIF reports that still parse. CI runs at most 150
 * iterations and at most 45 seconds; more on demand with {@code -Dthreatlint.fuzz.iterations=N} and
 * {@code -Dthreatlint.fuzz.seconds=S} (and another seed with {@code -Dthreatlint.fuzz.seed=S}).
 */
class FuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FRAGMENTS = {
    "{",
    "}",
    "[",
    "]",
    ":",
    "- ",
    "\t",
    "&a ",
    "*a",
    "<<: *a\n",
    "$ref: '#/components/schemas/X'\n",
    "$ref: '../../etc/passwd'\n",
    "$ref: 'http://127.0.0.1:9/x.yaml'\n",
    "\"",
    "'",
    "#",
    "\n",
    "  ",
    "~",
    "null",
    "-1",
    "1e309",
    "!!binary ",
    "%YAML 1.1\n",
    "---\n",
    "\u0000",
    "\uD83D\uDE00",
    "security: []\n",
    "type: [string, 'null']\n",
    "? ",
    "{a: b, c: [d]}",
    "|\n"
  };

  /** The YAML seed again in flow style, which starts with '{' like JSON but is YAML. */
  private static final String SEED_FLOW =
      "{openapi: 3.0.3, info: {title: Payments, version: 1.0.0},\n"
          + " servers: [{url: 'http://api.example.com/v1'}],\n"
          + " paths: {/payments/{id}: {get: {parameters: [{name: id, in: path, required: true,\n"
          + "   schema: {type: string}}], responses: {'200': {description: ok}}}}}}\n";

  private static final String SEED_YAML =
      String.join(
          "\n",
          "openapi: 3.0.3",
          "info: {title: Fuzz seed, version: 1.0.0}",
          "servers: [{url: 'https://api.example.ch/v1'}]",
          "security: [{oauth: [accounts:read]}]",
          "paths:",
          "  /accounts/{accountId}:",
          "    parameters:",
          "      - {name: accountId, in: path, required: true, schema: {type: string, maxLength: 36}}",
          "    get:",
          "      operationId: getAccount",
          "      responses:",
          "        '200':",
          "          description: The account",
          "          content:",
          "            application/json:",
          "              schema: {$ref: '#/components/schemas/Account'}",
          "    post:",
          "      security: []",
          "      requestBody:",
          "        content:",
          "          application/json:",
          "            schema:",
          "              allOf: [{$ref: '#/components/schemas/Account'}, {type: object, properties: {pin: {type: string}}}]",
          "      responses: {'201': {description: created}}",
          "components:",
          "  securitySchemes:",
          "    oauth:",
          "      type: oauth2",
          "      flows: {authorizationCode: {authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {accounts:read: read}}}",
          "  schemas:",
          "    Account: &account",
          "      type: object",
          "      additionalProperties: false",
          "      properties:",
          "        iban: {type: string, pattern: '^CH[0-9]{19}$'}",
          "        children: {type: array, items: {$ref: '#/components/schemas/Account'}}",
          "    Copy: *account",
          "");

  private static final String SEED_SWAGGER =
      String.join(
          "\n",
          "{",
          "  \"swagger\": \"2.0\",",
          "  \"info\": {\"title\": \"Fuzz seed\", \"version\": \"1\"},",
          "  \"host\": \"api.example.ch\", \"basePath\": \"/v1\", \"schemes\": [\"https\"],",
          "  \"securityDefinitions\": {\"key\": {\"type\": \"apiKey\", \"in\": \"query\", \"name\": \"api_key\"}},",
          "  \"paths\": {\"/payments/{id}\": {\"get\": {\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"type\": \"integer\"}],",
          "    \"responses\": {\"200\": {\"description\": \"ok\", \"schema\": {\"$ref\": \"#/definitions/Payment\"}}}}}},",
          "  \"definitions\": {\"Payment\": {\"type\": \"object\", \"properties\": {\"amount\": {\"type\": \"number\"}}}}",
          "}");

  @TempDir Path dir;

  @Test
  void mutatedSpecsKeepTheContract() throws IOException {
    int iterations = Integer.getInteger("threatlint.fuzz.iterations", 150);
    long deadline =
        System.nanoTime()
            + Duration.ofSeconds(Long.getLong("threatlint.fuzz.seconds", 45)).toNanos();
    Random random = new Random(Long.getLong("threatlint.fuzz.seed", 20261129L));
    List<String> seeds = List.of(SEED_YAML, SEED_SWAGGER, SEED_FLOW);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < iterations && System.nanoTime() < deadline; i++) {
      String seed = seeds.get(i % seeds.size());
      String mutant = mutate(seed, random);
      Path spec = dir.resolve("mutant-" + i + (seed == SEED_SWAGGER ? ".json" : ".yaml"));
      Files.writeString(spec, mutant);
      Path json = dir.resolve("report-" + i + ".json");
      Path sarif = dir.resolve("report-" + i + ".sarif");
      CliRun run =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20),
              () ->
                  CliRun.run(
                      "check",
                      "--profile",
                      "strict",
                      "--format",
                      "text",
                      "--format",
                      "json=" + json,
                      "--format",
                      "sarif=" + sarif,
                      spec.toString()));
      String where = "iteration " + i + " (" + spec + ")";
      if (run.exit() < 0 || run.exit() > 2) {
        problems.add(where + ": exit code " + run.exit());
      }
      if (run.err().contains("\tat ")
          || run.err().contains("internal error")
          || run.err().contains(" failed at ")) {
        problems.add(where + ": " + run.err().strip());
      }
      if (run.exit() == 2 && run.err().isBlank()) {
        problems.add(where + ": exit 2 without a message");
      }
      JsonNode report = JSON.readTree(json.toFile());
      JsonNode log = JSON.readTree(sarif.toFile());
      if (!report.has("findings") || !log.at("/runs/0/results").isArray()) {
        problems.add(where + ": a report lost its shape");
      }
    }
    assertThat(problems).isEmpty();
  }

  static String mutate(String seed, Random random) {
    StringBuilder text = new StringBuilder(seed);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(7)) {
        case 0 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
        case 2 -> text.setLength(at);
        case 3 -> {
          int end = text.indexOf("\n", at);
          if (end > 0) {
            String line = text.substring(text.lastIndexOf("\n", at) + 1, end + 1);
            text.insert(end + 1, line);
          }
        }
        case 4 -> {
          if (at < text.length()) {
            text.setCharAt(at, (char) (32 + random.nextInt(95)));
          }
        }
        case 5 -> {
          // one long token (up to 512 KB), as a word of a scalar: once quadratic in SnakeYAML
          char letter = (char) ('a' + random.nextInt(26));
          text.insert(at, String.valueOf(letter).repeat(1 + random.nextInt(512 * 1024)));
        }
        default -> {
          String original = text.toString();
          String replaced =
              original.replaceFirst(
                  "\"?type\"?: ?\"?(string|object|number|integer|array)\"?",
                  java.util.regex.Matcher.quoteReplacement(
                      "type: " + FRAGMENTS[random.nextInt(FRAGMENTS.length)]));
          text.setLength(0);
          text.append(replaced);
        }
      }
      if (text.length() == 0) {
        text.append(seed, 0, seed.length() / 2);
      }
    }
    return text.toString();
  }
}
