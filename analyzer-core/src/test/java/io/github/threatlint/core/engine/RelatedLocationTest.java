package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.check.CheckResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other places a rule names with a finding reach the finding, located in their own file. */
class RelatedLocationTest {
  /** Reports the second operation and names the first as related. */
  @RuleInfo(
      id = "test-second",
      title = "Second",
      description = "Reports every operation after the first.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class ReportsSecond implements Checks.OperationCheck {
    private Operation first;

    @Override
    public void checkOperation(Operation operation, RuleContext context) {
      if (first == null) {
        first = operation;
        return;
      }
      context.report(operation.node(), "the second", RelatedLocation.of(first.node(), "the first"));
    }
  }

  @TempDir Path folder;

  @Test
  void aFindingCarriesTheRelatedPlaceWithItsFileAndRegion() throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              responses: {'200': {description: ok}}
          /b:
            $ref: 'b.yaml'
        """);
    WalkRecorder.write(
        folder,
        "b.yaml",
        """
        get:
          responses: {'200': {description: ok}}
        """);

    CheckResult check =
        WalkRecorder.check(folder, List.of(new RuleDescriptor(ReportsSecond.class)), "api.yaml");

    assertThat(check.result().findings())
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.file()).isEqualTo("b.yaml");
              assertThat(finding.message()).isEqualTo("the second");
              assertThat(finding.related())
                  .singleElement()
                  .satisfies(
                      related -> {
                        assertThat(related.label()).isEqualTo("the first");
                        assertThat(related.file()).isEqualTo("api.yaml");
                        assertThat(related.pointer()).isEqualTo("/paths/~1a/get");
                        assertThat(related.region().startLine()).isEqualTo(5);
                      });
            });
  }
}
