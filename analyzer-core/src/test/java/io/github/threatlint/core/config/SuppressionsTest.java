package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SuppressionsTest {
  private static final List<EnabledRule> FLAGGED =
      List.of(new EnabledRule(new RuleDescriptor(TestRules.Flagged.class), Level.ERROR, Map.of()));
  private static final String SPEC =
      """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /health:
          get:
            x-flag: health
            responses: {'200': {description: ok}}
        /accounts:
          get:
            x-threatlint-ignore: {test-flagged: In the spec.}
            x-flag: accounts
            responses: {'200': {description: ok}}
      """;
  private final TestProject project;

  SuppressionsTest() throws Exception {
    project = new TestProject();
  }

  @AfterEach
  void close() throws Exception {
    project.close();
  }

  private Configuration configuration(String yaml) throws Exception {
    Path file = project.write(".threatlint.yaml", yaml);
    return new ConfigurationLoader(TestRules.CATALOG).load(file, ".threatlint.yaml");
  }

  @Test
  void anIgnoreEntrySuppressesMatchingFindingsWithItsReasonAndLeavesInSpecSuppressionsAlone()
      throws Exception {
    project.write("specs/legacy/api.yaml", SPEC);
    project.write("specs/current/api.yaml", SPEC);
    Configuration configuration =
        configuration(
            """
        ignore:
          - file: specs/legacy/**
            rule: test-flagged
            pointer: /paths/*/get
            reason: The legacy API is retired in June.
        """);
    AnalysisResult result =
        project.analyze(FLAGGED, "specs/legacy/api.yaml", "specs/current/api.yaml");
    AnalysisResult suppressed = Suppressions.apply(result, configuration, project.root);
    assertThat(TestProject.describe(suppressed))
        .containsExactly(
            "specs/current/api.yaml:5 /paths/~1health/get flagged: health",
            "specs/current/api.yaml:9 /paths/~1accounts/get flagged: accounts [inSource: In the spec.]",
            "specs/legacy/api.yaml:5 /paths/~1health/get flagged: health [external: The legacy API is retired in June.]",
            "specs/legacy/api.yaml:9 /paths/~1accounts/get flagged: accounts [inSource: In the spec.]");
  }

  @Test
  void thePointerGlobNarrowsTheEntry() throws Exception {
    project.write(
        "api.yaml",
        SPEC.replace(
            "x-threatlint-ignore: {test-flagged: In the spec.}", "description: no suppression"));
    Configuration configuration =
        configuration(
            """
        ignore:
          - file: api.yaml
            rule: test-flagged
            pointer: /paths/~1health/**
            reason: Health checks are public by design.
        """);
    AnalysisResult suppressed =
        Suppressions.apply(project.analyze(FLAGGED, "api.yaml"), configuration, project.root);
    assertThat(TestProject.describe(suppressed))
        .containsExactly(
            "api.yaml:5 /paths/~1health/get flagged: health [external: Health checks are public by design.]",
            "api.yaml:9 /paths/~1accounts/get flagged: accounts");
    assertThat(suppressed.count(Level.ERROR)).isEqualTo(1);
  }

  @Test
  void fileGlobsAreRelativeToTheConfigurationFileWhereverTheRunStarts() throws Exception {
    project.write("specs/api.yaml", SPEC);
    Configuration configuration =
        configuration(
            """
        ignore:
          - file: specs/*.yaml
            rule: test-flagged
            reason: Accepted.
        """);
    Path specs = project.root.resolve("specs");
    Files.createDirectories(specs);
    // run from inside specs/: the finding is named "api.yaml", the glob still matches
    AnalysisResult result = project.analyze(FLAGGED, specs, "specs/api.yaml");
    assertThat(result.findings().get(0).file()).isEqualTo("api.yaml");
    AnalysisResult suppressed = Suppressions.apply(result, configuration, specs);
    assertThat(suppressed.findings())
        .allSatisfy(finding -> assertThat(finding.isSuppressed()).isTrue());
  }

  @Test
  void anEntryForAnotherRuleSuppressesNothing() throws Exception {
    project.write("api.yaml", SPEC);
    Configuration configuration =
        configuration(
            """
        ignore:
          - file: "**"
            rule: test-typed
            reason: Other rule.
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.yaml");
    assertThat(Suppressions.apply(result, configuration, project.root)).isEqualTo(result);
  }
}
