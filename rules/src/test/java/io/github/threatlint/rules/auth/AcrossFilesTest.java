package io.github.threatlint.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Auth rules on documents split over several files: schemes, path items and responses reached through
 * relative references are judged, and findings land in the file that holds the offending node.
 * Each folder under {@code across-files/} is named after the rule it tests; {@code # expect: rule-id}
 * comments mark the next content line, in any of its files.
 */
class AcrossFilesTest {
  private static final Path CASES = Path.of("src/test/resources/across-files");

  @TestFactory
  Stream<DynamicTest> acrossFiles() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> folders = Files.list(CASES)) {
      for (Path folder : folders.sorted().toList()) {
        tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
      }
    }
    return tests.stream();
  }

  private static void check(Path folder) throws IOException {
    RuleDescriptor rule = BuiltInRules.byId(folder.getFileName().toString());
    assertThat(rule).as("rule of " + folder).isNotNull();
    Path base = folder.toAbsolutePath().normalize();
    Analyzer analyzer = new Analyzer(List.of(new EnabledRule(rule, rule.info().level(), Map.of())),
        SourceReader.DEFAULT_MAX_BYTES, 1, root -> new FolderFiles(base));
    AnalysisResult result = analyzer.analyze(List.of(new Analyzer.Input(base.resolve("root.yaml"), "root.yaml")));
    assertThat(result.errors()).isEmpty();
    List<String> actual = new ArrayList<>();
    for (Finding finding : result.findings()) {
      actual.add(finding.file() + ":" + finding.region().startLine());
    }
    assertThat(actual).as(folder + " findings").containsExactlyInAnyOrderElementsOf(expected(base));
  }

  private static List<String> expected(Path base) throws IOException {
    List<String> expected = new ArrayList<>();
    try (Stream<Path> files = Files.walk(base)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int pending = 0;
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i).trim();
          if (line.startsWith("# expect:")) {
            pending++;
          } else if (!line.isEmpty() && !line.startsWith("#")) {
            for (; pending > 0; pending--) {
              expected.add(base.relativize(file).toString().replace('\\', '/') + ":" + (i + 1));
            }
          }
        }
      }
    }
    return expected;
  }

  /** Loads referenced files from the case's folder only, each once, named relative to it. */
  private static final class FolderFiles implements ExternalFiles {
    private final Path base;
    private final SourceReader reader = new SourceReader(SourceReader.DEFAULT_MAX_BYTES);
    private final Map<Path, ParsedFile> loaded = new HashMap<>();

    FolderFiles(Path base) {
      this.base = base;
    }

    @Override
    public Loaded load(ParsedFile from, String location) {
      Path target = base.resolve(from.displayPath()).getParent().resolve(location).normalize();
      if (!target.startsWith(base)) {
        return Loaded.refused(location + " is outside the case's folder");
      }
      ParsedFile file = loaded.get(target);
      if (file == null) {
        try {
          file = TreeParser.parse(reader.read(target, base.relativize(target).toString().replace('\\', '/')));
        } catch (SourceException e) {
          return Loaded.refused(e.getMessage());
        }
        loaded.put(target, file);
      }
      return new Loaded(file, null, false);
    }
  }
}
