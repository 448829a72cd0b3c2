package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.SarifReporter;
import io.github.threatlint.core.report.SarifValidation;
import io.github.threatlint.rules.BuiltInRules;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins one complete SARIF document: the two authentication rules over the test specifications (OAS
 * 3.0 YAML without any security scheme, Swagger 2.0 JSON with an anonymous alternative and an empty
 * {@code security}), with a category and one finding accepted as a baseline would accept it. The
 * absolute {@code %SRCROOT%} is replaced by {@code file:///SRCROOT/}. When the output changes on
 * purpose, rewrite the file with {@code -Dthreatlint.updateGolden=true} and review the diff.
 */
class SarifGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/sarif/auth-rules.sarif");
  static final String SOURCE_ROOT_PLACEHOLDER = "file:///SRCROOT/";

  @Test
  void theSarifDocumentIsExactlyTheGoldenOne() throws Exception {
    List<EnabledRule> rules = new ArrayList<>();
    for (String id : List.of("security-schemes-missing", "operation-security-missing")) {
      RuleDescriptor rule = BuiltInRules.byId(id);
      rules.add(
          new EnabledRule(rule, Profile.RECOMMENDED.levelOf(rule.info()), java.util.Map.of()));
    }
    Analyzer analyzer = new Analyzer(rules, 1 << 20, 1, file -> ExternalFiles.NONE);
    AnalysisResult analysed =
        analyzer.analyze(
            List.of(
                new Analyzer.Input(Path.of(OutputFormatsTest.PAYMENTS), OutputFormatsTest.PAYMENTS),
                new Analyzer.Input(
                    Path.of(OutputFormatsTest.ACCOUNTS), OutputFormatsTest.ACCOUNTS)));
    assertThat(analysed.errors()).isEmpty();
    List<Finding> findings = new ArrayList<>();
    for (Finding finding : analysed.findings()) {
      findings.add(
          finding.pointer().equals("/paths/~1status/get")
              ? finding.withSuppression(
                  new Finding.Suppression(
                      Finding.Suppression.EXTERNAL,
                      "accepted in the baseline: a public health check"))
              : finding);
    }
    AnalysisResult result = analysed.withFindings(findings);

    Path sourceRoot = Path.of("").toAbsolutePath();
    StringWriter out = new StringWriter();
    new SarifReporter()
        .write(result, new ReportContext("1.0.0", sourceRoot, false, "openapi/auth"), out);
    String rootUri = sourceRoot.toUri().toString();
    rootUri = rootUri.endsWith("/") ? rootUri : rootUri + "/";
    assertThat(out.toString()).contains("\"" + rootUri + "\"");
    String sarif =
        out.toString().replace("\"" + rootUri + "\"", "\"" + SOURCE_ROOT_PLACEHOLDER + "\"");
    SarifValidation.assertValid(sarif);

    if (Boolean.getBoolean("threatlint.updateGolden")) {
      Files.writeString(GOLDEN, sarif, StandardCharsets.UTF_8);
    }
    assertThat(sarif)
        .as(
            "SARIF differs from %s; if the change is intended, rerun with -Dthreatlint.updateGolden=true",
            GOLDEN)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
