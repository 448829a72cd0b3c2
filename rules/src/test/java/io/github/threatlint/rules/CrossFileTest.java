package io.github.threatlint.rules;

import static org.junit.jupiter.api.Assertions.fail;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Rules over documents split into several files ({@code crossfile/<rule-id>/<case>/root.yaml}), with
 * the expectation comments of {@link FixtureTest}. The files are read by a small loader confined to
 * the case's folder, so these cases do not depend on how the CLI loads files; they show that
 * definitions, parameters, responses and headers reached through references into other files count
 * (and are reported in the file where they are written).
 */
class CrossFileTest {
  static final Path CASES = Path.of("src/test/resources/crossfile");

  @TestFactory
  Stream<DynamicTest> crossFileCases() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> rules = Files.list(CASES)) {
      for (Path ruleFolder : rules.sorted().toList()) {
        RuleDescriptor rule = BuiltInRules.byId(ruleFolder.getFileName().toString());
        if (rule == null) {
          throw new IllegalStateException("no rule " + ruleFolder.getFileName() + " for " + ruleFolder);
        }
        try (Stream<Path> cases = Files.list(ruleFolder)) {
          for (Path folder : cases.sorted().toList()) {
            tests.add(DynamicTest.dynamicTest(rule.id() + "/" + folder.getFileName(), () -> check(rule, folder)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(RuleDescriptor rule, Path folder) throws IOException {
    FixtureTest.Expectations expectations = FixtureTest.expectations(folder, rule.id());
    if (!expectations.isPositive()) {
      throw new IllegalStateException(folder + " expects nothing: a cross-file case must show findings and their absence");
    }
    Path base = folder.toAbsolutePath().normalize();
    Level level = rule.info().level() == Level.OFF ? Level.NOTE : rule.info().level();
    Analyzer analyzer = new Analyzer(List.of(new EnabledRule(rule, level, expectations.options)), 64L * 1024 * 1024, 1,
        root -> new FolderFiles(base));
    AnalysisResult result = analyzer.analyze(List.of(new Analyzer.Input(base.resolve("root.yaml"), "root.yaml")));
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
    if (!actual.equals(expectations.expected)) {
      problems.append("\n  expected ").append(expectations.expected).append("\n  found    ").append(actual);
    }
    if (problems.length() > 0) {
      fail(rule.id() + " on " + folder + ":" + problems + "\n  findings:\n    " + String.join("\n    ", messages));
    }
  }

  /** Reads referenced files below {@code base} only, each once, named relative to it. */
  private static final class FolderFiles implements ExternalFiles {
    private final Path base;
    private final Map<Path, ParsedFile> loaded = new HashMap<>();

    FolderFiles(Path base) {
      this.base = base;
    }

    @Override
    public Loaded load(ParsedFile from, String location) {
      Path target = from.source().path().toAbsolutePath().getParent().resolve(location).normalize();
      if (!target.startsWith(base)) {
        return Loaded.refused(location + " lies outside the case's folder");
      }
      ParsedFile file = loaded.get(target);
      if (file == null) {
        try {
          file = TreeParser.parse(new SourceReader(64L * 1024 * 1024).read(target, base.relativize(target).toString()));
        } catch (SourceException e) {
          return Loaded.refused(e.getMessage());
        }
        loaded.put(target, file);
      }
      return new Loaded(file, null, false);
    }
  }
}
