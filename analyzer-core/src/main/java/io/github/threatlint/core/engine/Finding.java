package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import java.util.Comparator;

/**
 * One problem found: the rule, its level, the message, and where: the file as reports name it, the
 * JSON pointer in that file, and the region of the text. {@code suppression} is null for an active
 * finding; suppressed and baselined findings are kept and marked.
 */
public record Finding(String ruleId, Level level, String message, String file, String pointer, Region region,
    Suppression suppression) {

  /** By file, then position, then rule id and message: the order of every report. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
      .thenComparing(Finding::region)
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message);

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding withSuppression(Suppression newSuppression) {
    return new Finding(ruleId, level, message, file, pointer, region, newSuppression);
  }

  /** Why a finding does not count: in the spec ({@code inSource}), in configuration or a baseline ({@code external}). */
  public record Suppression(String kind, String reason) {
    public static final String IN_SOURCE = "inSource";
    public static final String EXTERNAL = "external";
  }
}
