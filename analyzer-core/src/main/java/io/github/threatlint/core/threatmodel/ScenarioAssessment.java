package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import java.util.List;

/**
 * One threat scenario judged for one API: its status, the findings that evidence it (by rule), the
 * mitigations the spec shows, the enabled rules that check it, its risk, and the paper's likely
 * agents as this API makes them relevant.
 *
 * @param checkingRules ids of the enabled rules that cite the scenario, whether or not they found
 *     anything
 * @param risk likelihood × impact; null when the scenario has no finding
 * @param agents the paper's likely agents of the scenario, judged for this API
 */
public record ScenarioAssessment(
    ThreatCatalogue.Scenario scenario,
    Status status,
    List<RuleFindings> findings,
    List<Evidence> evidence,
    List<String> checkingRules,
    Risk risk,
    List<AgentAssessment> agents) {

  /** What the report says about a scenario, in order of urgency. */
  public enum Status {
    FINDINGS("Findings", "errors or warnings in the spec"),
    NOTES("Notes only", "only notes: hints worth a look, no error or warning"),
    NO_EVIDENCE("Not evidenced", "no finding, and the spec shows no mitigation in full"),
    MITIGATED(
        "Mitigations evidenced",
        "no finding, the spec shows a mitigation the paper names in full, and none of the scenario's "
            + "mitigations is missing anywhere"),
    NOT_ASSESSABLE(
        "Not assessable from a spec", "organisational controls: verify them outside the spec");

    private final String label;
    private final String meaning;

    Status(String label, String meaning) {
      this.label = label;
      this.meaning = meaning;
    }

    public String label() {
      return label;
    }

    public String meaning() {
      return meaning;
    }

    /** A lower-case identifier for CSS classes and anchors. */
    public String slug() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public int findingCount() {
    return findings.stream().mapToInt(r -> r.findings().size()).sum();
  }

  /** The highest level among the findings (each finding's own level); OFF when there are none. */
  public Level highestLevel() {
    return findings.stream()
        .flatMap(r -> r.findings().stream())
        .map(f -> f.level())
        .max(Enum::compareTo)
        .orElse(Level.OFF);
  }

  /** Whether the scenario has findings, of any level. */
  public boolean hasFindings() {
    return !findings.isEmpty();
  }
}
