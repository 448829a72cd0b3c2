package io.github.threatlint.rules;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule over its fixtures ({@code fixtures/<rule-id>/*}) and checks the expectations both
 * ways: a marked line without the finding fails, and so does a finding on an unmarked line.
 *
 * <p>In YAML fixtures, {@code # expect: rule-id} marks the next line that holds content (or its own
 * line, when it ends a line with content); repeat the comment for several findings on one line. A
 * comment {@code # options: {json}} anywhere sets the rule's options. JSON fixtures keep their
 * expectations in a side-car {@code <name>.expect} with lines {@code LINE rule-id} and optionally
 * {@code options {json}}. Only the rule under test runs. A multi-file fixture is a folder whose
 * root document is {@code root.yaml} or {@code root.json}; every file in it may carry expectations.
 */
class FixtureTest {
  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      Path folder = FIXTURES.resolve(rule.id());
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path fixture : entries.sorted().toList()) {
          if (isRootFixture(fixture)) {
            tests.add(
                DynamicTest.dynamicTest(
                    rule.id() + "/" + fixture.getFileName(),
                    fixture.toUri(),
                    () -> check(rule, fixture)));
          }
        }
      }
    }
    return tests.stream();
  }

  static boolean isRootFixture(Path fixture) {
    String name = fixture.getFileName().toString();
    if (Files.isDirectory(fixture)) {
      return Files.exists(fixture.resolve("root.yaml"))
          || Files.exists(fixture.resolve("root.json"));
    }
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  /** The expectations of a fixture (file or folder), by file and line. */
  static Expectations expectations(Path fixture, String ruleId) throws IOException {
    Expectations expectations = new Expectations();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fixture)) {
      try (Stream<Path> walk = Files.walk(fixture)) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    } else {
      files.add(fixture);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".expect")) {
        readSideCar(file, fixture, ruleId, expectations);
      } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
        readYamlComments(file, fixture, ruleId, expectations);
      }
    }
    if (!Files.isDirectory(fixture) && fixture.toString().endsWith(".json")) {
      Path sideCar = fixture.resolveSibling(fixture.getFileName() + ".expect");
      if (!Files.exists(sideCar)) {
        sideCar =
            fixture.resolveSibling(
                fixture.getFileName().toString().replaceAll("\\.json$", ".expect"));
      }
      if (Files.exists(sideCar)) {
        readSideCar(sideCar, fixture, ruleId, expectations);
      }
    }
    return expectations;
  }

  static final class Expectations {
    final Map<String, Integer> expected = new TreeMap<>();
    final Map<String, Object> options = new LinkedHashMap<>();

    void add(String file, int line) {
      expected.merge(file + ":" + line, 1, Integer::sum);
    }

    boolean isPositive() {
      return !expected.isEmpty();
    }
  }

  private static void readYamlComments(
      Path file, Path fixture, String ruleId, Expectations expectations) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> pending = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = commentStart(line);
      String content = hash < 0 ? line : line.substring(0, hash);
      String comment = hash < 0 ? "" : line.substring(hash + 1).trim();
      if (comment.startsWith("options:")) {
        readOptions(comment.substring("options:".length()), expectations);
      }
      boolean expect = comment.startsWith("expect:");
      if (expect) {
        String id = comment.substring("expect:".length()).trim();
        if (!id.equals(ruleId)) {
          throw new IllegalStateException(
              file + ":" + (i + 1) + ": expectation for " + id + " in a fixture of " + ruleId);
        }
      }
      if (!content.isBlank()) {
        if (expect) {
          expectations.add(relative(file, fixture), i + 1);
        }
        for (int k = 0; k < pending.size(); k++) {
          expectations.add(relative(file, fixture), i + 1);
        }
        pending.clear();
      } else if (expect) {
        pending.add(ruleId);
      }
    }
  }

  /** The start of a YAML comment: a # at the line start or after white space, outside quotes. */
  private static int commentStart(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  private static void readSideCar(
      Path sideCar, Path fixture, String ruleId, Expectations expectations) throws IOException {
    String target = sideCar.getFileName().toString().replaceAll("\\.expect$", "");
    Path targetFile = sideCar.resolveSibling(target);
    if (!Files.exists(targetFile)) {
      targetFile = sideCar.resolveSibling(target + ".json");
    }
    for (String line : Files.readAllLines(sideCar, StandardCharsets.UTF_8)) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("options")) {
        readOptions(trimmed.substring("options".length()), expectations);
        continue;
      }
      String[] parts = trimmed.split("\\s+");
      if (!parts[1].equals(ruleId)) {
        throw new IllegalStateException(
            sideCar + ": expectation for " + parts[1] + " in a fixture of " + ruleId);
      }
      expectations.add(relative(targetFile, fixture), Integer.parseInt(parts[0]));
    }
  }

  private static void readOptions(String json, Expectations expectations) throws IOException {
    JsonNode options = JSON.readTree(json.trim());
    for (Map.Entry<String, JsonNode> field : options.properties()) {
      JsonNode value = field.getValue();
      Object converted;
      if (value.isArray()) {
        List<String> list = new ArrayList<>();
        value.forEach(element -> list.add(element.asText()));
        converted = List.copyOf(list);
      } else if (value.isBoolean()) {
        converted = value.booleanValue();
      } else if (value.isInt()) {
        converted = value.intValue();
      } else if (value.isNumber()) {
        converted = value.doubleValue();
      } else {
        converted = value.asText();
      }
      expectations.options.put(field.getKey(), converted);
    }
  }

  private static String relative(Path file, Path fixture) {
    Path base = Files.isDirectory(fixture) ? fixture : fixture.getParent();
    return base.relativize(file).toString().replace('\\', '/');
  }

  static void check(RuleDescriptor rule, Path fixture) throws IOException {
    Expectations expectations = expectations(fixture, rule.id());
    Path root =
        Files.isDirectory(fixture)
            ? (Files.exists(fixture.resolve("root.yaml"))
                ? fixture.resolve("root.yaml")
                : fixture.resolve("root.json"))
            : fixture;
    AnalysisResult result =
        FixtureRunner.run(
            rule,
            expectations.options,
            root,
            Files.isDirectory(fixture) ? fixture : fixture.getParent());
    Map<String, Integer> actual = new TreeMap<>();
    List<String> messages = new ArrayList<>();
    for (Finding finding : result.findings()) {
      String key = finding.file() + ":" + finding.region().startLine();
      actual.merge(key, 1, Integer::sum);
      messages.add(key + " " + finding.message());
    }
    StringBuilder problems = new StringBuilder();
    for (ToolError error : result.errors()) {
      problems.append("\n  tool error: ").append(error.oneLine());
    }
    for (Map.Entry<String, Integer> entry : expectations.expected.entrySet()) {
      int found = actual.getOrDefault(entry.getKey(), 0);
      if (found < entry.getValue()) {
        problems
            .append("\n  missing: ")
            .append(entry.getKey())
            .append(" expected ")
            .append(entry.getValue())
            .append(" finding(s), found ")
            .append(found);
      }
    }
    for (Map.Entry<String, Integer> entry : actual.entrySet()) {
      int wanted = expectations.expected.getOrDefault(entry.getKey(), 0);
      if (entry.getValue() > wanted) {
        problems
            .append("\n  unexpected: ")
            .append(entry.getKey())
            .append(" has ")
            .append(entry.getValue())
            .append(" finding(s), expected ")
            .append(wanted);
      }
    }
    if (problems.length() > 0) {
      fail(
          rule.id()
              + " on "
              + fixture
              + ":"
              + problems
              + "\n  findings:\n    "
              + String.join("\n    ", messages));
    }
  }

  /** Runs one rule alone, with options, at its default level (note when it is off by default). */
  static final class FixtureRunner {
    static AnalysisResult run(
        RuleDescriptor rule, Map<String, Object> options, Path rootDocument, Path base) {
      Level level = rule.info().level() == Level.OFF ? Level.NOTE : rule.info().level();
      Analyzer analyzer =
          TestAnalyzers.create(List.of(new EnabledRule(rule, level, options)), base);
      return analyzer.analyze(
          List.of(new Analyzer.Input(rootDocument, base.relativize(rootDocument).toString())));
    }
  }
}
