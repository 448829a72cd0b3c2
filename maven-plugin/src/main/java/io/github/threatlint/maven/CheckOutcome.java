package io.github.threatlint.maven;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.rule.Level;
import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code check} came to.
 *
 * @param result the analysis, or null when no specification matched
 * @param threshold the level from which findings fail the build; {@code OFF} when none do
 * @param reports the report files written
 */
public record CheckOutcome(AnalysisResult result, Level threshold, List<Path> reports) {
  /** Active findings at or above the threshold. */
  public long failingFindings() {
    return result == null || threshold == Level.OFF ? 0 : result.count(threshold);
  }
}
