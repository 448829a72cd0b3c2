package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The places a finding refers to are shown with it by every reporter and the build log line. */
class RelatedLocationReportTest {
  private static final ReportContext CONTEXT =
      new ReportContext("1.2.3", Path.of("/work/repo"), false, null);

  private static AnalysisResult result() {
    Finding base =
        TestRules.finding(
            "test-alpha", Level.WARNING, "specs/api.yaml", "/paths/~1b/get/operationId", 20, "dup");
    Finding finding =
        new Finding(
            base.ruleId(),
            base.level(),
            base.message(),
            base.file(),
            base.pointer(),
            base.region(),
            null,
            List.of(),
            List.of(
                new Finding.Related(
                    "first used by GET /a|<b>%",
                    "specs/api.yaml", "/paths/~1a/get/operationId", new Region(8, 7, 8, 21))));
    return TestRules.with(List.of(finding), List.of(), List.of("specs/api.yaml"));
  }

  private static String write(Reporter reporter) throws IOException {
    StringWriter out = new StringWriter();
    reporter.write(result(), CONTEXT, out);
    return out.toString();
  }

  @Test
  void theTextReporterShowsEachPlaceOnAnIndentedLineAfterTheFinding() throws IOException {
    assertThat(write(new TextReporter()))
        .startsWith(
            "specs/api.yaml:20:5: warning [test-alpha] dup\n"
                + "    also at specs/api.yaml:8:7: first used by GET /a|<b>%\n");
  }

  @Test
  void theJsonReporterListsThePlacesUnderRelated() throws IOException {
    JsonNode finding =
        new ObjectMapper().readTree(write(new JsonReporter())).path("findings").get(0);
    JsonNode related = finding.path("related").get(0);
    assertThat(related.path("message").asText()).isEqualTo("first used by GET /a|<b>%");
    assertThat(related.path("pointer").asText()).isEqualTo("/paths/~1a/get/operationId");
    assertThat(related.path("line").asInt()).isEqualTo(8);
    assertThat(related.path("column").asInt()).isEqualTo(7);
  }

  @Test
  void theSarifReporterListsThePlacesAsRelatedLocations() throws IOException {
    JsonNode sarif = SarifValidation.assertValid(write(new SarifReporter()));
    JsonNode related = sarif.path("runs").get(0).path("results").get(0).path("relatedLocations");
    assertThat(related).hasSize(1);
    assertThat(related.get(0).path("id").asInt()).isEqualTo(1);
    assertThat(related.get(0).path("message").path("text").asText())
        .isEqualTo("first used by GET /a|<b>%");
    assertThat(related.get(0).path("physicalLocation").path("region").path("startLine").asInt())
        .isEqualTo(8);
  }

  @Test
  void theMarkdownReporterNamesThePlacesInTheMessageCellEscaped() throws IOException {
    assertThat(write(new MarkdownReporter()))
        .contains("| dup (also at specs/api.yaml:8:7: first used by GET /a\\|&lt;b&gt;%) |");
  }

  @Test
  void theGitHubReporterNamesThePlacesOnLinesOfTheAnnotationsMessage() throws IOException {
    assertThat(write(new GitHubReporter()))
        .contains("::dup%0Aalso at specs/api.yaml:8:7: first used by GET /a|<b>%25\n");
  }

  @Test
  void theJUnitReporterListsThePlacesUnderTheFindingInTheFailure() throws IOException {
    assertThat(write(new JUnitReporter()))
        .contains(
            "specs/api.yaml:20:5: warning dup (/paths/~1b/get/operationId)\n"
                + "    also at specs/api.yaml:8:7: first used by GET /a|&lt;b&gt;%\n");
  }

  @Test
  void theBuildLogLineNamesThePlacesAfterTheMessage() {
    assertThat(TextReporter.logLine(result().findings().get(0)))
        .isEqualTo(
            "specs/api.yaml:20:5: [test-alpha] dup"
                + " (also at specs/api.yaml:8:7: first used by GET /a|<b>%)");
  }
}
