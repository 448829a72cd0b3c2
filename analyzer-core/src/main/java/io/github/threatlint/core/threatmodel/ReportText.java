package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Sentences both report formats share, so Markdown and HTML say the same thing. */
final class ReportText {
  static final String METHOD = "SFTI white paper \"Cyber Security – API Threat Modelling\" (2023)";

  /** How many locations a scenario shows per rule before pointing to the full list. */
  static final int LOCATIONS_PER_RULE = 5;

  /** How many places an asset lists per kind (operations, schemas) before saying how many more. */
  static final int PLACES_PER_ASSET = 8;

  /** How many fields an asset lists before saying how many more. */
  static final int FIELDS_PER_ASSET = 12;

  private ReportText() {}

  /**
   * The first {@code limit} items, formatted and separated by commas, then "and N more"; with
   * {@code counted}, a longer list starts with its size ("14: a, b, ... and 6 more").
   */
  static <T> List<ReportPage.Inline> firstOf(
      List<T> items, int limit, boolean counted, Function<T, ReportPage.Inline> format) {
    int shown = Math.min(items.size(), limit);
    List<ReportPage.Inline> text = new ArrayList<>();
    if (items.size() > shown && counted) {
      text.add(ReportPage.Inline.text(items.size() + ": "));
    }
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        text.add(ReportPage.Inline.text(", "));
      }
      text.add(format.apply(items.get(i)));
    }
    if (items.size() > shown) {
      text.add(ReportPage.Inline.text(" and " + (items.size() - shown) + " more"));
    }
    return text;
  }

  static String plural(long count, String singular) {
    return count
        + " "
        + (count == 1
            ? singular
            : singular.endsWith("y") && !singular.endsWith("ey")
                ? singular.substring(0, singular.length() - 1) + "ies"
                : singular + "s");
  }

  /** "12 findings (3 errors, 8 warnings, 1 note)". */
  static String findingCounts(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "no findings";
    }
    List<String> parts = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      long count = findings.stream().filter(f -> f.level() == level).count();
      if (count > 0) {
        parts.add(plural(count, level.label()));
      }
    }
    return plural(findings.size(), "finding") + " (" + String.join(", ", parts) + ")";
  }

  /** The opening sentence of the summary. */
  static String headline(ThreatModel model) {
    int total = model.scenarios().size();
    String text =
        (model.findings().isEmpty()
                ? "threatlint found no findings for the "
                    + total
                    + " threat scenarios of the SFTI threat model. "
                : "threatlint found "
                    + findingCounts(model.findings())
                    + " in "
                    + model.count(ScenarioAssessment.Status.FINDINGS)
                    + " of the "
                    + total
                    + " threat scenarios of the SFTI threat model. ")
            + model.count(ScenarioAssessment.Status.MITIGATED)
            + " scenarios show mitigations in the spec, "
            + model.count(ScenarioAssessment.Status.NO_EVIDENCE)
            + " show neither findings nor a mitigation in full, and "
            + model.count(ScenarioAssessment.Status.NOT_ASSESSABLE)
            + " cannot be assessed from a spec (their controls are listed to verify).";
    if (model.suppressed() > 0) {
      text +=
          " "
              + plural(model.suppressed(), "suppressed finding")
              + (model.suppressed() == 1 ? " is" : " are")
              + " not counted.";
    }
    return text;
  }

  /** What a top risk is about: its findings by rule, most urgent first. */
  static String riskReason(ScenarioAssessment risk) {
    return plural(risk.findingCount(), "finding")
        + " from "
        + risk.findings().stream()
            .map(r -> r.ruleId() + " (" + r.findings().size() + ")")
            .collect(Collectors.joining(", "));
  }

  /** "3 errors" for a rule's findings. */
  static String ruleCount(RuleFindings rule) {
    return plural(rule.findings().size(), rule.level().label());
  }

  static String assessable(ThreatCatalogue.Scenario scenario) {
    switch (scenario.assessable()) {
      case YES:
        return "a spec shows it";
      case PARTLY:
        return "a spec shows part of it";
      default:
        return "organisational only";
    }
  }

  static String agents(ThreatCatalogue.Scenario scenario) {
    return scenario.agents().isEmpty()
        ? "none named by the paper"
        : scenario.agents().stream()
            .map(ThreatCatalogue.Agent::name)
            .collect(Collectors.joining(", "));
  }

  static String checkedBy(ScenarioAssessment assessment) {
    return assessment.checkingRules().isEmpty()
        ? "no enabled rule checks this scenario"
        : "checked by " + String.join(", ", assessment.checkingRules());
  }

  static String rating(Rating.Cia rating) {
    return "C "
        + rating.confidentiality().label()
        + ", I "
        + rating.integrity().label()
        + ", A "
        + rating.availability().label();
  }
}
