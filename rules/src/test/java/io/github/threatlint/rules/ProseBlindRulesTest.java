package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule that declares it does not read prose ({@code readsProse = false}) reports the same as
 * written and with the text of every {@code description} and {@code summary} member replaced: on
 * every fixture and sample, all such rules run once on the document and once on each replacement,
 * and what each rule said (level, message, pointer, related places, evidence) must not change. The
 * language server replays such a rule's last calls after an edit of prose instead of running it.
 */
class ProseBlindRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PROSE = List.of("description", "summary");

  /** Empty, and words that no rule looks for. */
  private static final List<String> REPLACEMENTS = List.of("", "Replaced text.");

  @Test
  void rulesDeclaredNotToReadProseReportTheSameWhateverTheProseSays() throws IOException {
    List<EnabledRule> rules = proseBlindRules(BuiltInRules.all());
    assertThat(rules).hasSizeGreaterThan(50);
    assertThat(differences(rules)).isEmpty();
  }

  @Test
  void aRuleThatReadsProseDeclaredNotToIsCaught() throws IOException {
    // operation-description-missing reports an operation without summary or description: empty
    // text reads differently
    RuleDescriptor reader =
        BuiltInRules.all().stream()
            .filter(rule -> rule.id().equals("operation-description-missing"))
            .findFirst()
            .orElseThrow();
    assertThat(reader.info().readsProse()).isTrue();
    List<String> differences =
        differences(List.of(new EnabledRule(reader, Level.WARNING, Map.of())));
    assertThat(differences).isNotEmpty().allMatch(d -> d.contains("operation-description-missing"));
  }

  static List<EnabledRule> proseBlindRules(List<RuleDescriptor> catalog) {
    List<EnabledRule> rules = new ArrayList<>();
    for (RuleDescriptor rule : catalog) {
      if (!rule.info().readsProse()) {
        Level level = rule.info().level() == Level.OFF ? Level.NOTE : rule.info().level();
        rules.add(new EnabledRule(rule, level, Map.of()));
      }
    }
    return rules;
  }

  /** For each document and replacement where a rule said something else, the rule and what. */
  private static List<String> differences(List<EnabledRule> rules) throws IOException {
    List<String> differences = new ArrayList<>();
    for (Path spec : specs()) {
      JsonNode tree;
      try {
        tree =
            TreeParser.parse(new SourceFile(spec, spec.toString(), Files.readString(spec))).root();
      } catch (Exception e) {
        continue; // a fixture of a parse error: no rule runs on it
      }
      Map<String, TreeSet<String>> written = said(rules, spec, tree);
      for (String replacement : REPLACEMENTS) {
        JsonNode replaced = tree.deepCopy();
        replaceProse(replaced, replacement);
        Map<String, TreeSet<String>> after = said(rules, spec, replaced);
        for (EnabledRule rule : rules) {
          TreeSet<String> before = written.getOrDefault(rule.id(), new TreeSet<>());
          TreeSet<String> now = after.getOrDefault(rule.id(), new TreeSet<>());
          if (!before.equals(now)) {
            differences.add(
                rule.id()
                    + " on "
                    + spec
                    + " with prose '"
                    + replacement
                    + "': "
                    + before
                    + " -> "
                    + now);
          }
        }
      }
    }
    return differences;
  }

  /** What each rule said about the document, place by place (regions left out: text moves). */
  private static Map<String, TreeSet<String>> said(
      List<EnabledRule> rules, Path spec, JsonNode tree) throws IOException {
    String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    Path folder = spec.getParent();
    AnalysisResult result =
        TestAnalyzers.create(rules, folder)
            .analyze(List.of(new Analyzer.Input(spec, spec.getFileName().toString(), text)));
    Map<String, TreeSet<String>> said = new TreeMap<>();
    for (Finding finding : result.findings()) {
      List<String> related = new ArrayList<>();
      for (Finding.Related place : finding.related()) {
        related.add(place.label() + " " + place.file() + "#" + place.pointer());
      }
      said.computeIfAbsent(finding.ruleId(), id -> new TreeSet<>())
          .add(
              finding.level()
                  + " "
                  + finding.file()
                  + "#"
                  + finding.pointer()
                  + " "
                  + finding.message()
                  + " "
                  + related);
    }
    for (Mitigation evidence : result.evidence()) {
      said.computeIfAbsent(evidence.ruleId(), id -> new TreeSet<>())
          .add(
              (evidence.shown() ? "mitigated " : "unmitigated ")
                  + evidence.id()
                  + " "
                  + evidence.file()
                  + "#"
                  + evidence.pointer()
                  + " "
                  + evidence.description());
    }
    return said;
  }

  private static void replaceProse(JsonNode node, String replacement) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (String member : PROSE) {
        if (object.path(member).isTextual()) {
          object.put(member, replacement);
        }
      }
    }
    for (JsonNode child : node) {
      replaceProse(child, replacement);
    }
  }

  /** Every single-file fixture of every rule, and every file of the samples. */
  private static List<Path> specs() throws IOException {
    List<Path> specs = new ArrayList<>();
    for (Path root : List.of(FixtureTest.FIXTURES, Path.of("../sample-specs"))) {
      try (Stream<Path> files = Files.walk(root)) {
        files
            .filter(Files::isRegularFile)
            .filter(file -> file.toString().matches(".*\\.(yaml|yml|json)"))
            .filter(file -> !file.toString().contains("/expected"))
            .sorted()
            .forEach(specs::add);
      }
    }
    return specs;
  }
}
