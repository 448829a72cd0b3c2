package io.github.threatlint.maven;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import java.util.List;

/**
 * What a {@code check} came to.
 *
 * @param result the analysis, or null when no specification matched
 * @param threshold the level from which findings fail the build; {@code OFF} when none do
 * @param reports the report files written, as the log shows them
 */
public record CheckOutcome(AnalysisResult result, Level threshold, List<String> reports) {
  /** The files of the active findings at or above the threshold, in report order. */
  public List<String> failingFiles() {
    if (result == null || threshold == Level.OFF) {
      return List.of();
    }
    return result.findings().stream()
        .filter(finding -> !finding.isSuppressed() && finding.level().atLeast(threshold))
        .map(Finding::file)
        .distinct()
        .toList();
  }

  /** Active findings at or above the threshold. */
  public long failingFindings() {
    return result == null || threshold == Level.OFF ? 0 : result.count(threshold);
  }
}
