package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mitigation evidence rules record reaches the check's result once per place of the source
 * text, as findings do.
 */
class EvidenceRecordTest {
  /** Records every schema as lacking input validation, and reports it. */
  @RuleInfo(
      id = "test-schemas",
      title = "Schemas",
      description = "Records each schema.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "data")
  public static final class RecordsSchemas implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.SCHEMA) {
        context.unmitigated(node, "input-validation", node.pointer());
        context.report(node, "a schema");
      }
    }
  }

  /** Records a mitigation its @RuleInfo does not list. */
  @RuleInfo(
      id = "test-undeclared",
      title = "Undeclared",
      description = "Records what it does not declare.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "data")
  public static final class RecordsUndeclared implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.SCHEMA) {
        context.mitigated(node, "rate-limiting", node.pointer());
      }
    }
  }

  /**
   * How many descriptions {@link RecordsLazily} and {@link RecordsUnmitigatedLazily} were asked
   * for.
   */
  private static final java.util.concurrent.atomic.AtomicInteger DESCRIBED =
      new java.util.concurrent.atomic.AtomicInteger();

  /** Records every schema as validated, its description made only when asked. */
  @RuleInfo(
      id = "test-lazy",
      title = "Lazy",
      description = "Records each schema, described on demand.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "data")
  public static final class RecordsLazily implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.SCHEMA) {
        context.mitigated(
            node,
            "input-validation",
            node,
            schema -> {
              DESCRIBED.incrementAndGet();
              return "validated " + schema.pointer();
            });
      }
    }
  }

  /** Records every schema as not validated, its description made only when asked. */
  @RuleInfo(
      id = "test-lazy-unmitigated",
      title = "Lazy, unmitigated",
      description = "Records each schema as lacking validation, described on demand.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "data")
  public static final class RecordsUnmitigatedLazily implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.SCHEMA) {
        context.unmitigated(
            node,
            "input-validation",
            node,
            schema -> {
              DESCRIBED.incrementAndGet();
              return "unvalidated " + schema.pointer();
            });
      }
    }
  }

  /** Records every schema as validated through the Supplier form that plugins may use. */
  @RuleInfo(
      id = "test-lazy-supplier",
      title = "Lazy, by a supplier",
      description = "Records each schema, described on demand by a supplier.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      mitigations = {"input-validation"},
      securitySeverity = 1.0,
      section = "data")
  public static final class RecordsBySupplier implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.SCHEMA) {
        context.mitigated(
            node,
            "input-validation",
            () -> {
              DESCRIBED.incrementAndGet();
              return "validated " + node.pointer();
            });
      }
    }
  }

  /** What the threat-model report asks of a check. */
  private static final CheckListener WANTS_EVIDENCE =
      new CheckListener() {
        @Override
        public boolean wantsEvidence() {
          return true;
        }
      };

  private static final String ALIASED_BODY =
      """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /a:
          post:
            requestBody:
              content: &body
                application/json:
                  schema: {type: string}
            responses:
              '200':
                description: ok
                content: *body
      """;

  @TempDir Path folder;

  @Test
  void aSchemaReachedThroughAYamlAliasIsOnePlace() throws Exception {
    WalkRecorder.write(folder, "api.yaml", ALIASED_BODY);

    CheckResult check =
        WalkRecorder.check(
            folder, List.of(new RuleDescriptor(RecordsSchemas.class)), WANTS_EVIDENCE, "api.yaml");

    assertThat(check.result().findings()).hasSize(1);
    assertThat(check.result().evidence())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.id()).isEqualTo("input-validation");
              assertThat(record.shown()).isFalse();
              assertThat(record.ruleId()).isEqualTo("test-schemas");
              assertThat(record.pointer())
                  .isEqualTo("/paths/~1a/post/requestBody/content/application~1json/schema");
            });
  }

  @Test
  void aCheckThatDoesNotAskForEvidenceKeepsNoneAndTheSameFindings() throws Exception {
    WalkRecorder.write(folder, "api.yaml", ALIASED_BODY);
    List<RuleDescriptor> catalog = List.of(new RuleDescriptor(RecordsSchemas.class));
    List<List<Mitigation>> documentEvidence = new ArrayList<>();

    CheckResult check =
        WalkRecorder.check(
            folder,
            catalog,
            new CheckListener() {
              @Override
              public void document(int index, Analyzer.DocumentAnalysis analysis) {
                documentEvidence.add(analysis.evidence());
              }
            },
            "api.yaml");

    assertThat(check.result().evidence()).isEmpty();
    assertThat(documentEvidence).containsExactly(List.of());
    assertThat(check.result().findings())
        .isEqualTo(
            WalkRecorder.check(folder, catalog, WANTS_EVIDENCE, "api.yaml").result().findings());
  }

  @Test
  void evidenceARuleDoesNotDeclareFailsItEvenWhenNoneIsKept() throws Exception {
    WalkRecorder.write(folder, "api.yaml", ALIASED_BODY);

    CheckResult check =
        WalkRecorder.check(
            folder, List.of(new RuleDescriptor(RecordsUndeclared.class)), "api.yaml");

    assertThat(check.result().errors())
        .singleElement()
        .satisfies(
            error -> {
              assertThat(error.ruleId()).isEqualTo("test-undeclared");
              assertThat(error.message())
                  .contains("which its @RuleInfo(mitigations) does not list");
            });
  }

  @Test
  void aDescriptionGivenOnDemandIsMadeOnlyWhenEvidenceIsKept() throws Exception {
    WalkRecorder.write(folder, "api.yaml", ALIASED_BODY);
    List<RuleDescriptor> catalog =
        List.of(
            new RuleDescriptor(RecordsLazily.class),
            new RuleDescriptor(RecordsUnmitigatedLazily.class));
    DESCRIBED.set(0);

    CheckResult without = WalkRecorder.check(folder, catalog, "api.yaml");

    assertThat(without.result().evidence()).isEmpty();
    assertThat(without.result().errors()).isEmpty();
    assertThat(DESCRIBED).hasValue(0);

    CheckResult with = WalkRecorder.check(folder, catalog, WANTS_EVIDENCE, "api.yaml");

    assertThat(DESCRIBED.get()).isPositive();
    String schema = "/paths/~1a/post/requestBody/content/application~1json/schema";
    assertThat(with.result().evidence())
        .extracting(record -> record.shown(), record -> record.description())
        .containsExactlyInAnyOrder(
            tuple(true, "validated " + schema), tuple(false, "unvalidated " + schema));
  }

  @Test
  void aDescriptionGivenByASupplierIsAlsoMadeOnlyWhenEvidenceIsKept() throws Exception {
    WalkRecorder.write(folder, "api.yaml", ALIASED_BODY);
    List<RuleDescriptor> catalog = List.of(new RuleDescriptor(RecordsBySupplier.class));
    DESCRIBED.set(0);

    WalkRecorder.check(folder, catalog, "api.yaml");

    assertThat(DESCRIBED).hasValue(0);

    CheckResult with = WalkRecorder.check(folder, catalog, WANTS_EVIDENCE, "api.yaml");

    assertThat(DESCRIBED.get()).isPositive();
    assertThat(with.result().evidence())
        .extracting(record -> record.description())
        .containsExactly("validated /paths/~1a/post/requestBody/content/application~1json/schema");
  }
}
