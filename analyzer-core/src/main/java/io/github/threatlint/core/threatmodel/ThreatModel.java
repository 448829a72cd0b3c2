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
    List<ScenarioAssessment> topRisks,
    List<RuleFindings> fixFirst,
    List<String> unknownScenarioNames,
    Architecture architecture) {

  public long count(ScenarioAssessment.Status status) {
    return scenarios.stream().filter(s -> s.status() == status).count();
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
