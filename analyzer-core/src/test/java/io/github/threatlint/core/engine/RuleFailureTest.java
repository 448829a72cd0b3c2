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
 * A rule that throws becomes a tool error naming it and where it stopped; the other rules go on.
 */
class RuleFailureTest {
  /** Throws at the first path item it is given; reports every object before that. */
  @RuleInfo(
      id = "test-throws",
      title = "Throws",
      description = "Fails at a path item.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Throws implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.PATH_ITEM) {
        throw new IllegalStateException("cannot judge " + node.pointer());
      }
      context.report(node, "before " + kind);
    }
  }

  @TempDir Path folder;

  @Test
  void theFailingRuleIsNamedWithThePointerAndStopsForTheDocumentWhileTheOthersGoOn()
      throws Exception {
    WalkRecorder.write(
        folder,
        "api.yaml",
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
    List<RuleDescriptor> catalog =
        List.of(new RuleDescriptor(Throws.class), new RuleDescriptor(WalkRecorder.class));

    CheckResult check = WalkRecorder.check(folder, catalog, "api.yaml");

    assertThat(check.result().errors())
        .containsExactly(
            new ToolError(
                "api.yaml",
                0,
                0,
                "test-throws",
                "/paths/~1a",
                "IllegalStateException: cannot judge /paths/~1a"));
    // called no more after it failed: its findings stop at the first path item
    assertThat(check.result().findings())
        .filteredOn(f -> f.ruleId().equals("test-throws"))
        .extracting(Finding::message)
        .containsExactlyInAnyOrder("before DOCUMENT", "before INFO");
    assertThat(WalkRecorder.calls(check.result().findings()))
        .contains(
            "node PATH_ITEM api.yaml#/paths/~1b",
            "operation GET /a api.yaml#/paths/~1a/get",
            "end api.yaml#");
  }
}
