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

  /** The first {@code limit} texts, separated by commas, then "and N more": for sentences. */
  static String firstOf(List<String> texts, int limit) {
    int shown = Math.min(texts.size(), limit);
    String text = String.join(", ", texts.subList(0, shown));
    return texts.size() > shown ? text + " and " + (texts.size() - shown) + " more" : text;
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
                    + (model.count(ScenarioAssessment.Status.FINDINGS)
                        + model.count(ScenarioAssessment.Status.NOTES))
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

  /** What a top risk is about: its risk, then its findings by rule, most urgent first. */
  static String riskReason(ScenarioAssessment risk) {
    return "risk "
        + risk.risk().formula()
        + "; "
        + plural(risk.findingCount(), "finding")
        + " from "
        + risk.findings().stream()
            .map(r -> r.ruleId() + " (" + r.findings().size() + ")")
            .collect(Collectors.joining(", "));
  }

  /**
   * A top risk's reason, then what it shares with the others: the scenarios its findings also
   * evidence, and the findings already counted under a higher-ranked risk.
   */
  static String riskReason(TopRisk risk) {
    String text = riskReason(risk.assessment());
    if (!risk.sameFindings().isEmpty()) {
      text +=
          "; the same findings also evidence "
              + risk.sameFindings().stream()
                  .map(s -> s.scenario().name())
                  .collect(Collectors.joining(", "));
    }
    if (risk.shared() > 0) {
      text +=
          "; "
              + (risk.shared() == risk.assessment().findingCount()
                  ? "all of them"
                  : risk.shared() + " of them")
              + " also counted under risk "
              + risk.sharedWith();
    }
    return text;
  }

  /** How likely and how bad, with the inputs: for a scenario's own section. */
  static String riskExplained(Risk risk) {
    return "Risk "
        + risk.formula()
        + ". Likelihood "
        + risk.likelihood().label()
        + " from "
        + risk.likelihoodReason()
        + ". Impact "
        + risk.impact()
        + (risk.impactReason().isEmpty()
            ? ", the paper's rating."
            : ", " + risk.impactReason() + ".");
  }

  /** "3 errors" or "3 warnings, 8 notes" for a rule's findings, by each finding's own level. */
  static String ruleCount(RuleFindings rule) {
    List<String> parts = new ArrayList<>();
    for (Level level : List.of(Level.ERROR, Level.WARNING, Level.NOTE)) {
      long count = rule.findings().stream().filter(f -> f.level() == level).count();
      if (count > 0) {
        parts.add(plural(count, level.label()));
      }
    }
    return String.join(", ", parts);
  }

  /** The text with its first letter in lower case, to follow a colon. */
  static String lowerFirst(String text) {
    // an acronym (OAuth2, TLS) keeps its capitals
    if (text.length() < 2 || Character.isUpperCase(text.charAt(1))) {
      return text;
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
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

  /**
   * The paper's likely agents of a scenario, those this API does not indicate named apart, so that
   * the report does not list as likely an agent it finds not indicated.
   */
  static String agents(ScenarioAssessment assessment) {
    if (assessment.agents().isEmpty()) {
      return "none named by the paper";
    }
    List<String> likely = new ArrayList<>();
    List<String> notIndicated = new ArrayList<>();
    for (AgentAssessment agent : assessment.agents()) {
      (agent.relevance() == AgentAssessment.Relevance.NOT_INDICATED ? notIndicated : likely)
          .add(agent.agent().name());
    }
    return (likely.isEmpty() ? "none indicated for this API" : String.join(", ", likely))
        + (notIndicated.isEmpty()
            ? ""
            : "; not indicated for this API: " + String.join(", ", notIndicated));
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
