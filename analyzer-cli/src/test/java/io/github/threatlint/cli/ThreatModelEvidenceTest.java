package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.threatmodel.Evidence;
import io.github.threatlint.core.threatmodel.Place;
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
    assertThat(evidence.get("https-transport").complete()).isTrue();
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
}
