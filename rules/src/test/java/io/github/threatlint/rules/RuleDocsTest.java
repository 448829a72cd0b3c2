package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.Explanation;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule documentation in {@code docs/rules/} is generated from each rule's metadata and its
 * hand-written explanation; this test fails when it is stale, and rewrites it when run with {@code
 * -Dthreatlint.updateDocs=true} (the command is {@link RuleDocs#REGENERATE_COMMAND}).
 */
class RuleDocsTest {
  /** The project's docs/rules, seen from this module's folder (where Maven runs the tests). */
  static final Path DOCS = Path.of("..", "docs", "rules");

  static final boolean UPDATE = Boolean.getBoolean("threatlint.updateDocs");

  @Test
  void everyRuleHasAWellFormedExplanation() {
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      String text = Explanation.read(rule);
      if (text == null) {
        problems.add(
            rule.id()
                + ": no explanation at rules/src/main/resources/"
                + Explanation.resourceName(rule.id()));
      } else {
        Explanation.problems(text).forEach(problem -> problems.add(rule.id() + ": " + problem));
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * An example that is a whole document (it starts with {@code openapi:} or {@code swagger:}) must
   * show what it claims: the failing one makes the rule report, the passing one does not. Fragments
   * are left alone.
   */
  @Test
  void examplesThatAreWholeDocumentsShowTheRule() {
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      String text = Explanation.read(rule);
      if (text == null || !Explanation.problems(text).isEmpty()) {
        continue;
      }
      Explanation explanation = Explanation.parse(rule.id(), text);
      checkExample(rule, "failing", explanation.failingExample(), true, problems);
      checkExample(rule, "passing", explanation.passingExample(), false, problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void checkExample(
      RuleDescriptor rule,
      String name,
      String section,
      boolean shouldReport,
      List<String> problems) {
    String yaml = firstCodeBlock(section);
    if (yaml == null || !(yaml.startsWith("openapi:") || yaml.startsWith("swagger:"))) {
      return;
    }
    Level level = rule.info().level() == Level.OFF ? Level.NOTE : rule.info().level();
    AnalysisResult result =
        TestAnalyzers.create(List.of(new EnabledRule(rule, level, Map.of())), Path.of("."))
            .analyze(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                rule.id() + "-" + name + ".yaml");
    if (!result.errors().isEmpty()) {
      problems.add(
          rule.id()
              + ": the "
              + name
              + " example cannot be analysed: "
              + result.errors().get(0).oneLine());
    } else if (shouldReport && result.findings().isEmpty()) {
      problems.add(rule.id() + ": the failing example gives no finding");
    } else if (!shouldReport && !result.findings().isEmpty()) {
      problems.add(
          rule.id()
              + ": the passing example gives a finding: "
              + result.findings().get(0).message());
    }
  }

  /** The content of the first fenced code block, or null. */
  static String firstCodeBlock(String markdown) {
    int open = markdown.indexOf("```");
    if (open < 0) {
      return null;
    }
    int start = markdown.indexOf('\n', open) + 1;
    int close = markdown.indexOf("\n```", start - 1);
    return start <= 0 || close < 0 ? null : markdown.substring(start, close + 1);
  }

  @Test
  void theGeneratedDocsAreUpToDate() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      expected.put(rule.id() + ".md", RuleDocs.pageFile(rule));
    }
    expected.put("README.md", RuleDocs.catalog(BuiltInRules.all()));

    List<String> present = new ArrayList<>();
    if (Files.isDirectory(DOCS)) {
      try (Stream<Path> files = Files.list(DOCS)) {
        files
            .map(file -> file.getFileName().toString())
            .filter(name -> name.endsWith(".md"))
            .sorted()
            .forEach(present::add);
      }
    }
    if (UPDATE) {
      Files.createDirectories(DOCS);
      for (Map.Entry<String, String> page : expected.entrySet()) {
        Files.writeString(DOCS.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
      }
      for (String name : present) {
        if (!expected.containsKey(name)) {
          Files.delete(DOCS.resolve(name));
        }
      }
      return;
    }

    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> page : expected.entrySet()) {
      Path file = DOCS.resolve(page.getKey());
      if (!Files.exists(file)) {
        stale.add(page.getKey() + " is missing");
      } else if (!Files.readString(file, StandardCharsets.UTF_8).equals(page.getValue())) {
        stale.add(page.getKey() + " is out of date");
      }
    }
    for (String name : present) {
      if (!expected.containsKey(name)) {
        stale.add(name + " documents no built-in rule");
      }
    }
    if (!stale.isEmpty()) {
      fail(
          "docs/rules is stale:\n  "
              + String.join("\n  ", stale)
              + "\nRegenerate it with:\n  "
              + RuleDocs.REGENERATE_COMMAND);
    }
  }
}
