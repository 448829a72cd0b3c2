package io.github.threatlint.rules;

import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.resolve.SpecFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How rule tests build an analyzer: one thread, references confined to the fixture's folder (which
 * is also the folder reports name files from), remote references never fetched.
 */
final class TestAnalyzers {
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private TestAnalyzers() {}

  static Analyzer create(List<EnabledRule> rules, Path root) {
    try {
      SpecFiles files = new SpecFiles(root, root, MAX_BYTES, RemoteFiles.OFF);
      return new Analyzer(rules, MAX_BYTES, 1, files::forDocument);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
