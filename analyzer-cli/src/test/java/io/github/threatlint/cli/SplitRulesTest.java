package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One document checked by all the built-in rules split into groups, each walked on a thread of its
 * own (a run with more threads than documents), gives exactly what one walk of all the rules gives:
 * the same findings, evidence, tool errors and threat-model facts, in the same order.
 */
class SplitRulesTest {
  private static final Path SAMPLES = Path.of("..", "sample-specs");

  /** What the check told of the document, and its result. */
  private record Outcome(CheckResult check, List<Analyzer.DocumentAnalysis> documents) {}

  private static Outcome check(Path spec, int threads) throws CheckException {
    List<Analyzer.DocumentAnalysis> documents = new ArrayList<>();
    CheckResult check =
        Check.run(
            CheckRequest.builder(spec.getParent(), BuiltInRules.all())
                .files(List.of(spec))
                .profile(Profile.STRICT)
                .threads(threads)
                .build(),
            new CheckListener() {
              @Override
              public void document(int index, Analyzer.DocumentAnalysis analysis) {
                documents.add(analysis);
              }

              @Override
              public boolean followsFiles() {
                return true;
              }

              @Override
              public boolean wantsFacts() {
                return true;
              }

              @Override
              public boolean wantsEvidence() {
                return true;
              }
            });
    return new Outcome(check, documents);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wealth/wealth-api.yaml",
        "payment-initiation-swagger2/payment-initiation-api.json",
        "account-information-multifile/openapi.yaml",
        "corporate-events-oas31/corporate-events-api.yaml"
      })
  void rulesSplitOverThreadsGiveWhatOneWalkGives(String sample) throws CheckException {
    Path spec = SAMPLES.resolve(sample);
    Outcome oneWalk = check(spec, 1);
    // four threads for one document: the rules are dealt to four groups
    Outcome split = check(spec, 4);

    assertThat(oneWalk.check().result().findings()).isNotEmpty();
    assertThat(split.check().result().findings())
        .containsExactlyElementsOf(oneWalk.check().result().findings());
    assertThat(split.check().result().evidence())
        .isNotEmpty()
        .containsExactlyElementsOf(oneWalk.check().result().evidence());
    assertThat(split.check().result().errors())
        .containsExactlyElementsOf(oneWalk.check().result().errors());
    assertThat(split.documents()).hasSize(1);
    Analyzer.DocumentAnalysis one = oneWalk.documents().get(0);
    Analyzer.DocumentAnalysis groups = split.documents().get(0);
    assertThat(groups.findings()).containsExactlyElementsOf(one.findings());
    assertThat(groups.evidence()).containsExactlyElementsOf(one.evidence());
    assertThat(groups.errors()).containsExactlyElementsOf(one.errors());
    assertThat(groups.facts()).isNotNull().isEqualTo(one.facts());
  }
}
