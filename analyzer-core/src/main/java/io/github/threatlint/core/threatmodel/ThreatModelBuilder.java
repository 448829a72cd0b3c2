package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.docs.Taxonomy;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the threat model of one analysed API: assets and agents from the document, each scenario's
 * status from the findings of the rules that cite it and from the mitigations the rules recorded
 * where the catalogue names them, OWASP 2023 coverage, and the summary. Whether a mitigation is
 * there is the rules' word alone: nothing here judges the document again.
 */
public final class ThreatModelBuilder {
  /** How many scenarios the summary names as top risks, and how many rules as what to fix first. */
  static final int SUMMARY_SIZE = 5;

  /** How many places the report shows for one mitigation. */
  private static final int MAX_PLACES = 5;

  private ThreatModelBuilder() {}

  /**
   * @param document the analysed document
   * @param findings the findings of its analysis (suppressed ones are counted but not shown)
   * @param mitigations the mitigation evidence the rules recorded in the same analysis
   * @param rules the rules that ran, with their levels
   * @param profile the profile name the rules came from, for the report's header
   */
  public static ThreatModel build(
      ThreatCatalogue catalogue,
      ApiDocument document,
      List<Finding> findings,
      List<Mitigation> mitigations,
      List<EnabledRule> rules,
      String profile) {
    NodeRef info = document.root().get("info");
    String title =
        info != null && info.text("title") != null
            ? info.text("title")
            : document.rootFile().displayPath();
    String apiVersion =
        info != null && info.node().get("version") != null
            ? info.node().get("version").asText()
            : "";

    List<Finding> active =
        findings.stream().filter(f -> !f.isSuppressed()).sorted(Finding.ORDER).toList();
    long suppressed = findings.size() - active.size();

    Map<String, EnabledRule> byId = new LinkedHashMap<>();
    for (EnabledRule rule : rules) {
      byId.put(rule.id(), rule);
    }
    Map<String, List<Finding>> grouped = new LinkedHashMap<>();
    for (Finding finding : active) {
      grouped.computeIfAbsent(finding.ruleId(), id -> new ArrayList<>()).add(finding);
    }
    List<RuleFindings> ruleFindings = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> entry : grouped.entrySet()) {
      EnabledRule rule = byId.get(entry.getKey());
      if (rule != null) {
        ruleFindings.add(
            new RuleFindings(
                rule.descriptor().info(), rule.level(), List.copyOf(entry.getValue())));
      }
    }
    ruleFindings.sort(RuleFindings.URGENCY);
    Map<String, RuleFindings> findingsByRule = new HashMap<>();
    ruleFindings.forEach(r -> findingsByRule.put(r.ruleId(), r));

    List<AssetPresence> assets = AssetInference.infer(document, catalogue);
    List<AgentAssessment> agents = AgentRelevance.assess(document, catalogue, assets);
    Map<String, Evidence> evidenceById = evidence(catalogue, mitigations);

    Set<String> unknownNames = new LinkedHashSet<>();
    List<ScenarioAssessment> scenarios = new ArrayList<>();
    for (ThreatCatalogue.Scenario scenario : catalogue.scenarios()) {
      List<String> checking = new ArrayList<>();
      List<RuleFindings> found = new ArrayList<>();
      for (EnabledRule rule : rules) {
        boolean cites = false;
        for (String name : rule.descriptor().info().sftiScenarios()) {
          ThreatCatalogue.Scenario cited = catalogue.scenario(name);
          if (cited == null) {
            unknownNames.add(name + " (" + rule.id() + ")");
          } else if (cited.equals(scenario)) {
            cites = true;
          }
        }
        if (cites) {
          checking.add(rule.id());
          if (findingsByRule.containsKey(rule.id())) {
            found.add(findingsByRule.get(rule.id()));
          }
        }
      }
      found.sort(RuleFindings.URGENCY);
      List<Evidence> evidence = new ArrayList<>();
      for (String id : scenario.evidence()) {
        if (evidenceById.containsKey(id)) {
          evidence.add(evidenceById.get(id));
        }
      }
      scenarios.add(
          new ScenarioAssessment(
              scenario,
              status(scenario, found, evidence),
              List.copyOf(found),
              List.copyOf(evidence),
              List.copyOf(checking)));
    }

    List<OwaspCategory> owasp = new ArrayList<>();
    for (Map.Entry<String, String> category : Taxonomy.OWASP_2023.entrySet()) {
      int count = 0;
      for (RuleFindings rule : ruleFindings) {
        if (List.of(rule.rule().owasp2023()).contains(category.getKey())) {
          count += rule.findings().size();
        }
      }
      int checking =
          (int)
              rules.stream()
                  .filter(
                      r -> List.of(r.descriptor().info().owasp2023()).contains(category.getKey()))
                  .count();
      owasp.add(new OwaspCategory(category.getKey(), category.getValue(), count, checking));
    }

    List<ScenarioAssessment> topRisks =
        scenarios.stream()
            .filter(s -> s.status() == ScenarioAssessment.Status.FINDINGS)
            .sorted(
                Comparator.comparing((ScenarioAssessment s) -> s.highestLevel().ordinal())
                    .reversed()
                    .thenComparing(
                        Comparator.comparingInt(
                                (ScenarioAssessment s) -> s.scenario().rating().weight())
                            .reversed())
                    .thenComparing(
                        Comparator.comparingDouble(ScenarioAssessment::highestSeverity).reversed())
                    .thenComparing(
                        Comparator.comparingInt(ScenarioAssessment::findingCount).reversed()))
            .limit(SUMMARY_SIZE)
            .toList();
    List<RuleFindings> fixFirst = ruleFindings.stream().limit(SUMMARY_SIZE).toList();

    return new ThreatModel(
        title,
        apiVersion,
        document.version().label(),
        document.rootFile().displayPath(),
        profile,
        catalogue,
        assets,
        agents,
        List.copyOf(scenarios),
        List.copyOf(owasp),
        List.copyOf(ruleFindings),
        active,
        suppressed,
        topRisks,
        fixFirst,
        List.copyOf(unknownNames),
        ArchitectureBuilder.build(document, active, assets, agents));
  }

  private static ScenarioAssessment.Status status(
      ThreatCatalogue.Scenario scenario, List<RuleFindings> findings, List<Evidence> evidence) {
    if (!findings.isEmpty()) {
      return ScenarioAssessment.Status.FINDINGS;
    }
    if (evidence.stream().anyMatch(Evidence::complete)) {
      return ScenarioAssessment.Status.MITIGATED;
    }
    if (scenario.assessable() == ThreatCatalogue.Assessable.NO) {
      return ScenarioAssessment.Status.NOT_ASSESSABLE;
    }
    return ScenarioAssessment.Status.NO_EVIDENCE;
  }

  /**
   * What the rules recorded of each mitigation, by id: the mitigations shown at one place at least,
   * complete when no place lacks them. A place several rules or documents recorded counts once.
   */
  private static Map<String, Evidence> evidence(
      ThreatCatalogue catalogue, List<Mitigation> mitigations) {
    Map<String, Map<String, Mitigation>> shown = new LinkedHashMap<>();
    Map<String, Set<String>> missing = new HashMap<>();
    for (Mitigation mitigation : mitigations.stream().sorted(Mitigation.ORDER).toList()) {
      String place = mitigation.file() + "#" + mitigation.pointer();
      if (mitigation.shown()) {
        shown
            .computeIfAbsent(mitigation.id(), id -> new LinkedHashMap<>())
            .putIfAbsent(place, mitigation);
      } else {
        missing.computeIfAbsent(mitigation.id(), id -> new LinkedHashSet<>()).add(place);
      }
    }
    Map<String, Evidence> evidence = new HashMap<>();
    for (Map.Entry<String, Map<String, Mitigation>> entry : shown.entrySet()) {
      ThreatCatalogue.MitigationKind kind = catalogue.mitigation(entry.getKey());
      if (kind == null) {
        continue; // a rule's own id that this catalogue does not name: no scenario shows it
      }
      int shownCount = entry.getValue().size();
      int missingCount = missing.getOrDefault(entry.getKey(), Set.of()).size();
      List<Place> places =
          entry.getValue().values().stream()
              .limit(MAX_PLACES)
              .map(m -> new Place(m.description(), m.file(), m.pointer(), m.region()))
              .toList();
      String text =
          kind.shows()
              + ": shown at "
              + count(shownCount, "place")
              + (missingCount == 0 ? "." : ", missing at " + missingCount + ".");
      evidence.put(kind.id(), new Evidence(kind.id(), text, missingCount == 0, places));
    }
    return evidence;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** For tests: the agent exposures the code knows. */
  public static Set<String> knownExposures() {
    return AgentRelevance.exposures();
  }
}
