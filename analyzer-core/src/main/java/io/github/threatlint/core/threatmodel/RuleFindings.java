package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.Finding;
import java.util.Comparator;
import java.util.List;

/**
 * The active findings of one rule, with the rule's metadata and the level it ran at (a rule may
 * report some findings at a lower level, such as a note for a header: each finding has its own).
 */
public record RuleFindings(RuleInfo rule, Level level, List<Finding> findings) {

  /**
   * Most urgent first: higher level of the findings, then higher security severity, then more
   * findings, then id.
   */
  public static final Comparator<RuleFindings> URGENCY =
      Comparator.comparing((RuleFindings r) -> r.highestLevel().ordinal())
          .reversed()
          .thenComparing(
              Comparator.comparingDouble((RuleFindings r) -> r.rule().securitySeverity())
                  .reversed())
          .thenComparing(
              Comparator.comparingInt((RuleFindings r) -> r.findings().size()).reversed())
          .thenComparing(r -> r.rule().id());

  public String ruleId() {
    return rule.id();
  }

  /** The highest level of the findings themselves. */
  public Level highestLevel() {
    return findings.stream().map(Finding::level).max(Enum::compareTo).orElse(level);
  }
}
