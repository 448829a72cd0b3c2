package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.engine.Finding;
import java.util.List;

/**
 * The threat-model picture of one API, as the report shows it: what the API is, the assets it
 * processes, the agents that matter, every scenario of the catalogue with its status, OWASP 2023
 * coverage, and the summary (top risks, what to fix first).
 *
 * @param file the specification as reports name it
 * @param findings the active findings of the analysis, sorted
 * @param suppressed how many findings were suppressed and are not counted
 * @param unknownScenarioNames scenario names cited by enabled rules that the catalogue does not
 *     know
 * @param rankedRisks the scenarios of highest risk, ranked
 * @param outsideScenarios findings of rules that cite no scenario of the catalogue: shown apart, so
 *     that no finding of the run is left out of the threat model
 * @param architecture the spec's version of the paper's platform figure
 */
public record ThreatModel(
    String title,
    String apiVersion,
    String specVersion,
    String file,
    String profile,
    ThreatCatalogue catalogue,
    List<AssetPresence> assets,
    List<AgentAssessment> agents,
    List<ScenarioAssessment> scenarios,
    List<OwaspCategory> owasp,
    List<RuleFindings> rules,
    List<Finding> findings,
    long suppressed,
    List<TopRisk> rankedRisks,
    List<RuleFindings> fixFirst,
    List<String> unknownScenarioNames,
    List<RuleFindings> outsideScenarios,
    Architecture architecture) {

  /** The scenarios of the top risks, ranked. */
  public List<ScenarioAssessment> topRisks() {
    return rankedRisks.stream().map(TopRisk::assessment).toList();
  }

  public long count(ScenarioAssessment.Status status) {
    return scenarios.stream().filter(s -> s.status() == status).count();
  }

  /**
   * The risks that remain, highest first: every scenario with findings, by its risk, then the
   * assessable scenarios with no mitigation in full. The report lists them with an empty owner and
   * acceptance decision for the reader to fill in.
   */
  public List<ScenarioAssessment> residualRisks() {
    List<ScenarioAssessment> risks = new java.util.ArrayList<>();
    scenarios.stream()
        .filter(s -> s.risk() != null)
        .sorted(
            java.util.Comparator.comparingInt((ScenarioAssessment s) -> s.risk().score())
                .reversed())
        .forEach(risks::add);
    scenarios.stream()
        .filter(s -> s.status() == ScenarioAssessment.Status.NO_EVIDENCE)
        .forEach(risks::add);
    return risks;
  }

  public List<ScenarioAssessment> scenarios(ThreatCatalogue.Category category) {
    return scenarios.stream().filter(s -> s.scenario().category().equals(category)).toList();
  }

  /** The scenarios a rule's findings belong to. */
  public List<ThreatCatalogue.Scenario> scenariosOf(String ruleId) {
    return scenarios.stream()
        .filter(s -> s.findings().stream().anyMatch(r -> r.ruleId().equals(ruleId)))
        .map(ScenarioAssessment::scenario)
        .toList();
  }
}
