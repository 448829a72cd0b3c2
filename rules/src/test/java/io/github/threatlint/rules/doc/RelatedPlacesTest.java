package io.github.threatlint.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.resolve.SpecFiles;
import io.github.threatlint.rules.data.NumericFormat;
import io.github.threatlint.rules.data.StringMaxLength;
import io.github.threatlint.rules.data.StringPatternMissing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules that refer to other places name them as related locations, not in their messages. */
class RelatedPlacesTest {
  @TempDir Path dir;

  private List<Finding> findings(Class<? extends Rule> rule, String yaml) throws Exception {
    Path spec = Files.writeString(dir.resolve("api.yaml"), yaml);
    List<EnabledRule> rules =
        List.of(new EnabledRule(new RuleDescriptor(rule), Level.ERROR, Map.of()));
    Analyzer analyzer = new Analyzer(rules, 1024 * 1024, 1, file -> ExternalFiles.NONE);
    return analyzer.analyze(List.of(new Analyzer.Input(spec, "api.yaml"))).findings();
  }

  @Test
  void aDuplicateOperationIdNamesItsFirstUseAsRelated() throws Exception {
    List<Finding> findings =
        findings(
            OperationIdInvalid.class,
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  operationId: list
                  responses: {'200': {description: ok}}
              /b:
                get:
                  operationId: list
                  responses: {'200': {description: ok}}
            """);
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.region().startLine()).isEqualTo(10);
              assertThat(finding.message()).doesNotContain("api.yaml").doesNotContain(":6");
              assertThat(finding.related())
                  .singleElement()
                  .satisfies(
                      first -> {
                        assertThat(first.label()).isEqualTo("first used by GET /a");
                        assertThat(first.pointer()).isEqualTo("/paths/~1a/get/operationId");
                        assertThat(first.region().startLine()).isEqualTo(6);
                      });
            });
  }

  /**
   * A parameter written inline the same way in several operations is one finding on its first copy;
   * the later copies are its related places, each with the first operation that uses it (a path
   * item's parameter is used by each of its operations).
   */
  @Test
  void anInlineParameterNamesItsLaterCopiesAsRelated() throws Exception {
    List<Finding> findings =
        findings(
            StringMaxLength.class,
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /a:
                get:
                  parameters:
                    - {name: x-v, in: header, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /b:
                get:
                  parameters:
                    - {name: X-V, in: header, description: the version, schema: {type: string}}
                  responses: {'200': {description: ok}}
              /c:
                parameters:
                  - {name: x-v, in: header, schema: {type: string}}
                get: {responses: {'200': {description: ok}}}
                post: {responses: {'200': {description: ok}}}
            """);
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.pointer()).isEqualTo("/paths/~1a/get/parameters/0/schema");
              assertThat(finding.related())
                  .extracting(Finding.Related::pointer, Finding.Related::label)
                  .containsExactly(
                      tuple("/paths/~1b/get/parameters/0/schema", "written again in GET /b"),
                      tuple("/paths/~1c/parameters/0/schema", "written again in GET /c"));
              assertThat(finding.related().get(1).region().startLine()).isEqualTo(16);
            });
  }

  /**
   * OpenAPI 3.1, a copy in a path item of another file: the related place is in that file, at its
   * pointer there.
   */
  @Test
  void anInlineParameterNamesACopyInAnotherFile() throws Exception {
    Files.writeString(
        dir.resolve("usage.yaml"),
        """
        get:
          parameters:
            - {name: x-api-version, in: header, schema: {type: [string, 'null']}}
          responses: {'200': {description: ok}}
        """);
    Path spec =
        Files.writeString(
            dir.resolve("api.yaml"),
            """
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /plans:
                get:
                  parameters:
                    - {name: x-api-version, in: header, schema: {type: [string, 'null']}}
                  responses: {'200': {description: ok}}
              /usage:
                $ref: 'usage.yaml'
            """);
    SpecFiles files = new SpecFiles(dir, dir, 1024 * 1024, RemoteFiles.OFF);
    Analyzer analyzer =
        new Analyzer(
            List.of(
                new EnabledRule(new RuleDescriptor(StringMaxLength.class), Level.ERROR, Map.of())),
            1024 * 1024,
            1,
            files::forDocument);
    List<Finding> findings =
        analyzer.analyze(List.of(new Analyzer.Input(spec, "api.yaml"))).findings();
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.related())
                    .extracting(
                        Finding.Related::file, Finding.Related::pointer, Finding.Related::label)
                    .containsExactly(
                        tuple(
                            "usage.yaml",
                            "/get/parameters/0/schema",
                            "written again in GET /usage")));
  }

  /**
   * Swagger 2.0, whose parameters carry their type inline (the parameter is its own schema): each
   * rule that groups inline copies (string-pattern-missing, numeric-format, as string-max-length)
   * names the later copy, at the parameter's own pointer.
   */
  @Test
  void aSwagger2InlineParameterNamesItsLaterCopyInEachRule() throws Exception {
    String spec =
        """
        swagger: '2.0'
        info: {title: t, version: '1'}
        paths:
          /a:
            get:
              parameters:
                - {name: q, in: query, type: string}
                - {name: limit, in: query, type: integer}
              responses: {'200': {description: ok}}
          /b:
            get:
              parameters:
                - {name: q, in: query, type: string, description: the query}
                - {name: limit, in: query, type: integer}
              responses: {'200': {description: ok}}
        """;
    assertThat(findings(StringPatternMissing.class, spec))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.pointer()).isEqualTo("/paths/~1a/get/parameters/0");
              assertThat(finding.related())
                  .extracting(Finding.Related::pointer, Finding.Related::label)
                  .containsExactly(tuple("/paths/~1b/get/parameters/0", "written again in GET /b"));
            });
    assertThat(findings(NumericFormat.class, spec))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.pointer()).isEqualTo("/paths/~1a/get/parameters/1");
              assertThat(finding.related())
                  .extracting(Finding.Related::pointer, Finding.Related::label)
                  .containsExactly(tuple("/paths/~1b/get/parameters/1", "written again in GET /b"));
            });
  }

  /** Twelve copies: the message counts them all, the related places are the next five. */
  @Test
  void anInlineParameterNamesAtMostFiveLaterCopies() throws Exception {
    StringBuilder yaml =
        new StringBuilder("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n");
    for (int i = 0; i < 12; i++) {
      yaml.append("  /r")
          .append(i)
          .append(":\n    get:\n      parameters:\n")
          .append("        - {name: x-v, in: header, schema: {type: string}}\n")
          .append("      responses: {'200': {description: ok}}\n");
    }
    List<Finding> findings = findings(StringMaxLength.class, yaml.toString());
    assertThat(findings)
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message()).contains("GET /r0, GET /r1, GET /r2 and 9 more");
              assertThat(finding.related())
                  .extracting(Finding.Related::label)
                  .containsExactly(
                      "written again in GET /r1",
                      "written again in GET /r2",
                      "written again in GET /r3",
                      "written again in GET /r4",
                      "written again in GET /r5");
            });
  }

  @Test
  void aKeyWrittenTwiceNamesTheOtherKeyAsRelated() throws Exception {
    List<Finding> findings =
        findings(
            SpecInvalid.class,
            """
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths: {}
            components:
              schemas:
                Pet: {type: object}
                Pet: {type: string}
            """);
    assertThat(findings)
        .filteredOn(finding -> finding.message().contains("written twice"))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.message()).doesNotContain("line");
              assertThat(finding.related()).isNotEmpty();
              assertThat(finding.related())
                  .allSatisfy(place -> assertThat(place.label()).matches("(first|second) 'Pet'"));
              assertThat(finding.related())
                  .anySatisfy(place -> assertThat(place.region().startLine()).isIn(6, 7));
            });
  }
}
