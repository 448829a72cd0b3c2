package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule, at once, over a document whose text fields (descriptions, names, paths, URLs,
 * versions, patterns, scopes) each hold 1 MB of a repeated unit chosen to make backtracking
 * expressions quadratic. A linear scan of it all takes seconds; a quadratic one takes hours (60 KB
 * of "<a" took 22 s), so the bound below is generous for a busy machine and still catches it.
 */
class AdversarialTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SIZE = 1 << 20;

  /** Keys are bounded by the JSON reader (50,000 characters); a path holds two names. */
  private static final int MAX_NAME = 20_000;

  @TempDir Path dir;

  @ParameterizedTest(name = "[{index}] '{0}'")
  @ValueSource(strings = {"<a", "a", "1.", "a.", "{", "{a", "`", "```a", "attribute ", "eval "})
  void everyRuleScansInLinearTime(String unit) throws IOException {
    String text = unit.repeat(SIZE / unit.length());
    Path spec = dir.resolve("adversarial.json");
    Files.writeString(spec, JSON.writeValueAsString(document(text)));
    List<EnabledRule> rules = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      rules.add(new EnabledRule(rule, Level.NOTE, Map.of()));
    }
    Analyzer analyzer = TestAnalyzers.create(rules, dir);
    AnalysisResult result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(90),
            () -> analyzer.analyze(List.of(new Analyzer.Input(spec, "adversarial.json"))));
    assertThat(result.errors()).isEmpty();
  }

  /** An OpenAPI 3.1 document with {@code text} in the kinds of field rules read as text. */
  private static ObjectNode document(String text) {
    String name = text.substring(0, MAX_NAME);
    ObjectNode root = JSON.createObjectNode();
    root.put("openapi", "3.1.0");
    root.putObject("info").put("title", text).put("description", text).put("version", text);
    ArrayNode servers = root.putArray("servers");
    servers.addObject().put("url", text).put("description", text);
    servers.addObject().put("url", "https://" + text);
    ObjectNode operation =
        root.putObject("paths").putObject("/" + name + "/{" + name + "}").putObject("get");
    operation.put("operationId", name).put("description", text);
    operation
        .putArray("parameters")
        .addObject()
        .put("name", name)
        .put("in", "query")
        .put("description", text)
        .putObject("schema")
        .put("type", "string")
        .put("pattern", text);
    operation.putObject("responses").putObject("200").put("description", text);
    ObjectNode oauth = root.putObject("components").putObject("securitySchemes").putObject("oauth");
    oauth.put("type", "oauth2").put("description", text);
    oauth
        .putObject("flows")
        .putObject("clientCredentials")
        .put("tokenUrl", "https://" + name)
        .putObject("scopes")
        .put(name, text);
    return root;
  }
}
