package io.github.threatlint.core.config;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the file-based ignores of a configuration to a result: a matching finding is kept and
 * marked suppressed ({@code external}, with the entry's reason). Findings already suppressed in the
 * specification keep that suppression.
 */
public final class Suppressions {
  private Suppressions() {}

  /**
   * @param workingDirectory the directory the findings' file names are relative to
   */
  public static AnalysisResult apply(
      AnalysisResult result, Configuration configuration, Path workingDirectory) {
    if (configuration.ignores().isEmpty()) {
      return result;
    }
    return result.withFindings(apply(result.findings(), configuration, workingDirectory));
  }

  /** The findings with the configuration's ignores applied. */
  public static List<Finding> apply(
      List<Finding> findings, Configuration configuration, Path workingDirectory) {
    if (configuration.ignores().isEmpty()) {
      return findings;
    }
    List<Finding> applied = new ArrayList<>(findings.size());
    for (Finding finding : findings) {
      applied.add(
          finding.isSuppressed() ? finding : apply(finding, configuration, workingDirectory));
    }
    return List.copyOf(applied);
  }

  private static Finding apply(
      Finding finding, Configuration configuration, Path workingDirectory) {
    String file =
        ReportPaths.relativeTo(configuration.directory(), workingDirectory, finding.file());
    for (Configuration.Ignore ignore : configuration.ignores()) {
      if (ignore.matches(file, finding.ruleId(), finding.pointer())) {
        return finding.withSuppression(
            new Finding.Suppression(Finding.Suppression.EXTERNAL, ignore.reason()));
      }
    }
    return finding;
  }
}
