package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every SARIF document these tests write is validated against the SARIF 2.1.0 schema. */
class SarifReporterTest {
  private static final Path ROOT = Path.of("/work/repo");

  static JsonNode sarif(AnalysisResult result, String category) throws IOException {
    return sarif(result, category, DocsUrl.DEFAULT);
  }

  static JsonNode sarif(AnalysisResult result, String category, DocsUrl docsUrl)
      throws IOException {
    StringWriter out = new StringWriter();
    new SarifReporter()
        .write(result, new ReportContext("1.2.3", ROOT, false, category, docsUrl), out);
    return SarifValidation.assertValid(out.toString());
  }

  static JsonNode run(AnalysisResult result) throws IOException {
    JsonNode sarif = sarif(result, null);
    assertThat(sarif.path("runs")).hasSize(1);
    return sarif.path("runs").get(0);
  }

  @Test
  void theDocumentIsSarif210WithOneRunOfTheTool() throws IOException {
    JsonNode sarif = sarif(TestRules.sample(), null);
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).endsWith("sarif-schema-2.1.0.json");
    JsonNode driver = sarif.path("runs").get(0).path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("threatlint");
    assertThat(driver.path("semanticVersion").asText()).isEqualTo("1.2.3");
    assertThat(driver.path("informationUri").asText()).isEqualTo(RuleDocs.PROJECT_URI);
  }

  @Test
  void helpLinksFollowTheConfiguredDocsUrl() throws IOException {
    JsonNode alpha =
        sarif(
                TestRules.sample(),
                null,
                new DocsUrl("https://wiki.bank.example/threatlint/{rule}.html"))
            .path("runs")
            .get(0)
            .path("tool")
            .path("driver")
            .path("rules")
            .get(0);
    assertThat(alpha.path("helpUri").asText())
        .isEqualTo("https://wiki.bank.example/threatlint/test-alpha.html");
    assertThat(alpha.path("help").path("text").asText())
        .endsWith("Documentation: https://wiki.bank.example/threatlint/test-alpha.html");
  }

  @Test
  void helpMadeAheadWritesTheSameDocumentAndIsNotUsedForOtherPages() throws IOException {
    AnalysisResult result = TestRules.sample();
    DocsUrl wiki = new DocsUrl("https://wiki.bank.example/threatlint/{rule}.html");
    for (DocsUrl docsUrl : List.of(DocsUrl.DEFAULT, wiki)) {
      ReportContext context = new ReportContext("1.2.3", ROOT, false, null, docsUrl);
      StringWriter expected = new StringWriter();
      new SarifReporter().write(result, context, expected);
      // made ahead for the default pages: the wiki's are made as the report is written
      StringWriter ahead = new StringWriter();
      SarifReporter.preparing(result.rules(), DocsUrl.DEFAULT).write(result, context, ahead);
      assertThat(ahead.toString()).isEqualTo(expected.toString());
    }
  }

  @Test
  void everyEnabledRuleIsDescribedInIdOrderEvenWithoutResults() throws IOException {
    JsonNode rules = run(TestRules.sample()).path("tool").path("driver").path("rules");
    assertThat(rules.findValuesAsText("id"))
        .containsExactly("test-alpha", "test-beta", "test-gamma");

    JsonNode alpha = rules.get(0);
    assertThat(alpha.path("name").asText()).isEqualTo("TestAlpha");
    assertThat(alpha.path("shortDescription").path("text").asText()).isEqualTo("Alpha problem");
    assertThat(alpha.path("fullDescription").path("text").asText())
        .startsWith("Flags alpha problems");
    assertThat(alpha.path("helpUri").asText())
        .isEqualTo(DocsUrl.DEFAULT.of("test-alpha"))
        .isEqualTo("https://github.com/threatlint/threatlint/blob/main/docs/rules/test-alpha.md");
    assertThat(alpha.path("help").path("text").asText())
        .contains(
            "Flags alpha problems",
            "Unauthorized access to data",
            DocsUrl.DEFAULT.of("test-alpha"));
    assertThat(alpha.path("help").path("markdown").asText())
        .startsWith("# Alpha problem (`test-alpha`)")
        .contains(
            "## Why it matters",
            "## Failing example",
            "## When not to fix",
            "## Options",
            "`exempt`",
            "## How to suppress");
    // the sarif-java trap: warning equals the schema default and used to vanish
    assertThat(alpha.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
    assertThat(texts(alpha.path("properties").path("tags")))
        .containsExactly(
            "security",
            "owasp-api-2023/API2",
            "owasp-api-2023/API5",
            "owasp-api-2019/API2",
            "sfti/AAA");
    assertThat(alpha.path("properties").path("security-severity").asText()).isEqualTo("7.5");
    assertThat(alpha.path("properties").path("precision").asText()).isEqualTo("high");

    assertThat(rules.get(1).path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    assertThat(rules.get(1).path("properties").path("security-severity").asText()).isEqualTo("9.1");
    JsonNode gamma = rules.get(2);
    assertThat(gamma.path("defaultConfiguration").path("level").asText()).isEqualTo("note");
    assertThat(texts(gamma.path("properties").path("tags")))
        .containsExactly("security", "sfti/DOC");
    // a rule without an explanation still has help
    assertThat(gamma.path("help").path("markdown").asText())
        .contains("## What it flags")
        .doesNotContain("## Why it matters");
  }

  @Test
  void eachFindingIsOneResultWithAnExplicitLevelAndOneFullLocation() throws IOException {
    JsonNode results = run(TestRules.sample()).path("results");
    assertThat(results).hasSize(3);

    JsonNode warning = results.get(0);
    assertThat(warning.path("ruleId").asText()).isEqualTo("test-alpha");
    assertThat(warning.path("ruleIndex").asInt()).isEqualTo(0);
    assertThat(warning.path("level").asText()).isEqualTo("warning");
    assertThat(warning.path("message").path("text").asText()).isEqualTo("GET /accounts is open.");
    assertThat(warning.path("locations")).hasSize(1);
    JsonNode physical = warning.path("locations").get(0).path("physicalLocation");
    assertThat(physical.path("artifactLocation").path("uri").asText()).isEqualTo("specs/api.yaml");
    assertThat(physical.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    JsonNode region = physical.path("region");
    assertThat(
            List.of(
                region.path("startLine").asInt(),
                region.path("startColumn").asInt(),
                region.path("endLine").asInt(),
                region.path("endColumn").asInt()))
        .containsExactly(12, 5, 12, 12);
    JsonNode logical = warning.path("locations").get(0).path("logicalLocations");
    assertThat(logical).hasSize(1);
    assertThat(logical.get(0).path("fullyQualifiedName").asText())
        .isEqualTo("/paths/~1accounts/get");
    assertThat(logical.get(0).path("name").asText()).isEqualTo("get");
    assertThat(warning.has("suppressions")).isFalse();

    JsonNode error = results.get(1);
    assertThat(error.path("ruleIndex").asInt()).isEqualTo(1);
    assertThat(error.path("level").asText()).isEqualTo("error");

    JsonNode other = results.get(2);
    assertThat(
            other
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asText())
        .isEqualTo("specs/other%20api.yaml");
  }

  @Test
  void theRunDeclaresItsBaseAndColumnKind() throws IOException {
    JsonNode run = run(TestRules.sample());
    assertThat(run.path("columnKind").asText()).isEqualTo("utf16CodeUnits");
    String base = run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asText();
    assertThat(base).startsWith("file:/").endsWith("/");
    assertThat(base)
        .isEqualTo(SarifReporter.directoryUri(ROOT))
        .isEqualTo(ROOT.toAbsolutePath().toUri() + "/");
    assertThat(SarifReporter.directoryUri(Path.of("").toAbsolutePath()))
        .endsWith("/")
        .doesNotEndWith("//");
  }

  private static List<String> fingerprints(List<Finding> findings) throws IOException {
    List<String> prints = new ArrayList<>();
    for (JsonNode result :
        run(TestRules.with(findings, List.of(), List.of("a.yaml", "b.yaml"))).path("results")) {
      assertThat(result.path("partialFingerprints").has("primaryLocationLineHash")).isFalse();
      prints.add(result.path("partialFingerprints").path(SarifReporter.FINGERPRINT_KEY).asText());
    }
    return prints;
  }

  @Test
  void fingerprintsDependOnRuleFileAndPointerButNotOnLinesOrTheWordingOfALoneFinding()
      throws IOException {
    Finding finding =
        TestRules.finding("test-alpha", Level.WARNING, "a.yaml", "/paths/~1a/get", 3, "m");
    Finding moved =
        TestRules.finding(
            "test-alpha", Level.WARNING, "a.yaml", "/paths/~1a/get", 30, "other message");
    Finding otherPointer =
        TestRules.finding("test-alpha", Level.WARNING, "a.yaml", "/paths/~1b/get", 3, "m");
    Finding otherRule =
        TestRules.finding("test-beta", Level.WARNING, "a.yaml", "/paths/~1a/get", 3, "m");
    Finding otherFile =
        TestRules.finding("test-alpha", Level.WARNING, "b.yaml", "/paths/~1a/get", 3, "m");
    List<String> prints = fingerprints(List.of(finding, otherPointer, otherRule, otherFile));
    assertThat(prints).allMatch(print -> print.matches("[0-9a-f]{32}")).doesNotHaveDuplicates();
    assertThat(fingerprints(List.of(moved, otherPointer, otherRule, otherFile))).isEqualTo(prints);
  }

  @Test
  void findingsOfOneRuleOnOnePlaceHaveFingerprintsOfTheirOwnThatIgnoreLinesAndWhiteSpace()
      throws IOException {
    Finding contact =
        TestRules.finding("test-alpha", Level.NOTE, "a.yaml", "/info", 2, "info has no contact.");
    Finding description =
        TestRules.finding(
            "test-alpha", Level.NOTE, "a.yaml", "/info", 2, "info has no description.");
    Finding lone =
        TestRules.finding("test-alpha", Level.NOTE, "a.yaml", "/info", 2, "info has no contact.");
    List<String> prints = fingerprints(List.of(contact, description));
    assertThat(prints).doesNotHaveDuplicates();
    Finding contactMoved =
        TestRules.finding(
            "test-alpha", Level.NOTE, "a.yaml", "/info", 9, "info  has no\n contact.");
    Finding descriptionMoved =
        TestRules.finding(
            "test-alpha", Level.NOTE, "a.yaml", "/info", 9, "info has no description.");
    assertThat(fingerprints(List.of(contactMoved, descriptionMoved))).isEqualTo(prints);
    assertThat(fingerprints(List.of(lone))).doesNotContainAnyElementsOf(prints);
  }

  @Test
  void aFindingInASharedPartNamesAtMostFiveOperationsThatUseItAndCountsTheRest()
      throws IOException {
    List<Finding.Use> uses = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      uses.add(
          new Finding.Use(
              "GET /items" + i,
              "specs/api.yaml",
              "/paths/~1items" + i + "/get",
              new Region(10 * i, 5, 10 * i, 8)));
    }
    Finding base =
        TestRules.finding(
            "test-alpha", Level.WARNING, "specs/schemas/item.yaml", "/properties/name", 3, "m");
    Finding shared =
        new Finding(
            base.ruleId(),
            base.level(),
            base.message(),
            base.file(),
            base.pointer(),
            base.region(),
            null,
            uses);
    Finding alone =
        TestRules.finding(
            "test-beta", Level.ERROR, "specs/api.yaml", "/paths/~1items1/get", 10, "m");
    JsonNode results =
        run(TestRules.with(List.of(alone, shared), List.of(), List.of("specs/api.yaml")))
            .path("results");
    assertThat(results.get(0).has("relatedLocations")).isFalse();
    JsonNode related = results.get(1).path("relatedLocations");
    assertThat(related).hasSize(SarifReporter.MAX_RELATED);
    assertThat(related.findValuesAsText("text"))
        .containsExactly(
            "used by GET /items1",
            "used by GET /items2",
            "used by GET /items3",
            "used by GET /items4",
            "used by GET /items5 (and 2 more operations)");
    assertThat(related.get(0).path("id").asInt()).isEqualTo(1);
    JsonNode where = related.get(4).path("physicalLocation");
    assertThat(where.path("artifactLocation").path("uri").asText()).isEqualTo("specs/api.yaml");
    assertThat(where.path("artifactLocation").path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(where.path("region").path("startLine").asInt()).isEqualTo(50);
  }

  @Test
  void theRelatedLocationsOfSharedUsesAreWrittenOnceAndRepeatedAsTheGeneratorWritesThem()
      throws IOException {
    List<Finding.Use> uses =
        List.of(new Finding.Use("GET /items", "specs/api.yaml", "/paths/~1items/get", REGION));
    List<Finding> findings = new ArrayList<>();
    for (String pointer : List.of("/properties/a", "/properties/b")) {
      findings.add(
          new Finding(
              "test-alpha",
              Level.WARNING,
              "m",
              "specs/schemas/item.yaml",
              pointer,
              new Region(3, 1, 3, 4),
              // a member after the array: the writing generator puts its separator
              new Finding.Suppression(Finding.Suppression.EXTERNAL, "in the baseline"),
              uses));
    }
    String text = text(TestRules.with(findings, List.of(), List.of("specs/api.yaml")));
    String written =
        String.join(
            System.lineSeparator(),
            "      \"relatedLocations\" : [ {",
            "        \"id\" : 1,",
            "        \"physicalLocation\" : {",
            "          \"artifactLocation\" : {",
            "            \"uri\" : \"specs/api.yaml\",",
            "            \"uriBaseId\" : \"%SRCROOT%\"",
            "          },",
            "          \"region\" : {",
            "            \"startLine\" : 10,",
            "            \"startColumn\" : 5,",
            "            \"endLine\" : 10,",
            "            \"endColumn\" : 8",
            "          }",
            "        },",
            "        \"message\" : {",
            "          \"text\" : \"used by GET /items\"",
            "        }",
            "      } ],",
            "      \"suppressions\" : [ {");
    assertThat(text.split(java.util.regex.Pattern.quote(written), -1)).hasSize(3);
  }

  private static final Region REGION = new Region(10, 5, 10, 8);

  private static String text(AnalysisResult result) throws IOException {
    StringWriter text = new StringWriter();
    new SarifReporter()
        .write(result, new ReportContext("1.2.3", ROOT, false, null, DocsUrl.DEFAULT), text);
    return text.toString();
  }

  @Test
  void longResultsWrittenOnTwoThreadsMakeTheSameDocument() throws IOException {
    ReportContext context = new ReportContext("1.2.3", ROOT, false, null, DocsUrl.DEFAULT);
    for (int count :
        List.of(
            SarifReporter.RESULTS_AHEAD_FROM,
            5 * SarifReporter.CHUNK + 7,
            8 * 1000,
            // cut to the limit, the keys counted on a thread of their own
            SarifReporter.MAX_RESULTS + 7)) {
      AnalysisResult result =
          TestRules.with(manyFindings(count), List.of(), List.of("specs/api.yaml"));
      StringWriter oneThread = new StringWriter();
      SarifReporter.resultsAhead(false).write(result, context, oneThread);
      StringWriter twoThreads = new StringWriter();
      SarifReporter.resultsAhead(true).write(result, context, twoThreads);
      assertThat(twoThreads.toString()).isEqualTo(oneThread.toString());
    }
  }

  @Test
  void aChunksTextIsWhatWasWrittenAfterItsStartAcrossPiecesThatAreUsedAgain() throws IOException {
    SarifReporter.Pieces pieces = new SarifReporter.Pieces();
    SarifReporter.MadeText text = new SarifReporter.MadeText(pieces);
    text.write("the generator's beginning".getBytes(StandardCharsets.UTF_8), 0, 25);
    text.startHere();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    byte[] flush = new byte[8000];
    for (int i = 0; i < 10; i++) {
      Arrays.fill(flush, (byte) ('a' + i));
      // as the generator flushes: from an offset, and a single byte
      text.write(flush, i, flush.length - i);
      expected.write(flush, i, flush.length - i);
      text.write('\n');
      expected.write('\n');
    }
    assertThat(expected.size()).isGreaterThan(2 * SarifReporter.Pieces.SIZE);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text.writeTo(out);

    assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    byte[] given = pieces.take();
    assertThat(given).hasSize(SarifReporter.Pieces.SIZE);
    // one written out before, not a new (zeroed) one
    assertThat(given).contains((byte) '\n');
    SarifReporter.MadeText next = new SarifReporter.MadeText(pieces);
    next.startHere();
    next.write(flush, 0, 3);
    ByteArrayOutputStream nextOut = new ByteArrayOutputStream();
    next.writeTo(nextOut);
    assertThat(nextOut.toByteArray()).isEqualTo(Arrays.copyOf(flush, 3));
  }

  @Test
  void aFileGetsTheTextsUtf8WithCharactersOutsideTheBmpAsTheirFourBytes() throws IOException {
    String message = "Property 'na\u00efve \uD83D\uDE00' is \u2028 bad";
    AnalysisResult result =
        TestRules.with(
            List.of(
                new Finding(
                    "test-alpha",
                    Level.WARNING,
                    message,
                    "specs/api.yaml",
                    "/info",
                    new Region(1, 1, 1, 5),
                    null)),
            List.of(),
            List.of("specs/api.yaml"));
    ReportContext context = new ReportContext("1.2.3", ROOT, false, null, DocsUrl.DEFAULT);
    StringWriter text = new StringWriter();
    new SarifReporter().write(result, context, text);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    new SarifReporter().write(result, context, file);
    assertThat(file.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(text.toString()).contains("\"text\" : \"" + message + "\"");
  }

  /**
   * Findings of every shape a result has: shared parts used by operations, related places,
   * suppressions, files under the root and outside it, several findings of a rule on one place,
   * text to escape, a rule the run does not describe.
   */
  private static List<Finding> manyFindings(int count) {
    List<String> files = List.of("specs/api.yaml", "specs/schemas/item.yaml", "/elsewhere/x.yaml");
    List<String> rules = List.of("test-alpha", "test-beta", "test-gamma", "test-unknown");
    // the findings in one shared part share one list of uses, as a run's do
    List<List<Finding.Use>> usesOfParts = new ArrayList<>();
    for (int part = 0; part < 8; part++) {
      List<Finding.Use> uses = new ArrayList<>();
      for (int u = 0; u < part; u++) {
        uses.add(
            new Finding.Use(
                "GET /items" + u,
                "specs/api.yaml",
                "/paths/~1items" + u,
                new Region(u + 1, 1, u + 1, 9)));
      }
      usesOfParts.add(uses);
    }
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Finding.Use> uses = usesOfParts.get(i % 8);
      List<Finding.Related> related =
          i % 5 == 0
              ? List.of(
                  new Finding.Related(
                      "the other", files.get((i + 1) % 3), "/x", new Region(2, 3, 2, 7)))
              : List.of();
      Finding.Suppression suppression =
          i % 11 == 0
              ? new Finding.Suppression(Finding.Suppression.IN_SOURCE, "accepted \"risk\" " + i)
              : i % 13 == 0 ? new Finding.Suppression(Finding.Suppression.EXTERNAL, null) : null;
      findings.add(
          new Finding(
              rules.get(i % 4),
              Level.values()[1 + i % 3],
              "Property 'naïve\t" + i + "' of \"item\"\nis \u2028 bad",
              files.get(i % 3),
              "/components/schemas/item/properties/p" + i % 40,
              new Region(i + 1, 3, i + 1, 9),
              suppression,
              uses,
              related));
    }
    return findings;
  }

  @Test
  void aCleanRunHasAnEmptyResultsArrayAndASuccessfulInvocation() throws IOException {
    JsonNode run = run(TestRules.with(List.of(), List.of(), List.of("specs/api.yaml")));
    assertThat(run.has("results")).isTrue();
    assertThat(run.path("results").isArray()).isTrue();
    assertThat(run.path("results")).isEmpty();
    assertThat(run.path("tool").path("driver").path("rules")).hasSize(3);
    assertThat(run.path("invocations")).hasSize(1);
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
    assertThat(run.path("invocations").get(0).has("toolExecutionNotifications")).isFalse();
    assertThat(run.has("automationDetails")).isFalse();
  }

  @Test
  void theCategoryBecomesTheAutomationId() throws IOException {
    JsonNode sarif = sarif(TestRules.sample(), "api/payments");
    assertThat(sarif.path("runs").get(0).path("automationDetails").path("id").asText())
        .isEqualTo("api/payments");
  }

  @Test
  void suppressedAndBaselinedFindingsCarrySuppressions() throws IOException {
    Finding inSource =
        TestRules.finding("test-alpha", Level.WARNING, "a.yaml", "/paths/~1a/get", 3, "m")
            .withSuppression(
                new Finding.Suppression(
                    Finding.Suppression.IN_SOURCE, "x-threatlint-ignore on /paths/~1a"));
    Finding baselined =
        TestRules.finding("test-beta", Level.ERROR, "a.yaml", "/paths/~1b/get", 9, "m")
            .withSuppression(
                new Finding.Suppression(
                    Finding.Suppression.EXTERNAL, "in the baseline threatlint-baseline.json"));
    JsonNode results =
        run(TestRules.with(List.of(inSource, baselined), List.of(), List.of("a.yaml")))
            .path("results");
    JsonNode first = results.get(0).path("suppressions");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).path("kind").asText()).isEqualTo("inSource");
    assertThat(first.get(0).path("status").asText()).isEqualTo("accepted");
    assertThat(first.get(0).path("justification").asText())
        .isEqualTo("x-threatlint-ignore on /paths/~1a");
    JsonNode second = results.get(1).path("suppressions");
    assertThat(second.get(0).path("kind").asText()).isEqualTo("external");
    assertThat(second.get(0).path("justification").asText()).contains("baseline");
    // suppressed results keep their level
    assertThat(results.get(0).path("level").asText()).isEqualTo("warning");
  }

  @Test
  void toolErrorsAreNotificationsOfAFailedInvocation() throws IOException {
    ToolError parse =
        new ToolError("broken.yaml", 4, 7, null, null, "mapping values are not allowed here");
    ToolError rule =
        new ToolError("specs/api.yaml", 0, 0, "test-beta", "/paths", "NullPointerException");
    JsonNode run =
        run(
            TestRules.with(
                List.of(), List.of(parse, rule), List.of("broken.yaml", "specs/api.yaml")));
    JsonNode invocation = run.path("invocations").get(0);
    assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
    JsonNode notifications = invocation.path("toolExecutionNotifications");
    assertThat(notifications).hasSize(2);
    JsonNode first = notifications.get(0);
    assertThat(first.path("level").asText()).isEqualTo("error");
    assertThat(first.path("message").path("text").asText())
        .isEqualTo("broken.yaml:4:7: error: mapping values are not allowed here");
    JsonNode where = first.path("locations").get(0).path("physicalLocation");
    assertThat(where.path("artifactLocation").path("uri").asText()).isEqualTo("broken.yaml");
    assertThat(where.path("region").path("startLine").asInt()).isEqualTo(4);
    assertThat(where.path("region").path("startColumn").asInt()).isEqualTo(7);
    JsonNode second = notifications.get(1);
    assertThat(second.path("associatedRule").path("id").asText()).isEqualTo("test-beta");
    assertThat(second.path("associatedRule").path("index").asInt()).isEqualTo(1);
    assertThat(second.path("locations").get(0).path("physicalLocation").has("region")).isFalse();
    assertThat(run.path("results")).isEmpty();
  }

  @Test
  void moreThanGitHubsLimitIsCutBySeverityWithAWarning() throws IOException {
    List<Finding> findings = new ArrayList<>();
    int total = SarifReporter.MAX_RESULTS + 10;
    for (int i = 0; i < total; i++) {
      Level level = i < 5 ? Level.ERROR : i < total - 20 ? Level.NOTE : Level.WARNING;
      Finding finding =
          new Finding(
              level == Level.ERROR ? "test-beta" : "test-alpha",
              level,
              "finding " + i,
              "big.yaml",
              "/paths/~1p" + i + "/get",
              new Region(i + 1, 3, i + 1, 6),
              null);
      findings.add(
          i == 6
              ? finding.withSuppression(
                  new Finding.Suppression(Finding.Suppression.EXTERNAL, "baseline"))
              : finding);
    }
    AnalysisResult result = TestRules.with(findings, List.of(), List.of("big.yaml"));
    JsonNode run = run(result);
    JsonNode results = run.path("results");
    assertThat(results).hasSize(SarifReporter.MAX_RESULTS);
    long errors = 0;
    long warnings = 0;
    long suppressed = 0;
    int previousLine = 0;
    for (JsonNode node : results) {
      errors += node.path("level").asText().equals("error") ? 1 : 0;
      warnings += node.path("level").asText().equals("warning") ? 1 : 0;
      suppressed += node.has("suppressions") ? 1 : 0;
      int line =
          node.path("locations")
              .get(0)
              .path("physicalLocation")
              .path("region")
              .path("startLine")
              .asInt();
      assertThat(line).isGreaterThan(previousLine);
      previousLine = line;
    }
    assertThat(errors).isEqualTo(5);
    assertThat(warnings).isEqualTo(20);
    assertThat(suppressed).as("the suppressed note goes first").isZero();
    JsonNode notifications = run.path("invocations").get(0).path("toolExecutionNotifications");
    assertThat(notifications).hasSize(1);
    assertThat(notifications.get(0).path("level").asText()).isEqualTo("warning");
    assertThat(notifications.get(0).path("message").path("text").asText())
        .contains("25000 most severe of 25010");
    assertThat(run.path("invocations").get(0).path("executionSuccessful").asBoolean()).isTrue();
    assertThat(new SarifReporter().omissions(result)).hasSize(1);
    assertThat(new SarifReporter().omissions(TestRules.sample())).isEmpty();
  }

  @Test
  void theCutKeepsReportOrderWithTheMoreSevereOfEqualFindingsFirst() {
    Finding.Suppression baseline =
        new Finding.Suppression(Finding.Suppression.EXTERNAL, "baseline");
    List<Finding> findings = new ArrayList<>();
    // one short of the limit active, then three suppressed: only the first suppressed one fits
    int active = SarifReporter.MAX_RESULTS - 1;
    for (int i = 0; i < active + 2; i++) {
      Finding finding =
          new Finding(
              "test-alpha",
              Level.WARNING,
              "finding " + i,
              "big.yaml",
              "/paths/~1p" + i + "/get",
              new Region(i + 1, 3, i + 1, 6),
              null);
      if (i == 0) {
        // equal in report order to the active one after it, and before it in the list
        findings.add(finding.withSuppression(baseline));
      }
      findings.add(i < active ? finding : finding.withSuppression(baseline));
    }
    List<Finding> kept = SarifReporter.limit(findings);
    assertThat(kept).hasSize(SarifReporter.MAX_RESULTS);
    assertThat(kept).isSortedAccordingTo(Finding.ORDER);
    assertThat(kept.get(0).message()).isEqualTo("finding 0");
    assertThat(kept.get(0).isSuppressed()).isFalse();
    assertThat(kept.get(1).message()).isEqualTo("finding 0");
    assertThat(kept.get(1).isSuppressed()).isTrue();
    assertThat(kept.get(2).message()).isEqualTo("finding 1");
    assertThat(kept.get(kept.size() - 1).message()).isEqualTo("finding " + (active - 1));
  }

  @Test
  void theSchemaCheckRejectsWhatGitHubWouldReject() throws IOException {
    JsonNode valid = sarif(TestRules.sample(), null);
    ObjectNode badLevel = valid.deepCopy();
    ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "severe");
    assertThat(SarifValidation.violations(badLevel)).isNotEmpty();
    ObjectNode noDriverName = valid.deepCopy();
    ((ObjectNode) noDriverName.path("runs").get(0).path("tool").path("driver")).remove("name");
    assertThat(SarifValidation.violations(noDriverName)).isNotEmpty();
    ObjectNode badRegion = valid.deepCopy();
    ((ObjectNode)
            badRegion
                .path("runs")
                .get(0)
                .path("results")
                .get(0)
                .path("locations")
                .get(0)
                .path("physicalLocation")
                .path("region"))
        .put("startLine", 0);
    assertThat(SarifValidation.violations(badRegion)).isNotEmpty();
  }

  @Test
  void reportPathsBecomeRelativeUriReferences() {
    assertThat(SarifReporter.toUri("specs/api v2/ä#1.yaml"))
        .isEqualTo("specs/api%20v2/%C3%A4%231.yaml");
    assertThat(SarifReporter.toUri("specs\\win.yaml")).isEqualTo("specs/win.yaml");
    assertThat(SarifReporter.toUri("<stdin>")).isEqualTo("%3Cstdin%3E");
    assertThat(SarifReporter.artifact("specs/a b.yaml").uri().getValue())
        .isEqualTo("specs/a%20b.yaml");
    assertThat(SarifReporter.artifact("specs/a b.yaml").uriBaseId().getValue())
        .isEqualTo("%SRCROOT%");
    // files outside the working directory keep their absolute path, as a URI without base
    assertThat(SarifReporter.artifact("/srv/specs/a b.yaml").uri().getValue())
        .isEqualTo("file:///srv/specs/a%20b.yaml");
    assertThat(SarifReporter.artifact("/srv/specs/a b.yaml").uriBaseId()).isNull();
    assertThat(SarifReporter.artifact("C:\\specs\\a.yaml").uri().getValue())
        .isEqualTo("file:///C:/specs/a.yaml");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
