package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.threatmodel.AgentAssessment;
import io.github.threatlint.core.threatmodel.AssetPresence;
import io.github.threatlint.core.threatmodel.Evidence;
import io.github.threatlint.core.threatmodel.Place;
import io.github.threatlint.core.threatmodel.RuleFindings;
import io.github.threatlint.core.threatmodel.ScenarioAssessment;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import io.github.threatlint.core.threatmodel.ThreatModel;
import io.github.threatlint.core.threatmodel.ThreatModels;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mitigations of the threat-model report come from what the built-in rules record while they
 * check a spec, in the same pass as their findings, through the one entry point, and reach the
 * check's result too.
 */
class ThreatModelEvidenceTest {
  private static final ThreatCatalogue CATALOGUE = ThreatCatalogue.sfti();

  @TempDir Path dir;

  /**
   * Checks the spec through the one entry point, telling {@code listener} (the threat models the
   * report collects).
   */
  private CheckResult check(String name, CheckListener listener)
      throws IOException, CheckException {
    Path spec = ReportSpecs.copy(dir, name);
    return Check.run(
        CheckRequest.builder(dir, BuiltInRules.all())
            .files(List.of(spec))
            .profile(Profile.SFTI)
            .build(),
        listener);
  }

  private ThreatModel model(String name) throws IOException, CheckException {
    ThreatModels models = new ThreatModels(CATALOGUE);
    check(name, models);
    return models.models().get(0);
  }

  /** The evidence of every scenario, by mitigation id. */
  private static Map<String, Evidence> evidence(ThreatModel model) {
    Map<String, Evidence> byId = new LinkedHashMap<>();
    for (ScenarioAssessment scenario : model.scenarios()) {
      scenario.evidence().forEach(e -> byId.put(e.check(), e));
    }
    return byId;
  }

  private static ScenarioAssessment.Status status(ThreatModel model, String scenario) {
    return model.scenarios().stream()
        .filter(s -> s.scenario().name().equals(scenario))
        .findFirst()
        .orElseThrow()
        .status();
  }

  @Test
  void aGuardedSpecHasEvidenceForEveryMitigationItNeeds() throws IOException, CheckException {
    Map<String, Evidence> evidence = evidence(model(ReportSpecs.PAYMENTS_GUARDED));
    // its one list has maxItems, so pagination-unbounded sees no collection to page: no evidence
    // either way
    assertThat(evidence.keySet())
        .containsExactlyInAnyOrderElementsOf(
            CATALOGUE.mitigations().stream()
                .map(ThreatCatalogue.MitigationKind::id)
                .filter(id -> !id.equals("bounded-pagination"))
                .toList());
    assertThat(evidence.get("https-transport").text())
        .isEqualTo("Servers are reached over TLS (https): shown at 1 place.");
    assertThat(evidence.get("https-transport").places())
        .extracting(Place::label)
        .containsExactly("server https://api.bank.example/v2");
  }

  @Test
  void anOpenSpecShowsOnlyWhatItHas() throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.WEALTH_OPEN);
    Map<String, Evidence> evidence = evidence(model);
    assertThat(evidence)
        .doesNotContainKeys(
            "authentication-on-every-operation",
            "delegated-token-authentication",
            "oauth2-delegation",
            "fine-grained-scopes",
            "scope-descriptions",
            "client-authentication",
            "correlation-id",
            "auth-errors-documented",
            "deprecation-policy",
            "consent-lifecycle",
            "consent-reference",
            "data-residency");
    // its server is on a reserved example domain, which server-non-production reports
    assertThat(evidence.get("https-transport").complete()).isFalse();
    assertThat(evidence.get("input-validation").complete()).isFalse();
    // swagger-parser finding no structural problem is no mitigation the paper names
    assertThat(status(model, "Buggy APIs get to production"))
        .isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
  }

  @Test
  void partialEvidenceNamesWhereItWasSeen() throws IOException, CheckException {
    Map<String, Evidence> evidence = evidence(model(ReportSpecs.CARDS_LEGACY));
    Evidence correlation = evidence.get("correlation-id");
    assertThat(correlation.complete()).isFalse();
    assertThat(correlation.text())
        .isEqualTo("Operations accept or return a correlation id: shown at 1 place, missing at 1.");
    assertThat(correlation.places())
        .extracting(Place::label)
        .singleElement()
        .asString()
        .startsWith("POST /cards ");
    assertThat(evidence)
        .as("http on localhost; basic authentication only")
        .doesNotContainKeys("https-transport", "delegated-token-authentication");
  }

  @Test
  void theCheckResultCarriesTheSameEvidence() throws IOException, CheckException {
    List<List<Mitigation>> documentEvidence = new ArrayList<>();
    AnalysisResult result =
        check(
                ReportSpecs.CARDS_LEGACY,
                new CheckListener() {
                  @Override
                  public boolean wantsEvidence() {
                    return true;
                  }

                  @Override
                  public void document(int index, Analyzer.DocumentAnalysis analysis) {
                    documentEvidence.add(analysis.evidence());
                  }
                })
            .result();
    assertThat(result.evidence()).isNotEmpty().isEqualTo(documentEvidence.get(0));
    assertThat(result.evidence())
        .anySatisfy(
            m -> {
              assertThat(m.id()).isEqualTo("correlation-id");
              assertThat(m.ruleId()).isEqualTo("correlation-id-missing");
              assertThat(m.shown()).isFalse();
            });
  }

  private static ScenarioAssessment scenario(ThreatModel model, String name) {
    return model.scenarios().stream()
        .filter(s -> s.scenario().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aSpecWithoutSecurityConceptIsNotConsistentlyDocumented() throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.CUSTOMERS_UNSECURED);
    // described, with a contact, and documenting 401 and 403, yet no security scheme at all
    ScenarioAssessment documentation = scenario(model, "Lack of consistent documentation");
    assertThat(documentation.status()).isNotEqualTo(ScenarioAssessment.Status.MITIGATED);
    assertThat(evidence(model).get("documentation").complete()).isFalse();
    assertThat(evidence(model).get("documentation").text())
        .contains("by the findings of security-schemes-missing");
    // responses declare their fields, but without any authorization nothing filters them by consent
    assertThat(scenario(model, "TPP gets more information than the user wants to give").status())
        .isNotEqualTo(ScenarioAssessment.Status.MITIGATED);
  }

  @Test
  void aMockServerIsNoEvidenceOfTlsNorOfEnvironments() throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.CUSTOMERS_UNSECURED);
    Evidence https = evidence(model).get("https-transport");
    assertThat(https.complete()).isFalse();
    assertThat(https.text())
        .isEqualTo(
            "Servers are reached over TLS (https): shown at 1 place, contradicted there by the findings "
                + "of server-non-production.");
    assertThat(scenario(model, "Information leakage, integrity violation").status())
        .isNotEqualTo(ScenarioAssessment.Status.MITIGATED);
    Evidence environments = evidence(model).get("environments-declared");
    assertThat(environments == null || !environments.complete())
        .as("a mock server does not say which environment it is")
        .isTrue();
  }

  @Test
  void anUnanchoredOrMatchAnythingPatternConstrainsNoInput() throws IOException, CheckException {
    Evidence input = evidence(model(ReportSpecs.CUSTOMERS_UNSECURED)).get("input-validation");
    assertThat(input.complete()).isFalse();
    assertThat(input.text()).contains("contradicted at 2 by the findings of");
    assertThat(input.places())
        .extracting(Place::label)
        .noneMatch(label -> label.contains("lastName") || label.contains("remark"));
  }

  @Test
  void sameScopesForEveryOperationLeaveDataFilteringUnmitigated()
      throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.PAYMENTS_SAME_SCOPES);
    assertThat(evidence(model).get("explicit-response-schemas").complete()).isTrue();
    assertThat(scenario(model, "TPP gets more information than the user wants to give").status())
        .isEqualTo(ScenarioAssessment.Status.NO_EVIDENCE);
    // described scopes do not make consent expire
    assertThat(evidence(model).get("scope-descriptions").complete()).isTrue();
    assertThat(scenario(model, "Outdated consent").status())
        .isNotEqualTo(ScenarioAssessment.Status.MITIGATED);
  }

  @Test
  void anOptionalIpHeaderIsNotPassedByEveryOperation() throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.PAYMENTS_SAME_SCOPES);
    AssetPresence indirect =
        model.assets().stream()
            .filter(a -> a.asset().name().equals("Indirect Customer Identifying Data"))
            .findFirst()
            .orElseThrow();
    assertThat(indirect.optionalFields()).containsExactly("PSU-IP-Address");
  }

  @Test
  void duplicatePaymentsBelongToAScenarioAndNotesAreCountedAsNotes()
      throws IOException, CheckException {
    ThreatModel model = model(ReportSpecs.PAYMENTS_SAME_SCOPES);
    assertThat(model.scenariosOf("idempotency-key-missing"))
        .extracting(ThreatCatalogue.Scenario::name)
        .containsExactly("Information leakage, integrity violation");
    // kept apart, not dropped: a rule that cites no scenario
    assertThat(model.outsideScenarios())
        .extracting(RuleFindings::ruleId)
        .containsExactly("response-500-missing");
    RuleFindings operationIds =
        model.rules().stream()
            .filter(r -> r.ruleId().equals("operation-id-invalid"))
            .findFirst()
            .orElseThrow();
    assertThat(operationIds.findings()).hasSize(2).allMatch(f -> f.level() == Level.NOTE);
    // a scenario with nothing but these notes is not red
    assertThat(model.scenarios())
        .filteredOn(s -> s.hasFindings() && s.highestLevel() == Level.NOTE)
        .allMatch(s -> s.status() == ScenarioAssessment.Status.NOTES);
  }

  @Test
  void statusesNeverContradictTheFindingsOfTheSameRun() throws IOException, CheckException {
    for (String spec :
        List.of(
            ReportSpecs.CUSTOMERS_UNSECURED,
            ReportSpecs.PAYMENTS_SAME_SCOPES,
            ReportSpecs.WEALTH_OPEN,
            ReportSpecs.CARDS_LEGACY)) {
      ThreatModel model = model(spec);
      for (ScenarioAssessment scenario : model.scenarios()) {
        assertThat(scenario.status() == ScenarioAssessment.Status.MITIGATED)
            .as("%s: %s mitigated without positive evidence", spec, scenario.scenario().name())
            .isEqualTo(
                scenario.status() == ScenarioAssessment.Status.MITIGATED
                    && scenario.evidence().stream().anyMatch(e -> e.complete() && !e.supporting()));
        assertThat(scenario.hasFindings())
            .as("%s: %s has findings but a status without", spec, scenario.scenario().name())
            .isEqualTo(
                scenario.status() == ScenarioAssessment.Status.FINDINGS
                    || scenario.status() == ScenarioAssessment.Status.NOTES);
      }
      // the TPP is never likely in a scenario while the agents table finds it not indicated
      AgentAssessment tpp =
          model.agents().stream()
              .filter(a -> a.agent().name().equals("Third Party Provider (TPP)"))
              .findFirst()
              .orElseThrow();
      for (ScenarioAssessment scenario : model.scenarios()) {
        assertThat(scenario.agents())
            .filteredOn(a -> a.agent().equals(tpp.agent()))
            .allMatch(a -> a.relevance() == tpp.relevance());
      }
    }
  }

  @Test
  void theRulesTheCatalogueNamesAsContradictingExist() {
    List<String> ids = BuiltInRules.all().stream().map(r -> r.id()).toList();
    for (ThreatCatalogue.MitigationKind kind : CATALOGUE.mitigations()) {
      assertThat(ids).as(kind.id()).containsAll(kind.contradictedBy());
      assertThat(ids).as(kind.id()).containsAll(kind.contradictedAnywhereBy());
    }
  }
}
