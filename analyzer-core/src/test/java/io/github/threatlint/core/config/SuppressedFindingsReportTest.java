package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.report.JsonReporter;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporter;
import io.github.threatlint.core.report.SarifReporter;
import io.github.threatlint.core.report.TextReporter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Suppressed findings are kept and marked in JSON and SARIF, and hidden in text unless asked for.
 */
class SuppressedFindingsReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ReportContext context =
      new ReportContext("1.0.0", Path.of("/work/project"), false, null);
  private TestProject project;
  private AnalysisResult result;

  @BeforeEach
  void analyze() throws Exception {
    project = new TestProject();
    project.write(
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              x-threatlint-ignore: {test-flagged: Public by design.}
              x-flag: in source
              responses: {'200': {description: ok}}
          /b:
            get:
              x-flag: by configuration
              responses: {'200': {description: ok}}
          /c:
            get:
              x-flag: active
              responses: {'200': {description: ok}}
        """);
    Configuration configuration =
        new ConfigurationLoader(TestRules.CATALOG)
            .load(
                project.write(
                    ".threatlint.yaml",
                    """
        ignore:
          - {file: api.yaml, rule: test-flagged, pointer: /paths/~1b/**, reason: Accepted until v2.}
        """),
                ".threatlint.yaml");
    List<EnabledRule> rules =
        List.of(
            new EnabledRule(new RuleDescriptor(TestRules.Flagged.class), Level.ERROR, Map.of()));
    result = Suppressions.apply(project.analyze(rules, "api.yaml"), configuration, project.root);
  }

  @AfterEach
  void close() throws Exception {
    project.close();
  }

  private String render(Reporter reporter) throws Exception {
    StringWriter out = new StringWriter();
    reporter.write(result, context, out);
    return out.toString();
  }

  @Test
  void jsonKeepsEveryFindingAndMarksTheSuppressedOnes() throws Exception {
    JsonNode json = JSON.readTree(render(new JsonReporter()));
    JsonNode findings = json.get("findings");
    assertThat(findings).hasSize(3);
    assertThat(findings.get(0).get("suppressed"))
        .isEqualTo(JSON.readTree("{\"kind\":\"inSource\",\"reason\":\"Public by design.\"}"));
    assertThat(findings.get(1).get("suppressed"))
        .isEqualTo(JSON.readTree("{\"kind\":\"external\",\"reason\":\"Accepted until v2.\"}"));
    assertThat(findings.get(2).has("suppressed")).isFalse();
    assertThat(json.at("/summary/findings").asInt()).isEqualTo(1);
    assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(2);
  }

  @Test
  void sarifKeepsEveryResultWithItsSuppressionKind() throws Exception {
    JsonNode results = JSON.readTree(render(new SarifReporter())).at("/runs/0/results");
    assertThat(results).hasSize(3);
    assertThat(results.get(0).get("suppressions"))
        .isEqualTo(
            JSON.readTree(
                "[{\"kind\":\"inSource\",\"status\":\"accepted\",\"justification\":\"Public by design.\"}]"));
    assertThat(results.get(1).get("suppressions"))
        .isEqualTo(
            JSON.readTree(
                "[{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":\"Accepted until v2.\"}]"));
    assertThat(results.get(2).has("suppressions")).isFalse();
  }

  @Test
  void textHidesSuppressedFindingsUnlessAskedToShowThem() throws Exception {
    assertThat(render(new TextReporter()))
        .isEqualTo(
            """
        api.yaml:14:5: error [test-flagged] flagged: active
        1 finding (1 error, 0 warnings, 0 notes) in 1 file; 2 suppressed.
        """);
    assertThat(render(new TextReporter(true)))
        .isEqualTo(
            """
        api.yaml:5:5: error [test-flagged] flagged: in source (suppressed: Public by design.)
        api.yaml:10:5: error [test-flagged] flagged: by configuration (suppressed: Accepted until v2.)
        api.yaml:14:5: error [test-flagged] flagged: active
        1 finding (1 error, 0 warnings, 0 notes) in 1 file; 2 suppressed.
        """);
    assertThat(result.count(Level.NOTE)).isEqualTo(1);
  }
}
