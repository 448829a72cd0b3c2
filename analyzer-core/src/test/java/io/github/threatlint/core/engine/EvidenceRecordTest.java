package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.check.CheckResult;
import java.nio.file.Path;
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

  @TempDir Path folder;

  @Test
  void aSchemaReachedThroughAYamlAliasIsOnePlace() throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
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
        """);

    CheckResult check =
        WalkRecorder.check(folder, List.of(new RuleDescriptor(RecordsSchemas.class)), "api.yaml");

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
}
