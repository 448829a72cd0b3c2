package io.github.threatlint.core.config;

import com.google.common.jimfs.Jimfs;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A project on an in-memory file system: specs are written into it and analysed with the test
 * rules, references between files followed within it.
 */
final class TestProject implements Closeable {
  final FileSystem fs = Jimfs.newFileSystem(com.google.common.jimfs.Configuration.unix());
  final Path root = fs.getPath("/work/project");

  TestProject() throws IOException {
    Files.createDirectories(root);
  }

  Path write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  /**
   * Analyses {@code specs} (relative to the project) as the CLI does from {@code workingDirectory}.
   */
  AnalysisResult analyze(List<EnabledRule> rules, Path workingDirectory, String... specs) {
    Map<Path, ParsedFile> loaded = new HashMap<>();
    ExternalFiles files =
        (from, location) -> {
          Path target = from.source().path().resolveSibling(location).normalize();
          ParsedFile file = loaded.get(target);
          if (file == null) {
            try {
              file =
                  TreeParser.parse(
                      new SourceReader(1 << 20).read(target, display(workingDirectory, target)));
            } catch (SourceException e) {
              return ExternalFiles.Loaded.refused(e.getMessage());
            }
            loaded.put(target, file);
          }
          return new ExternalFiles.Loaded(file, null, false);
        };
    Analyzer analyzer = new Analyzer(rules, 1 << 20, 1, parsed -> files);
    List<Analyzer.Input> inputs =
        java.util.Arrays.stream(specs)
            .map(
                spec ->
                    new Analyzer.Input(
                        root.resolve(spec), display(workingDirectory, root.resolve(spec))))
            .toList();
    AnalysisResult result = analyzer.analyze(inputs);
    if (!result.errors().isEmpty()) {
      throw new AssertionError("tool errors: " + result.errors());
    }
    return result;
  }

  AnalysisResult analyze(List<EnabledRule> rules, String... specs) {
    return analyze(rules, root, specs);
  }

  static String display(Path workingDirectory, Path file) {
    return workingDirectory.relativize(file).toString();
  }

  /** {@code file:line message [suppression reason]} per finding, for readable assertions. */
  static List<String> describe(AnalysisResult result) {
    return result.findings().stream().map(TestProject::describe).toList();
  }

  static String describe(Finding finding) {
    String where =
        finding.file()
            + ":"
            + finding.region().startLine()
            + " "
            + finding.pointer()
            + " "
            + finding.message();
    return finding.isSuppressed()
        ? where + " [" + finding.suppression().kind() + ": " + finding.suppression().reason() + "]"
        : where;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
