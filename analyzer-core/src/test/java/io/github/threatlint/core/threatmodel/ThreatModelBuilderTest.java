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

/** Statuses, summary and coverage from findings made by hand, on the open wealth spec. */
class ThreatModelBuilderTest {
  static final String FILE = "specs/" + Specs.WEALTH_OPEN;

  @RuleInfo(
      id = "test-misnamed",
      title = "Misnamed",
      description = "Cites a scenario name the catalogue does not know, for tests.",
      level = Level.NOTE,
      owasp2023 = {"API4"},
      owasp2019 = {"API4"},
      sftiAreas = {"DS"},
      sftiScenarios = {"Exfiltrating large amounts of data"},
      securitySeverity = 3.0,
      section = "data")
  public static final class Misnamed implements Rule {}

  /** Two open operations (test-alpha, one more suppressed), an unbounded list (test-beta). */
  static List<Finding> findings() {
    return List.of(
        TestRules.finding(
            "test-alpha",
            Level.WARNING,
            FILE,
            "/paths/~1customers/get",
            9,
            "GET /customers is open to anyone."),
        TestRules.finding(
            "test-alpha",
            Level.WARNING,
            FILE,
            "/paths/~1customers/post",
            27,
            "POST /customers is open to anyone."),
        TestRules.finding(
            "test-beta",
            Level.ERROR,
            FILE,
            "/paths/~1customers/get/responses/200",
            18,
            "The list has no maxItems."),
        TestRules.finding(
                "test-alpha",
                Level.WARNING,
                FILE,
                "/paths/~1customers~1{customerId}/get",
                37,
                "GET /customers/{customerId} is open.")
            .withSuppression(
                new Finding.Suppression(Finding.Suppression.IN_SOURCE, "public by design")));
  }

  /**
   * The server is reached over https, the list takes a bounded page size; correlation ids are
   * missing.
   */
  static List<Mitigation> mitigations() {
    return List.of(
        TestRules.mitigation(
            "https-transport", true, FILE, "/servers/0", 6, "server https://api.wealth.example/v1"),
        TestRules.mitigation(
            "bounded-pagination",
            true,
            FILE,
            "/paths/~1customers/get",
            9,
            "GET /customers takes limit with a maximum"),
        TestRules.mitigation(
            "correlation-id", false, FILE, "/paths/~1customers/get", 9, "GET /customers"));
  }

  static ThreatModel model() {
    return ThreatModelBuilder.build(
        ThreatCatalogue.sfti(),
        Specs.facts(Specs.WEALTH_OPEN),
        findings(),
        mitigations(),
        TestRules.enabled(),
        "sfti");
  }

  private static ScenarioAssessment scenario(ThreatModel model, String name) {
    return model.scenarios().stream()
        .filter(s -> s.scenario().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyScenarioOfTheCatalogueHasOneAssessment() {
    ThreatModel model = model();
    assertThat(model.scenarios())
        .extracting(ScenarioAssessment::scenario)
        .containsExactlyElementsOf(ThreatCatalogue.sfti().scenarios());
    assertThat(model.title()).isEqualTo("Wealth Customers");
    assertThat(model.apiVersion()).isEqualTo("1.0.0");
    assertThat(model.specVersion()).isEqualTo("OpenAPI 3.0");
    assertThat(model.file()).isEqualTo(FILE);
  }

  @Test
  void statusesComeFromFindingsThenEvidenceThenAssessability() {
    ThreatModel model = model();
    ScenarioAssessment unauthorized = scenario(model, "Unauthorized access to data");
    assertThat(unauthorized.status()).isEqualTo(ScenarioAssessment.Status.FINDINGS);
    assertThat(unauthorized.checkingRules()).containsExactly("test-alpha");
    assertThat(unauthorized.findings())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.ruleId()).isEqualTo("test-alpha");
              assertThat(rule.findings())
                  .extracting(Finding::pointer)
                  .containsExactly("/paths/~1customers/get", "/paths/~1customers/post");
            });

    ScenarioAssessment exfiltration = scenario(model, "Exfiltrating large amount of data");
    assertThat(exfiltration.status()).isEqualTo(ScenarioAssessment.Status.FINDINGS);
    assertThat(exfiltration.evidence())
        .extracting(Evidence::check)
        .containsExactly("bounded-pagination");

    assertThat(scenario(model, "Information leakage, integrity violation").status())
        .isEqualTo(ScenarioAssessment.Status.MITIGATED);
    assertThat(scenario(model, "Missing traceability on incident investigations").status())
        .isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
    assertThat(scenario(model, "Social engineering").status())
        .isEqualTo(ScenarioAssessment.Status.NOT_ASSESSABLE);
    assertThat(model.count(ScenarioAssessment.Status.NOT_ASSESSABLE)).isEqualTo(5);
  }

  @Test
  void suppressedFindingsAreCountedButNotShown() {
    ThreatModel model = model();
    assertThat(model.findings()).hasSize(3).noneMatch(Finding::isSuppressed);
    assertThat(model.suppressed()).isEqualTo(1);
  }

  @Test
  void summaryPutsTheWorstFirst() {
    ThreatModel model = model();
    // two warnings on an H/M/L scenario (raised to VH/M/L: financial data with customer names)
    // outrank an error on an M/L/L one whose pagination is bounded in full
    assertThat(model.topRisks())
        .extracting(s -> s.scenario().name())
        .containsExactly("Unauthorized access to data", "Exfiltrating large amount of data");
    assertThat(model.topRisks())
        .extracting(s -> s.risk().formula())
        .containsExactly(
            "Medium (score 14 = likelihood Medium 2 × impact VH/M/L 7)",
            "Low (score 8 = likelihood Medium 2 × impact M/L/L 4)");
    assertThat(model.fixFirst())
        .extracting(RuleFindings::ruleId)
        .containsExactly("test-beta", "test-alpha");
    assertThat(ReportText.headline(model))
        .startsWith(
            "threatlint found 3 findings (1 error, 2 warnings) in 2 of the 23 threat scenarios")
        .endsWith("1 suppressed finding is not counted.");
  }

  @Test
  void owaspCoverageCountsFindingsAndRulesPerCategory() {
    Map<String, OwaspCategory> owasp = new java.util.HashMap<>();
    model().owasp().forEach(c -> owasp.put(c.id(), c));
    assertThat(model().owasp())
        .extracting(OwaspCategory::id)
        .containsExactly(
            "API1", "API2", "API3", "API4", "API5", "API6", "API7", "API8", "API9", "API10");
    assertThat(owasp.get("API2").findings()).isEqualTo(2);
    assertThat(owasp.get("API5").findings()).isEqualTo(2);
    assertThat(owasp.get("API4").findings()).isEqualTo(1);
    assertThat(owasp.get("API4").name()).isEqualTo("Unrestricted Resource Consumption");
    assertThat(owasp.get("API2").rules()).isEqualTo(1);
    assertThat(owasp.get("API1").findings()).isZero();
  }

  @Test
  void namesTheCatalogueDoesNotKnowAreReported() {
    List<EnabledRule> rules = new ArrayList<>(TestRules.enabled());
    rules.add(new EnabledRule(new RuleDescriptor(Misnamed.class), Level.NOTE, Map.of()));
    ThreatModel model =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.WEALTH_OPEN),
            findings(),
            mitigations(),
            rules,
            "strict");
    assertThat(model.unknownScenarioNames())
        .containsExactly("Exfiltrating large amounts of data (test-misnamed)");
    assertThat(scenario(model, "Exfiltrating large amount of data").checkingRules())
        .containsExactly("test-beta");
  }

  @Test
  void evidenceSaysWhereAMitigationIsShownAndHowManyPlacesLackIt() {
    List<Mitigation> partial =
        List.of(
            TestRules.mitigation(
                "correlation-id",
                true,
                FILE,
                "/paths/~1customers/post",
                27,
                "POST /customers takes X-Request-ID"),
            TestRules.mitigation(
                "correlation-id", false, FILE, "/paths/~1customers/get", 9, "GET /customers"),
            TestRules.mitigation(
                "correlation-id", false, FILE, "/paths/~1customers/get", 9, "GET /customers"));
    ThreatModel model =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.WEALTH_OPEN),
            List.of(),
            partial,
            TestRules.enabled(),
            "sfti");
    ScenarioAssessment traceability =
        scenario(model, "Missing traceability on incident investigations");
    assertThat(traceability.status()).isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
    assertThat(traceability.evidence())
        .singleElement()
        .satisfies(
            evidence -> {
              assertThat(evidence.complete()).isFalse();
              assertThat(evidence.text())
                  .isEqualTo(
                      "Operations accept or return a correlation id: shown at 1 place, missing at 1.");
              assertThat(evidence.places())
                  .extracting(Place::label)
                  .containsExactly("POST /customers takes X-Request-ID");
            });
  }

  @Test
  void noFindingIsNoEvidence() {
    ThreatModel model =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.PAYMENTS_GUARDED),
            List.of(),
            List.of(),
            TestRules.enabled(),
            "sfti");
    assertThat(model.count(ScenarioAssessment.Status.MITIGATED)).isZero();
    assertThat(scenario(model, "Buggy APIs get to production").status())
        .isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
  }

  @Test
  void aCleanApiHasNoTopRisks() {
    List<Mitigation> everywhere =
        ThreatCatalogue.sfti().mitigations().stream()
            .map(
                kind ->
                    TestRules.mitigation(
                        kind.id(), true, "specs/" + Specs.PAYMENTS_GUARDED, "/info", 3, kind.id()))
            .toList();
    ThreatModel model =
        ThreatModelBuilder.build(
            ThreatCatalogue.sfti(),
            Specs.facts(Specs.PAYMENTS_GUARDED),
            List.of(),
            everywhere,
            TestRules.enabled(),
            "sfti");
    assertThat(model.topRisks()).isEmpty();
    assertThat(model.fixFirst()).isEmpty();
    assertThat(ReportText.headline(model))
        .startsWith("threatlint found no findings for the 23 threat scenarios");
    // every scenario with a mitigation a spec can show shows it in full here; the others are to
    // verify outside the spec
    assertThat(model.scenarios())
        .allSatisfy(
            s ->
                assertThat(s.status())
                    .isEqualTo(
                        s.scenario().evidence().isEmpty()
                            ? (s.scenario().assessable() == ThreatCatalogue.Assessable.NO
                                ? ScenarioAssessment.Status.NOT_ASSESSABLE
                                : ScenarioAssessment.Status.NO_EVIDENCE)
                            : ScenarioAssessment.Status.MITIGATED));
  }
}
