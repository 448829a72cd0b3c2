package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.report.TestRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Risk, ranking and statuses from findings and evidence made by hand: what the report says must
 * follow from them, never contradict them.
 */
class ThreatModelRiskTest {
  static final String FILE = "specs/" + Specs.WEALTH_OPEN;

  @RuleInfo(
      id = "test-injection",
      title = "Injection",
      description = "Evidences the injection scenario (H/H/H), for tests.",
      level = Level.NOTE,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"DS"},
      sftiScenarios = {"Malicious code or data injection"},
      securitySeverity = 3.0,
      section = "data")
  public static final class Injection implements Rule {}

  @RuleInfo(
      id = "test-bulk",
      title = "Bulk",
      description = "Evidences the exfiltration scenario (M/L/L), for tests.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"DS"},
      sftiScenarios = {"Exfiltrating large amount of data"},
      securitySeverity = 3.0,
      section = "data")
  public static final class Bulk implements Rule {}

  @RuleInfo(
      id = "test-open",
      title = "Open",
      description = "Evidences two AAA scenarios at once, for tests.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"AAA"},
      sftiScenarios = {"Unauthorized access to data", "Account hijacking"},
      securitySeverity = 8.0,
      section = "auth")
  public static final class Open implements Rule {}

  @RuleInfo(
      id = "test-loose",
      title = "Loose",
      description = "Cites no scenario, for tests.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"DS"},
      sftiScenarios = {},
      securitySeverity = 3.0,
      section = "data")
  public static final class Loose implements Rule {}

  private static final List<EnabledRule> RULES =
      List.of(
          new EnabledRule(new RuleDescriptor(Injection.class), Level.NOTE, Map.of()),
          new EnabledRule(new RuleDescriptor(Bulk.class), Level.WARNING, Map.of()),
          new EnabledRule(new RuleDescriptor(Open.class), Level.ERROR, Map.of()),
          new EnabledRule(new RuleDescriptor(Loose.class), Level.WARNING, Map.of()));

  private static List<Finding> findings(String rule, Level level, int count) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      findings.add(
          TestRules.finding(rule, level, FILE, "/paths/~1customers/get/x" + i, 10 + i, "at " + i));
    }
    return findings;
  }

  private static ThreatModel model(List<Finding> findings, List<Mitigation> mitigations) {
    return ThreatModelBuilder.build(
        ThreatCatalogue.sfti(),
        Specs.facts(Specs.WEALTH_OPEN),
        findings,
        mitigations,
        RULES,
        "sfti");
  }

  private static ScenarioAssessment scenario(ThreatModel model, String name) {
    return model.scenarios().stream()
        .filter(s -> s.scenario().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSingleNoteDoesNotOutrankManyWarnings() {
    List<Finding> findings = new ArrayList<>(findings("test-injection", Level.NOTE, 1));
    findings.addAll(findings("test-bulk", Level.WARNING, 22));
    ThreatModel model = model(findings, List.of());
    ScenarioAssessment injection = scenario(model, "Malicious code or data injection");
    assertThat(injection.risk().likelihood()).isEqualTo(Rating.LOW);
    assertThat(injection.risk().likelihoodReason()).isEqualTo("1 note");
    // the wealth spec carries financial data with customer names: its confidentiality is Very high
    assertThat(injection.risk().impact().toString()).isEqualTo("VH/H/H");
    assertThat(injection.risk().score()).isEqualTo(10);
    ScenarioAssessment bulk = scenario(model, "Exfiltrating large amount of data");
    assertThat(bulk.risk().likelihood()).isEqualTo(Rating.HIGH);
    assertThat(bulk.risk().score()).isEqualTo(12);
    assertThat(model.topRisks())
        .extracting(s -> s.scenario().name())
        .containsExactly("Exfiltrating large amount of data", "Malicious code or data injection");
    // a single note is no reason for red
    assertThat(injection.status()).isEqualTo(ScenarioAssessment.Status.NOTES);
    assertThat(bulk.status()).isEqualTo(ScenarioAssessment.Status.FINDINGS);
  }

  @Test
  void atTheSameLikelihoodTheHigherImpactRanksFirst() {
    List<Finding> findings = new ArrayList<>(findings("test-injection", Level.WARNING, 2));
    findings.addAll(findings("test-bulk", Level.WARNING, 2));
    ThreatModel model = model(findings, List.of());
    assertThat(model.topRisks())
        .extracting(s -> s.scenario().name())
        .containsExactly("Malicious code or data injection", "Exfiltrating large amount of data");
    Risk injection = model.topRisks().get(0).risk();
    assertThat(injection.formula())
        .isEqualTo("High (score 20 = likelihood Medium 2 × impact VH/H/H 10)");
    assertThat(ReportText.riskExplained(injection))
        .isEqualTo(
            "Risk High (score 20 = likelihood Medium 2 × impact VH/H/H 10). Likelihood Medium from 2 warnings. "
                + "Impact VH/H/H, raised from the paper's H/H/H because Customer Financial Data needs VH/H/H here.");
    assertThat(model.topRisks().get(1).risk().impact().toString())
        .as("M/L/L has no High to raise")
        .isEqualTo("M/L/L");
  }

  @Test
  void aMitigationShownInFullLowersTheLikelihood() {
    List<Mitigation> pagination =
        List.of(
            TestRules.mitigation(
                "bounded-pagination", true, FILE, "/paths/~1customers/get", 9, "GET /customers"));
    ThreatModel model = model(findings("test-bulk", Level.WARNING, 5), pagination);
    Risk risk = scenario(model, "Exfiltrating large amount of data").risk();
    assertThat(risk.likelihood()).isEqualTo(Rating.MEDIUM);
    assertThat(risk.likelihoodReason())
        .isEqualTo(
            "5 warnings; lowered from High because the spec shows in full: "
                + "collection reads take a page size with a maximum");
  }

  @Test
  void theSameFindingsAreOneTopRiskThatNamesTheOtherScenario() {
    ThreatModel model = model(findings("test-open", Level.ERROR, 26), List.of());
    assertThat(model.rankedRisks())
        .singleElement()
        .satisfies(
            risk -> {
              // equal risk: the paper's order decides which one is named first
              assertThat(risk.assessment().scenario().name()).isEqualTo("Account hijacking");
              assertThat(risk.sameFindings())
                  .extracting(s -> s.scenario().name())
                  .containsExactly("Unauthorized access to data");
              assertThat(ReportText.riskReason(risk))
                  .endsWith(
                      "26 findings from test-open (26); the same findings also evidence Unauthorized access to data");
            });
    assertThat(model.residualRisks())
        .extracting(s -> s.scenario().name())
        .startsWith("Account hijacking", "Unauthorized access to data");
  }

  @Test
  void findingsOfARuleThatCitesNoScenarioAreKeptApart() {
    ThreatModel model = model(findings("test-loose", Level.WARNING, 4), List.of());
    assertThat(model.outsideScenarios())
        .extracting(RuleFindings::ruleId)
        .containsExactly("test-loose");
    assertThat(model.scenarios()).noneMatch(ScenarioAssessment::hasFindings);
  }

  @Test
  void aRuleCountsItsFindingsByTheirOwnLevel() {
    // the rule runs at warning; its findings are notes
    ThreatModel model = model(findings("test-bulk", Level.NOTE, 18), List.of());
    RuleFindings bulk = model.rules().get(0);
    assertThat(ReportText.ruleCount(bulk)).isEqualTo("18 notes");
    assertThat(scenario(model, "Exfiltrating large amount of data").status())
        .isEqualTo(ScenarioAssessment.Status.NOTES);
  }

  @Test
  void aFindingAtTheSamePlaceContradictsTheEvidence() {
    List<Finding> mock =
        List.of(
            TestRules.finding(
                "server-non-production", Level.WARNING, FILE, "/servers/0", 6, "a mock server"));
    List<Mitigation> https =
        List.of(
            TestRules.mitigation(
                "https-transport", true, FILE, "/servers/0", 6, "server https://mock.example"));
    ThreatModel model = model(mock, https);
    ScenarioAssessment leakage = scenario(model, "Information leakage, integrity violation");
    assertThat(leakage.status()).isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
    assertThat(leakage.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.complete()).isFalse();
              assertThat(e.text())
                  .isEqualTo(
                      "Servers are reached over TLS (https): shown at 1 place, contradicted there by the "
                          + "findings of server-non-production.");
            });
  }

  @Test
  void scopeDescriptionsDoNotMitigateOutdatedConsent() {
    List<Mitigation> described =
        List.of(
            TestRules.mitigation(
                "scope-descriptions", true, FILE, "/components/securitySchemes/o", 90, "scope a"));
    ScenarioAssessment outdated = scenario(model(List.of(), described), "Outdated consent");
    assertThat(outdated.status()).isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
    assertThat(outdated.evidence())
        .singleElement()
        .extracting(Evidence::supporting)
        .isEqualTo(true);
  }

  @Test
  void aMitigationMissingElsewhereKeepsTheScenarioFromGreen() {
    List<Mitigation> records =
        List.of(
            TestRules.mitigation(
                "rate-limiting", true, FILE, "/paths/~1customers/get", 9, "GET /customers 429"),
            TestRules.mitigation(
                "bounded-pagination", false, FILE, "/paths/~1customers/get", 9, "GET /customers"));
    ScenarioAssessment bulk =
        scenario(model(List.of(), records), "Exfiltrating large amount of data");
    assertThat(bulk.evidence()).extracting(Evidence::complete).containsExactly(true);
    assertThat(bulk.status()).isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
  }

  @Test
  void declaredResponseFieldsAloneDoNotFilterDataByConsent() {
    List<Mitigation> records =
        List.of(
            TestRules.mitigation(
                "explicit-response-schemas", true, FILE, "/paths/~1customers/get", 9, "GET 200"));
    ScenarioAssessment tpp =
        scenario(
            model(List.of(), records), "TPP gets more information than the user wants to give");
    assertThat(tpp.evidence()).extracting(Evidence::supporting).containsExactly(true);
    assertThat(tpp.status()).isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
  }

  @Test
  void scenariosJudgeThePapersAgentsForThisApi() {
    // the open wealth spec has no OAuth2 and no client id: the TPP is not indicated, and the
    // scenarios that name it say so
    ScenarioAssessment injection =
        scenario(model(List.of(), List.of()), "Malicious code or data injection");
    assertThat(injection.agents())
        .filteredOn(a -> a.agent().name().equals("Third Party Provider (TPP)"))
        .singleElement()
        .extracting(AgentAssessment::relevance)
        .isEqualTo(AgentAssessment.Relevance.NOT_INDICATED);
    assertThat(ReportText.agents(injection))
        .isEqualTo(
            "Internet-based threat actor, Legitimate user with compromised device; "
                + "not indicated for this API: Third Party Provider (TPP)");
  }
}
