package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.threatlint.core.docs.Explanation;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.RuleDescriptor;
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
 * hand-written explanation; this test fails when it is stale, and rewrites it when run with
 * {@code -Dthreatlint.updateDocs=true} (the command is {@link RuleDocs#REGENERATE_COMMAND}).
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
        problems.add(rule.id() + ": no explanation at rules/src/main/resources/" + Explanation.resourceName(rule.id()));
      } else {
        Explanation.problems(text).forEach(problem -> problems.add(rule.id() + ": " + problem));
      }
    }
    assertThat(problems).isEmpty();
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
        files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted().forEach(present::add);
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
      fail("docs/rules is stale:\n  " + String.join("\n  ", stale) + "\nRegenerate it with:\n  " + RuleDocs.REGENERATE_COMMAND);
    }
  }
}
