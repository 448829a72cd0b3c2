package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReporterTest {
  static String markdown(AnalysisResult result) throws IOException {
    return markdown(result, DocsUrl.DEFAULT);
  }

  static String markdown(AnalysisResult result, DocsUrl docsUrl) throws IOException {
    StringWriter out = new StringWriter();
    new MarkdownReporter()
        .write(result, new ReportContext("1.2.3", Path.of("."), false, null, docsUrl), out);
    return out.toString();
  }

  @Test
  void aSummaryATableOfRulesAndTheFindingsMostSevereFirst() throws IOException {
    assertThat(markdown(TestRules.sample()))
        .isEqualTo(
            """
        ### threatlint

        2 findings (1 error, 1 warning, 0 notes) in 2 files; 1 suppressed.

        | Rule | Level | Findings | OWASP API 2023 | SFTI |
        |---|---|---:|---|---|
        | [test-beta](%s) Beta problem | error | 1 | API4 | DS |
        | [test-alpha](%s) Alpha problem | warning | 1 | API2, API5 | AAA |

        | Level | Location | Rule | Message |
        |---|---|---|---|
        | error | specs/api.yaml:40:5 | test-beta | The list has no maxItems. |
        | warning | specs/api.yaml:12:5 | test-alpha | GET /accounts is open. |
        """
                .formatted(DocsUrl.DEFAULT.of("test-beta"), DocsUrl.DEFAULT.of("test-alpha")));
  }

  @Test
  void ruleLinksFollowTheConfiguredDocsUrl() throws IOException {
    assertThat(
            markdown(
                TestRules.sample(),
                new DocsUrl("https://wiki.bank.example/threatlint/{rule}.html")))
        .contains(
            "| [test-beta](https://wiki.bank.example/threatlint/test-beta.html) Beta problem |");
  }

  @Test
  void aCleanRunIsOneLine() throws IOException {
    assertThat(markdown(TestRules.with(List.of(), List.of(), List.of("a.yaml"))))
        .isEqualTo("### threatlint\n\nNo findings in 1 file.\n");
  }

  @Test
  void findingTextCannotBreakTheTableOrBecomeMarkup() throws IOException {
    Finding tricky =
        new Finding(
            "test-alpha",
            Level.WARNING,
            "a | b\n<img src=x> *bold* [link](y) `code`",
            "a.yaml",
            "/x",
            new Region(1, 1, 1, 2),
            null);
    String md = markdown(TestRules.with(List.of(tricky), List.of(), List.of("a.yaml")));
    assertThat(md).contains("| a \\| b &lt;img src=x&gt; \\*bold\\* \\[link\\](y) \\`code\\` |");
  }

  @Test
  void longListsAreCutAndToolErrorsListed() throws IOException {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= MarkdownReporter.MAX_ROWS + 3; i++) {
      findings.add(
          new Finding(
              "test-alpha",
              Level.WARNING,
              "finding " + i,
              "a.yaml",
              "/p" + i,
              new Region(i, 1, i, 2),
              null));
    }
    ToolError error = new ToolError("b.yaml", 1, 1, null, null, "cannot parse");
    String md = markdown(TestRules.with(findings, List.of(error), List.of("a.yaml", "b.yaml")));
    assertThat(md)
        .contains("| warning | a.yaml:100:1 | test-alpha |")
        .doesNotContain("a.yaml:101:1")
        .contains("… and 3 more findings, listed in the other report formats.")
        .endsWith("#### Errors\n\n- b.yaml:1:1: error: cannot parse\n");
  }
}
