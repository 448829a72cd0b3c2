package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.docs.Taxonomy;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.facts.ApiFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the threat model of one analysed API: assets and agents from the facts of its document
 * ({@link ApiFacts}: names, types and places as written), each scenario's status from the findings
 * of the rules that cite it and from the mitigations the rules recorded where the catalogue names
 * them, its risk (see {@link Risk}), OWASP 2023 coverage, and the summary. Whether a mitigation is
 * there is the rules' word alone: nothing here judges the document again, and a place where a
 * finding of the same run says the opposite (the catalogue's {@code contradicted-by}) does not
 * count as shown.
 */
public final class ThreatModelBuilder {
  /** How many scenarios the summary names as top risks, and how many rules as what to fix first. */
  static final int SUMMARY_SIZE = 5;

  /** How many places the report shows for one mitigation. */
  private static final int MAX_PLACES = 5;

  private ThreatModelBuilder() {}

  /**
   * @param facts the facts of the analysed document
   * @param findings the findings of its analysis (suppressed ones are counted but not shown)
   * @param mitigations the mitigation evidence the rules recorded in the same analysis
   * @param rules the rules that ran, with their levels
   * @param profile the profile name the rules came from, for the report's header
   */
  public static ThreatModel build(
      ThreatCatalogue catalogue,
      ApiFacts facts,
      List<Finding> findings,
      List<Mitigation> mitigations,
      List<EnabledRule> rules,
      String profile) {
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

    List<AssetPresence> assets = AssetInference.infer(facts, catalogue);
    List<AgentAssessment> agents = AgentRelevance.assess(facts, catalogue, assets);
    Map<ThreatCatalogue.Agent, AgentAssessment> agentAssessments = new HashMap<>();
    agents.forEach(a -> agentAssessments.put(a.agent(), a));
    Set<String> lacking = new HashSet<>();
    Map<String, Evidence> evidenceById = evidence(catalogue, mitigations, active, lacking);

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
      for (String id : scenario.supporting()) {
        if (evidenceById.containsKey(id)) {
          evidence.add(evidenceById.get(id).asSupporting());
        }
      }
      boolean noneLacking =
          scenario.evidence().stream().noneMatch(lacking::contains)
              && scenario.supporting().stream().noneMatch(lacking::contains);
      Evidence full =
          evidence.stream().filter(e -> e.complete() && !e.supporting()).findFirst().orElse(null);
      Risk risk =
          found.isEmpty()
              ? null
              : Risk.of(
                  found.stream().flatMap(r -> r.findings().stream()).distinct().toList(),
                  full == null ? null : catalogue.mitigation(full.check()).shows(),
                  impact(scenario.rating(), assets),
                  impactReason(scenario.rating(), assets));
      scenarios.add(
          new ScenarioAssessment(
              scenario,
              status(scenario, found, full != null && noneLacking),
              List.copyOf(found),
              List.copyOf(evidence),
              List.copyOf(checking),
              risk,
              scenario.agents().stream().map(agentAssessments::get).toList()));
    }
    List<RuleFindings> outside =
        ruleFindings.stream()
            .filter(r -> scenarios.stream().noneMatch(s -> s.findings().contains(r)))
            .toList();

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

    List<TopRisk> topRisks = topRisks(scenarios);
    List<RuleFindings> fixFirst = ruleFindings.stream().limit(SUMMARY_SIZE).toList();

    return new ThreatModel(
        facts.title(),
        facts.apiVersion(),
        facts.specVersion(),
        facts.rootFile(),
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
        outside,
        ArchitectureBuilder.build(facts, active, assets, agents));
  }

  /** Highest risk first: score, then impact, then the paper's order. */
  private static final Comparator<ScenarioAssessment> RISK_ORDER =
      Comparator.comparingInt((ScenarioAssessment s) -> s.risk().score())
          .thenComparingInt(s -> s.risk().impact().weight())
          .thenComparing(s -> s.highestLevel().ordinal())
          .thenComparingInt(ScenarioAssessment::findingCount)
          .reversed();

  /**
   * The scenarios of highest risk. One whose findings are all counted under a higher-ranked one is
   * named with it instead of ranked again; one that shares some says how many.
   */
  private static List<TopRisk> topRisks(List<ScenarioAssessment> scenarios) {
    List<ScenarioAssessment> ranked =
        scenarios.stream().filter(s -> s.risk() != null).sorted(RISK_ORDER).toList();
    List<ScenarioAssessment> chosen = new ArrayList<>();
    List<List<ScenarioAssessment>> same = new ArrayList<>();
    for (ScenarioAssessment scenario : ranked) {
      Set<Finding> own = findingSet(scenario);
      int container = -1;
      for (int i = 0; i < chosen.size() && container < 0; i++) {
        if (findingSet(chosen.get(i)).containsAll(own)) {
          container = i;
        }
      }
      if (container >= 0) {
        same.get(container).add(scenario);
      } else if (chosen.size() < SUMMARY_SIZE) {
        chosen.add(scenario);
        same.add(new ArrayList<>());
      }
    }
    List<TopRisk> risks = new ArrayList<>();
    for (int i = 0; i < chosen.size(); i++) {
      Set<Finding> own = findingSet(chosen.get(i));
      int shared = 0;
      int sharedWith = 0;
      for (int j = 0; j < i; j++) {
        Set<Finding> earlier = findingSet(chosen.get(j));
        int common = (int) own.stream().filter(earlier::contains).count();
        if (common > shared) {
          shared = common;
          sharedWith = j + 1;
        }
      }
      risks.add(new TopRisk(chosen.get(i), List.copyOf(same.get(i)), shared, sharedWith));
    }
    return List.copyOf(risks);
  }

  private static Set<Finding> findingSet(ScenarioAssessment scenario) {
    Set<Finding> findings = new HashSet<>();
    scenario.findings().forEach(r -> findings.addAll(r.findings()));
    return findings;
  }

  /**
   * The paper's rating of a scenario, raised to Very high in each dimension it rates High where an
   * asset the API carries needs Very high there.
   */
  static Rating.Cia impact(Rating.Cia scenario, List<AssetPresence> assets) {
    return new Rating.Cia(
        raised(scenario.confidentiality(), assets, Rating.Cia::confidentiality),
        raised(scenario.integrity(), assets, Rating.Cia::integrity),
        raised(scenario.availability(), assets, Rating.Cia::availability));
  }

  private static Rating raised(
      Rating paper, List<AssetPresence> assets, Function<Rating.Cia, Rating> dimension) {
    boolean veryHigh =
        assets.stream().anyMatch(a -> dimension.apply(a.needs()) == Rating.VERY_HIGH);
    return paper == Rating.HIGH && veryHigh ? Rating.VERY_HIGH : paper;
  }

  /** Why the impact is above the paper's rating, or empty. */
  private static String impactReason(Rating.Cia scenario, List<AssetPresence> assets) {
    if (impact(scenario, assets).equals(scenario)) {
      return "";
    }
    return "raised from the paper's "
        + scenario
        + " because "
        + assets.stream()
            .filter(AssetPresence::raised)
            .map(a -> a.asset().name() + " needs " + a.needs())
            .collect(Collectors.joining(" and "))
        + " here";
  }

  private static ScenarioAssessment.Status status(
      ThreatCatalogue.Scenario scenario, List<RuleFindings> findings, boolean mitigated) {
    if (!findings.isEmpty()) {
      boolean notesOnly =
          findings.stream()
              .flatMap(r -> r.findings().stream())
              .allMatch(f -> f.level() == Level.NOTE);
      return notesOnly ? ScenarioAssessment.Status.NOTES : ScenarioAssessment.Status.FINDINGS;
    }
    if (mitigated) {
      return ScenarioAssessment.Status.MITIGATED;
    }
    if (scenario.assessable() == ThreatCatalogue.Assessable.NO) {
      return ScenarioAssessment.Status.NOT_ASSESSABLE;
    }
    return ScenarioAssessment.Status.NO_EVIDENCE;
  }

  /**
   * What the rules recorded of each mitigation, by id: the mitigations shown at one place at least,
   * complete when no place lacks them and no finding of the catalogue's {@code contradicted-by}
   * rules says the opposite at a shown place. A place several rules or documents recorded counts
   * once. Adds to {@code lacking} the ids missing or contradicted somewhere.
   */
  private static Map<String, Evidence> evidence(
      ThreatCatalogue catalogue,
      List<Mitigation> mitigations,
      List<Finding> findings,
      Set<String> lacking) {
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
    lacking.addAll(missing.keySet());
    Map<String, Evidence> evidence = new HashMap<>();
    for (Map.Entry<String, Map<String, Mitigation>> entry : shown.entrySet()) {
      ThreatCatalogue.MitigationKind kind = catalogue.mitigation(entry.getKey());
      if (kind == null) {
        continue; // a rule's own id that this catalogue does not name: no scenario shows it
      }
      int shownCount = entry.getValue().size();
      int missingCount = missing.getOrDefault(entry.getKey(), Set.of()).size();
      List<Mitigation> standing = new ArrayList<>();
      Set<String> contradicting = new LinkedHashSet<>();
      for (Mitigation mitigation : entry.getValue().values()) {
        List<String> against = contradicting(kind, mitigation, findings);
        if (against.isEmpty()) {
          standing.add(mitigation);
        } else {
          contradicting.addAll(against);
        }
      }
      int contradicted = shownCount - standing.size();
      if (contradicted > 0) {
        lacking.add(kind.id());
      }
      // the places that stand first: a contradicted place is listed only when none stands
      List<Place> places =
          (standing.isEmpty() ? List.copyOf(entry.getValue().values()) : standing)
              .stream()
                  .limit(MAX_PLACES)
                  .map(m -> new Place(m.description(), m.file(), m.pointer(), m.region()))
                  .toList();
      String text =
          kind.shows()
              + ": shown at "
              + count(shownCount, "place")
              + (contradicted == 0
                  ? ""
                  : (shownCount == 1 ? ", contradicted there" : ", contradicted at " + contradicted)
                      + " by the findings of "
                      + String.join(", ", contradicting))
              + (missingCount == 0 ? "." : ", missing at " + missingCount + ".");
      evidence.put(
          kind.id(),
          new Evidence(kind.id(), text, missingCount == 0 && contradicted == 0, places, false));
    }
    return evidence;
  }

  /**
   * The rules of the kind's {@code contradicted-by} with a finding at the mitigation's place (in
   * the same file, at the place itself, inside it, or around it), and those of its {@code
   * contradicted-anywhere-by} with a finding anywhere in the same file.
   */
  private static List<String> contradicting(
      ThreatCatalogue.MitigationKind kind, Mitigation mitigation, List<Finding> findings) {
    Set<String> rules = new LinkedHashSet<>();
    for (Finding finding : findings) {
      if (!finding.file().equals(mitigation.file())) {
        continue;
      }
      if (kind.contradictedAnywhereBy().contains(finding.ruleId())
          || (kind.contradictedBy().contains(finding.ruleId())
              && related(finding.pointer(), mitigation.pointer()))) {
        rules.add(finding.ruleId());
      }
    }
    return List.copyOf(rules);
  }

  /** Whether one JSON pointer is the other or lies inside it. */
  private static boolean related(String a, String b) {
    return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** For tests: the agent exposures the code knows. */
  public static Set<String> knownExposures() {
    return AgentRelevance.exposures();
  }
}
