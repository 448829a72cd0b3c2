package io.github.threatlint.rules;

import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.model.ExternalFiles;
import java.nio.file.Path;
import java.util.List;

/** How rule tests build an analyzer: one thread, references confined to the fixture's folder. */
final class TestAnalyzers {
  private TestAnalyzers() {}

  static Analyzer create(List<EnabledRule> rules, Path root) {
    return new Analyzer(rules, 64L * 1024 * 1024, 1, file -> ExternalFiles.NONE);
  }
}
