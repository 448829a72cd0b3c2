package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Level;
import java.util.List;

/**
 * What a run found: the findings of all files (sorted, suppressed ones included and marked), the
 * tool errors, the files analysed, the rules that were enabled, and the mitigation evidence the
 * rules recorded (sorted), from which the threat-model report states what the specs show (empty
 * unless the analyzer was asked for it: {@link Analyzer#withEvidence()}).
 */
public record AnalysisResult(
    List<Finding> findings,
    List<ToolError> errors,
    List<String> files,
    List<EnabledRule> rules,
    List<Mitigation> evidence) {

  /**
   * The same result with other findings (suppressions or a baseline applied, some filtered out).
   */
  public AnalysisResult withFindings(List<Finding> newFindings) {
    return new AnalysisResult(newFindings, errors, files, rules, evidence);
  }

  /** Active (not suppressed) findings at or above the level. */
  public long count(Level atLeast) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.level().atLeast(atLeast)).count();
  }

  public long count(Level level, boolean exactly) {
    return findings.stream().filter(f -> !f.isSuppressed() && f.level() == level).count();
  }

  public long suppressedCount() {
    return findings.stream().filter(Finding::isSuppressed).count();
  }
}
