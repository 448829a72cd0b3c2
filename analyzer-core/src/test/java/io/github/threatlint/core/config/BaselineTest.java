package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.FindingKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private static final RuleDescriptor FLAGGED = new RuleDescriptor(TestRules.Flagged.class);
  private static final List<EnabledRule> RULES =
      List.of(new EnabledRule(FLAGGED, Level.ERROR, Map.of()));

  /** Three findings: two on one pointer, one on another. */
  private static final String V1 =
      """
      openapi: 3.0.3
      info: {title: Accounts, version: '1'}
      paths:
        /a:
          get:
            x-flag: [first, second]
            responses: {'200': {description: ok}}
        /b:
          get:
            x-flag: b
            responses: {'200': {description: ok}}
      """;

  /** V1 re-indented, in block style, with keys reordered and lines inserted above every finding. */
  private static final String V1_REFORMATTED =
      """
      # The accounts API.
      # Reformatted by a new editor configuration.
      openapi: 3.0.3
      info:
          title: Accounts
          version: '1'
          description: |
              Several lines were added here,
              which moves every finding down.
      paths:
          /added-without-findings:
              get:
                  responses:
                      '200':
                          description: ok
          /b:
              get:
                  responses:
                      '200':
                          description: ok
                  x-flag: b
          /a:
              get:
                  summary: An inserted line
                  responses:
                      '200':
                          description: ok
                  x-flag:
                      - first
                      - second
      """;

  private final TestProject project;
  private final Path baselineFile;

  BaselineTest() throws Exception {
    project = new TestProject();
    baselineFile = project.root.resolve(".threatlint-baseline.json");
  }

  @AfterEach
  void close() throws Exception {
    project.close();
  }

  private AnalysisResult analyze(String spec) throws Exception {
    project.write("api.yaml", spec);
    return project.analyze(RULES, "api.yaml");
  }

  private Baseline writeBaseline(AnalysisResult result) throws Exception {
    Baseline.of(result.findings(), baselineFile, ".threatlint-baseline.json", project.root)
        .write(baselineFile, project.root);
    return Baseline.read(baselineFile, ".threatlint-baseline.json");
  }

  private static List<String> active(AnalysisResult result) {
    return result.findings().stream()
        .filter(f -> !f.isSuppressed())
        .map(TestProject::describe)
        .toList();
  }

  @Test
  void survivesReindentingReorderingAndLinesInsertedAboveTheFindings() throws Exception {
    AnalysisResult before = analyze(V1);
    Baseline baseline = writeBaseline(before);
    assertThat(baseline.entries()).hasSize(3);

    AnalysisResult after = analyze(V1_REFORMATTED);
    assertThat(after.findings())
        .extracting(f -> f.region().startLine())
        .doesNotContainAnyElementsOf(
            before.findings().stream().map(f -> f.region().startLine()).toList());
    Baseline.Match match = baseline.match(after, project.root);
    assertThat(active(match.result())).isEmpty();
    assertThat(match.result().count(Level.NOTE)).isZero();
    assertThat(match.result().findings())
        .hasSize(3)
        .allSatisfy(
            finding ->
                assertThat(finding.suppression())
                    .isEqualTo(
                        new Finding.Suppression(
                            Finding.Suppression.EXTERNAL,
                            "in the baseline .threatlint-baseline.json")));
    assertThat(match.fixed()).isEmpty();
    assertThat(match.matched()).hasSize(3);
  }

  @Test
  void aGenuinelyNewFindingStaysActiveAndFailsTheBuild() throws Exception {
    Baseline baseline = writeBaseline(analyze(V1));
    String withNew =
        V1_REFORMATTED
            .replace(
                "                - second\n", "                - second\n                - third\n")
            .replace(
                "    /added-without-findings:\n        get:\n",
                "    /added-without-findings:\n        get:\n            x-flag: new\n");
    Baseline.Match match = baseline.match(analyze(withNew), project.root);
    assertThat(active(match.result()))
        .containsExactly(
            "api.yaml:12 /paths/~1added-without-findings/get flagged: new",
            "api.yaml:24 /paths/~1a/get flagged: third");
    assertThat(match.result().count(Level.ERROR)).isEqualTo(2);
    assertThat(match.result().suppressedCount()).isEqualTo(3);
  }

  @Test
  void severalFindingsOnOnePointerAreToldApartByTheirMessages() throws Exception {
    Baseline baseline = writeBaseline(analyze(V1));
    Baseline.Match match =
        baseline.match(analyze(V1.replace("[first, second]", "[second, third]")), project.root);
    assertThat(active(match.result())).containsExactly("api.yaml:5 /paths/~1a/get flagged: third");
    assertThat(match.fixed()).extracting(Baseline.Entry::message).containsExactly("flagged: first");
  }

  @Test
  void aRewordedMessageStillMatchesWhenItsPointerHoldsOneFinding() throws Exception {
    Baseline baseline = writeBaseline(analyze(V1));
    List<EnabledRule> reworded =
        List.of(new EnabledRule(FLAGGED, Level.ERROR, Map.of("prefix", "marked")));
    project.write("api.yaml", V1);
    Baseline.Match match = baseline.match(project.analyze(reworded, "api.yaml"), project.root);
    // /b holds one entry: matched whatever its message; /a holds two, told apart only by their
    // messages
    assertThat(active(match.result()))
        .containsExactly(
            "api.yaml:5 /paths/~1a/get marked: first", "api.yaml:5 /paths/~1a/get marked: second");
    assertThat(match.fixed())
        .extracting(Baseline.Entry::pointer)
        .containsExactly("/paths/~1a/get", "/paths/~1a/get");
  }

  @Test
  void entriesNoFindingMatchesAreFixedAndPruningDropsThem() throws Exception {
    Baseline baseline = writeBaseline(analyze(V1));
    String withoutB = V1.replace("    get:\n      x-flag: b\n", "    get:\n");
    Baseline.Match match = baseline.match(analyze(withoutB), project.root);
    assertThat(match.fixed())
        .extracting(Baseline.Entry::label)
        .containsExactly("test-flagged api.yaml#/paths/~1b/get");
    Baseline pruned = baseline.withEntries(match.matched());
    pruned.write(baselineFile, project.root);
    assertThat(Baseline.read(baselineFile, "b.json").entries())
        .extracting(Baseline.Entry::message)
        .containsExactly("flagged: first", "flagged: second");
    assertThat(pruned.match(analyze(withoutB), project.root).fixed()).isEmpty();
  }

  @Test
  void findingsSuppressedOtherwiseAreNotRecordedAndMatchNothing() throws Exception {
    String suppressedB =
        V1.replace(
            "      x-flag: b\n", "      x-flag: b\n      x-threatlint-ignore: [test-flagged]\n");
    Baseline baseline = writeBaseline(analyze(suppressedB));
    assertThat(baseline.entries())
        .extracting(Baseline.Entry::pointer)
        .containsOnly("/paths/~1a/get");
    Baseline full = writeBaseline(analyze(V1));
    Baseline.Match match = full.match(analyze(suppressedB), project.root);
    assertThat(match.fixed()).extracting(Baseline.Entry::pointer).containsExactly("/paths/~1b/get");
    assertThat(match.result().findings())
        .filteredOn(f -> f.pointer().equals("/paths/~1b/get"))
        .extracting(f -> f.suppression().kind())
        .containsExactly(Finding.Suppression.IN_SOURCE);
  }

  @Test
  void filesAreNamedRelativeToTheBaselineSoAnotherWorkingDirectoryMatchesToo() throws Exception {
    project.write("specs/api.yaml", V1);
    AnalysisResult fromRoot = project.analyze(RULES, project.root, "specs/api.yaml");
    Baseline baseline = writeBaseline(fromRoot);
    assertThat(baseline.entries()).extracting(Baseline.Entry::file).containsOnly("specs/api.yaml");
    Path specs = project.root.resolve("specs");
    AnalysisResult fromSpecs = project.analyze(RULES, specs, "specs/api.yaml");
    assertThat(fromSpecs.findings().get(0).file()).isEqualTo("api.yaml");
    Baseline.Match match = baseline.match(fromSpecs, specs);
    assertThat(active(match.result())).isEmpty();
    assertThat(match.fixed()).isEmpty();
  }

  @Test
  void theFileIsSortedJsonWithOneEntryPerFindingAndReadsBackEqual() throws Exception {
    Baseline baseline = writeBaseline(analyze(V1));
    assertThat(Files.readString(baselineFile))
        .isEqualTo(
            """
        {
          "tool" : "threatlint",
          "baselineVersion" : 1,
          "findings" : [
            {
              "ruleId" : "test-flagged",
              "file" : "api.yaml",
              "pointer" : "/paths/~1a/get",
              "messageDigest" : "%s",
              "message" : "flagged: first"
            },
            {
              "ruleId" : "test-flagged",
              "file" : "api.yaml",
              "pointer" : "/paths/~1a/get",
              "messageDigest" : "%s",
              "message" : "flagged: second"
            },
            {
              "ruleId" : "test-flagged",
              "file" : "api.yaml",
              "pointer" : "/paths/~1b/get",
              "messageDigest" : "%s",
              "message" : "flagged: b"
            }
          ]
        }
        """
                .formatted(
                    FindingKey.messageDigest("flagged: first"),
                    FindingKey.messageDigest("flagged: second"),
                    FindingKey.messageDigest("flagged: b")));
    assertThat(FindingKey.messageDigest("flagged:  first "))
        .isEqualTo(FindingKey.messageDigest("flagged: first"))
        .hasSize(16);
    assertThat(Baseline.read(baselineFile, "x")).isEqualTo(baseline);
  }

  @Test
  void aFileThatIsNoBaselineIsAnErrorWithItsPlace() throws Exception {
    assertThat(readError("[]"))
        .isEqualTo(
            "b.json:1:1: error: not a threatlint baseline: it needs a top-level 'findings' list"
                + " (write one with --write-baseline)");
    assertThat(readError("{\"findings\": [\n  {\"ruleId\": \"x\", \"file\": \"a.yaml\"}\n]}"))
        .isEqualTo("b.json:2:3: error: a baseline entry needs a string 'pointer'");
    assertThat(readError("{\"baselineVersion\": 2, \"findings\": []}"))
        .isEqualTo(
            "b.json:1:21: error: baseline format version 2 is not the version 1 this threatlint reads");
    assertThat(readError("{\"findings\": [}"))
        .startsWith("b.json:1:15: error: cannot read the baseline: invalid JSON:");
    assertThatThrownBy(() -> Baseline.read(project.root.resolve("missing.json"), "missing.json"))
        .extracting(e -> ((ConfigurationException) e).oneLine())
        .isEqualTo("missing.json: error: cannot read the baseline: no such file");
  }

  private String readError(String text) throws Exception {
    Path file = project.write("b.json", text);
    try {
      Baseline.read(file, "b.json");
    } catch (ConfigurationException e) {
      return e.oneLine();
    }
    throw new AssertionError("read without error: " + text);
  }
}
