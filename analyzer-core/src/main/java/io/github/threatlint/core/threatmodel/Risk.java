package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The risk of one scenario for one API, with its inputs: likelihood × impact.
 *
 * <p>Likelihood comes from the scenario's findings, weighted by their own level: High on an error
 * or on {@value #WARNINGS_FOR_HIGH} warnings or more, Medium on fewer warnings or on {@value
 * #NOTES_FOR_MEDIUM} notes or more, Low on fewer notes (notes are hints; however many, they raise
 * the likelihood no higher than Medium). A mitigation of the scenario that the spec shows in full
 * lowers it one step. Impact is the paper's C/I/A rating of the scenario, raised to Very high in a
 * dimension the paper rates High where an asset the API carries needs Very high there. The score is
 * the likelihood's weight (1 to 3) times the sum of the impact's weights (3 to 12).
 *
 * @param likelihoodReason why the likelihood is what it is ("2 errors, 3 notes")
 * @param impactReason why the impact differs from the paper's rating, or empty
 */
public record Risk(
    Rating likelihood, String likelihoodReason, Rating.Cia impact, String impactReason, int score) {

  static final int WARNINGS_FOR_HIGH = 5;
  static final int NOTES_FOR_MEDIUM = 10;

  /** Scores from here are a high risk. */
  static final int HIGH_SCORE = 18;

  /** Scores from here (below {@link #HIGH_SCORE}) are a medium risk. */
  static final int MEDIUM_SCORE = 9;

  /** High, Medium or Low, from the score. */
  public Rating level() {
    return score >= HIGH_SCORE ? Rating.HIGH : score >= MEDIUM_SCORE ? Rating.MEDIUM : Rating.LOW;
  }

  /**
   * The risk of a scenario with these findings (at least one), lowered by {@code fullMitigation}
   * (the text of a mitigation shown in full, or null), with this impact.
   */
  static Risk of(
      List<Finding> findings, String fullMitigation, Rating.Cia impact, String impactReason) {
    long errors = count(findings, Level.ERROR);
    long warnings = count(findings, Level.WARNING);
    long notes = count(findings, Level.NOTE);
    Rating raised =
        errors > 0 || warnings >= WARNINGS_FOR_HIGH
            ? Rating.HIGH
            : warnings > 0 || notes >= NOTES_FOR_MEDIUM ? Rating.MEDIUM : Rating.LOW;
    List<String> counts = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      long count = count(findings, level);
      if (count > 0) {
        counts.add(ReportText.plural(count, level.label()));
      }
    }
    String reason = String.join(", ", counts);
    Rating likelihood = raised;
    if (fullMitigation != null && raised != Rating.LOW) {
      likelihood = Rating.values()[raised.ordinal() - 1];
      reason +=
          "; lowered from "
              + raised.label()
              + " because the spec shows in full: "
              + ReportText.lowerFirst(fullMitigation);
    }
    return new Risk(
        likelihood, reason, impact, impactReason, likelihood.weight() * impact.weight());
  }

  private static long count(List<Finding> findings, Level level) {
    return findings.stream().filter(f -> f.level() == level).count();
  }

  /** "High (score 21 = likelihood High 3 × impact H/M/L 7)". */
  public String formula() {
    return level().label()
        + " (score "
        + score
        + " = likelihood "
        + likelihood.label()
        + " "
        + likelihood.weight()
        + " × impact "
        + impact
        + " "
        + impact.weight()
        + ")";
  }
}
