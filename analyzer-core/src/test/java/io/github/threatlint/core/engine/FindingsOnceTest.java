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

/** A finding a document's rules report twice is reported once, in one document and in several. */
class FindingsOnceTest {
  /** Reports each operation twice, and the document once. */
  @RuleInfo(
      id = "test-twice",
      title = "Twice",
      description = "Reports each operation twice.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Twice implements Checks.NodeCheck {
    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      if (kind == NodeKind.OPERATION) {
        context.report(node, "operation");
        context.report(node, "operation");
      } else if (kind == NodeKind.DOCUMENT) {
        context.report(node, "document");
      }
    }
  }

  @TempDir Path folder;

  @Test
  void eachFindingOnce() throws Exception {
    String api =
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              responses:
                '200': {description: ok}
            put:
              responses:
                '200': {description: ok}
        """;
    WalkRecorder.write(folder, "one.yaml", api);
    WalkRecorder.write(folder, "two.yaml", api);
    List<RuleDescriptor> catalog = List.of(new RuleDescriptor(Twice.class));

    CheckResult check = WalkRecorder.check(folder, catalog, "one.yaml", "two.yaml");

    assertThat(check.result().findings())
        .extracting(finding -> finding.file() + " " + finding.pointer() + " " + finding.message())
        .containsExactly(
            "one.yaml  document",
            "one.yaml /paths/~1a/get operation",
            "one.yaml /paths/~1a/put operation",
            "two.yaml  document",
            "two.yaml /paths/~1a/get operation",
            "two.yaml /paths/~1a/put operation");
  }
}
