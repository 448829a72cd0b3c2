package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitHubReporterTest {
  static List<String> lines(AnalysisResult result) throws IOException {
    StringWriter out = new StringWriter();
    new GitHubReporter().write(result, new ReportContext("1.2.3", Path.of("."), false, null), out);
    return out.toString().lines().toList();
  }

  @Test
  void activeFindingsBecomeAnnotationsWithTheirLevelAndPosition() throws IOException {
    List<String> lines = lines(TestRules.sample());
    assertThat(lines)
        .containsExactly(
            "::warning file=specs/api.yaml,line=12,col=5,endLine=12,endColumn=11,title=Alpha problem (test-alpha)::GET /accounts is open.",
            "::error file=specs/api.yaml,line=40,col=5,endLine=40,endColumn=11,title=Beta problem (test-beta)::The list has no maxItems.",
            TextReporter.summary(TestRules.sample()));
  }

  @Test
  void notesAreNoticesAndMultiLineRegionsHaveNoColumns() throws IOException {
    Finding note =
        new Finding("test-gamma", Level.NOTE, "m", "a.yaml", "/info", new Region(3, 1, 9, 4), null);
    assertThat(lines(TestRules.with(List.of(note), List.of(), List.of("a.yaml"))).get(0))
        .isEqualTo("::notice file=a.yaml,line=3,endLine=9,title=Gamma problem (test-gamma)::m");
  }

  @Test
  void dataAndPropertiesAreEscapedAsTheRunnerReadsThem() throws IOException {
    Finding tricky =
        new Finding(
            "test-alpha",
            Level.WARNING,
            "100% sure:\r\nline two, done",
            "dir,a:b/x%.yaml",
            "/x",
            new Region(1, 1, 1, 2),
            null);
    String line =
        lines(TestRules.with(List.of(tricky), List.of(), List.of("dir,a:b/x%.yaml"))).get(0);
    assertThat(line)
        .isEqualTo(
            "::warning file=dir%2Ca%3Ab/x%25.yaml,line=1,col=1,endLine=1,endColumn=1,title=Alpha problem (test-alpha)"
                + "::100%25 sure:%0D%0Aline two, done");
    assertThat(GitHubReporter.property("a,b:c%d\ne")).isEqualTo("a%2Cb%3Ac%25d%0Ae");
    assertThat(GitHubReporter.data("a,b:c%d\re")).isEqualTo("a,b:c%25d%0De");
  }

  @Test
  void toolErrorsAreErrorAnnotations() throws IOException {
    ToolError error =
        new ToolError("broken.yaml", 4, 7, null, null, "mapping values are not allowed here");
    assertThat(lines(TestRules.with(List.of(), List.of(error), List.of("broken.yaml"))).get(0))
        .isEqualTo(
            "::error file=broken.yaml,line=4,col=7,title=threatlint error::broken.yaml:4:7: error: mapping values are not allowed here");
  }
}
