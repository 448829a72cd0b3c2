package io.github.threatlint.core.report;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Mitigation;
import io.github.threatlint.core.engine.ToolError;
import java.util.List;
import java.util.Map;

/**
 * Rules and results for reporter tests: reporters only format, so the findings are made by hand.
 */
public final class TestRules {
  private TestRules() {}

  @RuleInfo(
      id = "test-alpha",
      title = "Alpha problem",
      description = "Flags alpha problems in the test documents, for reporter tests.",
      level = Level.WARNING,
      owasp2023 = {"API2", "API5"},
      owasp2019 = {"API2"},
      sftiAreas = {"AAA"},
      sftiScenarios = {"Unauthorized access to data"},
      securitySeverity = 7.5,
      precision = "high",
      section = "auth")
  public static final class Alpha implements Rule {
    @RuleOption(description = "Path globs that are exempt, such as /health.")
    public List<String> exempt = List.of("/health");
  }

  @RuleInfo(
      id = "test-beta",
      title = "Beta problem",
      description = "Flags beta problems in the test documents, for reporter tests.",
      level = Level.ERROR,
      owasp2023 = {"API4"},
      owasp2019 = {"API4"},
      sftiAreas = {"DS"},
      sftiScenarios = {"Exfiltrating large amount of data"},
      securitySeverity = 9.1,
      precision = "very-high",
      section = "data")
  public static final class Beta implements Rule {}

  @RuleInfo(
      id = "test-gamma",
      title = "Gamma problem",
      description = "Flags gamma problems in the test documents, for reporter tests.",
      level = Level.OFF,
      sftiLevel = Level.NOTE,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {"DOC"},
      sftiScenarios = {},
      securitySeverity = 2.0,
      precision = "medium",
      section = "doc")
  public static final class Gamma implements Rule {}

  public static final RuleDescriptor ALPHA = new RuleDescriptor(Alpha.class);
  public static final RuleDescriptor BETA = new RuleDescriptor(Beta.class);
  public static final RuleDescriptor GAMMA = new RuleDescriptor(Gamma.class);

  /**
   * The three rules enabled, deliberately not in id order: alpha as warning, beta as error, gamma
   * as note.
   */
  public static List<EnabledRule> enabled() {
    return List.of(
        new EnabledRule(GAMMA, Level.NOTE, Map.of()),
        new EnabledRule(BETA, Level.ERROR, Map.of()),
        new EnabledRule(ALPHA, Level.WARNING, Map.of()));
  }

  public static Finding finding(
      String ruleId, Level level, String file, String pointer, int line, String message) {
    return new Finding(ruleId, level, message, file, pointer, new Region(line, 5, line, 12), null);
  }

  /** Evidence a rule recorded: the mitigation {@code id} shown (or lacking) at a place. */
  public static Mitigation mitigation(
      String id, boolean shown, String file, String pointer, int line, String description) {
    return new Mitigation(
        id, shown, "test-alpha", description, file, pointer, new Region(line, 5, line, 12));
  }

  /** A run over two files: a warning, an error, a suppressed warning; no tool errors. */
  public static AnalysisResult sample() {
    List<Finding> findings =
        List.of(
            finding(
                "test-alpha",
                Level.WARNING,
                "specs/api.yaml",
                "/paths/~1accounts/get",
                12,
                "GET /accounts is open."),
            finding(
                "test-beta",
                Level.ERROR,
                "specs/api.yaml",
                "/components/schemas/List",
                40,
                "The list has no maxItems."),
            finding(
                    "test-alpha",
                    Level.WARNING,
                    "specs/other api.yaml",
                    "/paths/~1health/get",
                    7,
                    "GET /health is open.")
                .withSuppression(
                    new Finding.Suppression(Finding.Suppression.IN_SOURCE, "x-threatlint-ignore")));
    return new AnalysisResult(
        findings,
        List.of(),
        List.of("specs/api.yaml", "specs/other api.yaml"),
        enabled(),
        List.of());
  }

  public static AnalysisResult with(
      List<Finding> findings, List<ToolError> errors, List<String> files) {
    return new AnalysisResult(findings, errors, files, enabled(), List.of());
  }
}
