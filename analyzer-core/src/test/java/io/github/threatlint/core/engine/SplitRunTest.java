package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.source.SourceReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of one document split into groups, each walked on a thread of its own, give what one
 * walk of all of them gives, in its order: the tool errors and the records of evidence that the
 * rules of different groups make are put in the order one walk makes them, not group after group.
 */
class SplitRunTest {
  /** Fails at the path item {@code /b}. */
  @RuleInfo(
      id = "test-fails-late",
      title = "Fails late",
      description = "Fails at /b.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class FailsLate implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.PATH_ITEM && node.pointer().equals("/paths/~1b")) {
        throw new IllegalStateException("late");
      }
    }
  }

  /** Records the document as lacking input validation first, then fails at the path item /a. */
  @RuleInfo(
      id = "test-fails-early",
      title = "Fails early",
      description = "Records the document, fails at /a.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "doc")
  public static final class FailsEarly implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.DOCUMENT) {
        context.unmitigated(node, "input-validation", "the document");
      }
      if (kind == NodeKind.PATH_ITEM) {
        throw new IllegalStateException("early");
      }
    }
  }

  /**
   * Records the document as showing input validation when the walk ends: the same place, mitigation
   * and words as {@link FailsEarly}'s record, which the evidence order does not tell apart.
   * Declared costly, to be dealt first.
   */
  @RuleInfo(
      id = "test-records-at-end",
      title = "Records at the end",
      description = "Records the document at the end.",
      level = Level.WARNING,
      cost = RuleInfo.Cost.HIGH,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "doc")
  public static final class RecordsAtEnd implements Checks.DocumentEndCheck {
    @Override
    public void finishDocument(ApiDocument document, RuleContext context) {
      context.mitigated(document.root(), "input-validation", "the document");
      context.report(document.root(), "the end");
    }
  }

  private static final List<EnabledRule> RULES =
      List.of(
          rule(FailsLate.class),
          rule(FailsEarly.class),
          rule(WalkRecorder.class),
          rule(RecordsAtEnd.class));

  private static EnabledRule rule(Class<? extends Rule> type) {
    return new EnabledRule(new RuleDescriptor(type), Level.WARNING, Map.of());
  }

  @TempDir Path folder;

  private AnalysisResult analyze(int threads) throws Exception {
    Path spec = folder.resolve("api.yaml");
    Files.writeString(
        spec,
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              responses:
                '200': {description: ok}
          /b: {}
        """);
    return new Analyzer(RULES, SourceReader.DEFAULT_MAX_BYTES, threads, file -> ExternalFiles.NONE)
        .withEvidence()
        .analyze(List.of(new Analyzer.Input(spec, "api.yaml")));
  }

  @Test
  void theRulesAreDealtSoThatEachGroupHasRulesThatActEarlyAndLate() {
    // the costly rule first, then the others in the run's order, back and forth
    assertThat(RuleGroups.deal(RULES, 2))
        .containsExactly(List.of(RULES.get(2), RULES.get(3)), List.of(RULES.get(0), RULES.get(1)));
    assertThat(RuleGroups.count(2, 1)).isEqualTo(2);
    assertThat(RuleGroups.count(2, 2)).isEqualTo(1);
  }

  @Test
  void theRulesThatRunAreDealtAndThoseReplayedGoWhereTheFewestCallsAreReplayed() {
    RuleCalls.Call call =
        new RuleCalls.Call(RuleCalls.Kind.REPORT, "", false, "m", null, null, List.of());
    RuleCalls kept =
        new RuleCalls(
            Map.of(RULES.get(0), List.of(call), RULES.get(2), List.of(call, call)), Map.of(), null);
    // live: test-records-at-end, then test-fails-early; replayed: the rule of two calls, then the
    // rule of one
    assertThat(RuleGroups.deal(RULES, 2, kept))
        .containsExactly(List.of(RULES.get(2), RULES.get(3)), List.of(RULES.get(0), RULES.get(1)));
    assertThat(RuleGroups.deal(RULES, 2, null)).isEqualTo(RuleGroups.deal(RULES, 2));
    // with every rule replayed, the groups are still two
    RuleCalls all =
        new RuleCalls(
            Map.of(
                RULES.get(0), List.of(call),
                RULES.get(1), List.of(call),
                RULES.get(2), List.of(call, call),
                RULES.get(3), List.of()),
            Map.of(),
            null);
    assertThat(RuleGroups.deal(RULES, 2, all))
        .containsExactly(List.of(RULES.get(2), RULES.get(3)), List.of(RULES.get(0), RULES.get(1)));
  }

  @Test
  void errorsAndEvidenceOfRulesInDifferentGroupsComeInTheOrderOfOneWalk() throws Exception {
    AnalysisResult oneWalk = analyze(1);
    AnalysisResult twoGroups = analyze(2);

    // the group of the rule that fails late is walked first; its error still comes second
    assertThat(twoGroups.errors())
        .extracting(ToolError::ruleId, ToolError::pointer)
        .containsExactly(
            tuple("test-fails-early", "/paths/~1a"), tuple("test-fails-late", "/paths/~1b"));
    assertThat(twoGroups.errors()).containsExactlyElementsOf(oneWalk.errors());
    // two records the order does not tell apart: the one made first in the walk comes first
    assertThat(twoGroups.evidence())
        .extracting(Mitigation::ruleId)
        .containsExactly("test-fails-early", "test-records-at-end");
    assertThat(twoGroups.evidence()).containsExactlyElementsOf(oneWalk.evidence());
    assertThat(twoGroups.findings()).isNotEmpty().containsExactlyElementsOf(oneWalk.findings());
  }
}
