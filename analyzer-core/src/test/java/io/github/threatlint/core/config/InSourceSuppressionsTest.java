package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InSourceSuppressionsTest {
  private static final List<EnabledRule> FLAGGED =
      List.of(new EnabledRule(new RuleDescriptor(TestRules.Flagged.class), Level.ERROR, Map.of()));
  private final TestProject project;

  InSourceSuppressionsTest() throws Exception {
    project = new TestProject();
  }

  @AfterEach
  void close() throws Exception {
    project.close();
  }

  @Test
  void suppressesTheObjectAndEverythingBelowItForTheNamedRulesOnly() throws Exception {
    project.write(
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /reviewed:
            x-threatlint-ignore:
              test-flagged: Reviewed with the security team.
            get:
              x-flag: below a map with a reason
              responses: {'200': {description: ok}}
          /other-rule:
            get:
              x-threatlint-ignore: [some-other-rule]
              x-flag: names another rule
              responses: {'200': {description: ok}}
          /sibling:
            get:
              x-flag: beside, not below
              responses: {'200': {description: ok}}
        components:
          schemas:
            Listed:
              x-threatlint-ignore: [some-other-rule, test-flagged]
              x-flag: on the object itself
              properties:
                inner:
                  x-flag: nested two levels below
            Single:
              x-threatlint-ignore: test-flagged
              x-flag: a single rule id
            EmptyReason:
              x-threatlint-ignore: {test-flagged: ""}
              x-flag: a map without reason
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.yaml");
    assertThat(TestProject.describe(result))
        .containsExactly(
            "api.yaml:7 /paths/~1reviewed/get flagged: below a map with a reason [inSource: Reviewed with the security team.]",
            "api.yaml:11 /paths/~1other-rule/get flagged: names another rule",
            "api.yaml:16 /paths/~1sibling/get flagged: beside, not below",
            "api.yaml:21 /components/schemas/Listed flagged: on the object itself"
                + " [inSource: x-threatlint-ignore at /components/schemas/Listed]",
            "api.yaml:25 /components/schemas/Listed/properties/inner flagged: nested two levels below"
                + " [inSource: x-threatlint-ignore at /components/schemas/Listed]",
            "api.yaml:27 /components/schemas/Single flagged: a single rule id"
                + " [inSource: x-threatlint-ignore at /components/schemas/Single]",
            "api.yaml:30 /components/schemas/EmptyReason flagged: a map without reason"
                + " [inSource: x-threatlint-ignore at /components/schemas/EmptyReason]");
    assertThat(result.count(Level.NOTE)).isEqualTo(2);
    assertThat(result.suppressedCount()).isEqualTo(5);
  }

  @Test
  void aSuppressionAtTheRootCoversTheWholeFile() throws Exception {
    project.write(
        "api.yaml",
        """
        openapi: 3.0.3
        x-threatlint-ignore:
          test-flagged: Generated from an old gateway export.
        info: {title: t, version: '1', x-flag: info}
        paths:
          /a:
            get:
              x-flag: operation
              responses: {'200': {description: ok}}
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.yaml");
    assertThat(result.findings())
        .hasSize(2)
        .allSatisfy(
            finding ->
                assertThat(finding.suppression().reason())
                    .isEqualTo("Generated from an old gateway export."));
  }

  @Test
  void worksInAReferencedFileByTheAncestorsThere() throws Exception {
    project.write(
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /things:
            x-threatlint-ignore: [test-flagged]
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'schemas/common.yaml#/Owned'}
                '404':
                  description: none
                  content:
                    application/json:
                      schema: {$ref: 'schemas/common.yaml#/Shared'}
        """);
    project.write(
        "schemas/common.yaml",
        """
        Shared:
          x-threatlint-ignore:
            test-flagged: Owned by the platform team.
          type: object
          properties:
            id:
              x-flag: in the fragment, below its suppression
        Owned:
          type: object
          x-flag: in the fragment, not suppressed there
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.yaml");
    // the path item's suppression covers its own file only: the referenced schema is checked in its
    // file
    assertThat(TestProject.describe(result))
        .containsExactly(
            "schemas/common.yaml:6 /Shared/properties/id flagged: in the fragment, below its suppression"
                + " [inSource: Owned by the platform team.]",
            "schemas/common.yaml:8 /Owned flagged: in the fragment, not suppressed there");
  }

  @Test
  void worksInSwagger20AndJson() throws Exception {
    project.write(
        "api.json",
        """
        {
          "swagger": "2.0",
          "info": {"title": "t", "version": "1"},
          "paths": {
            "/a": {
              "get": {
                "x-threatlint-ignore": {"test-flagged": "JSON too"},
                "x-flag": "json",
                "responses": {"200": {"description": "ok"}}
              }
            }
          }
        }
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.json");
    assertThat(TestProject.describe(result))
        .containsExactly("api.json:6 /paths/~1a/get flagged: json [inSource: JSON too]");
  }

  /** A file whose text does not name the key (it spells it with an escape) is searched too. */
  @Test
  void findsTheKeyWrittenWithAnEscape() throws Exception {
    project.write(
        "api.json",
        """
        {
          "swagger": "2.0",
          "info": {"title": "t", "version": "1"},
          "paths": {
            "/a": {
              "get": {
                "x\\u002dthreatlint-ignore": ["test-flagged"],
                "x-flag": "escaped",
                "responses": {"200": {"description": "ok"}}
              }
            }
          }
        }
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.json");
    assertThat(TestProject.describe(result))
        .containsExactly(
            "api.json:6 /paths/~1a/get flagged: escaped [inSource: x-threatlint-ignore at /paths/~1a/get]");
  }

  /**
   * YAML's escapes ({@code \x}, {@code \U}) spell the key too, next to escapes of other characters,
   * which alone would leave the tree unread.
   */
  @Test
  void findsTheKeyWrittenWithYamlEscapes() throws Exception {
    project.write(
        "api.yaml",
        """
        openapi: 3.0.3
        info: {title: t, version: '1', description: "less than \\u003c"}
        paths:
          /a:
            get:
              "x\\x2dthreatlint\\U0000002dignore": [test-flagged]
              x-flag: escaped
              responses: {'200': {description: ok}}
        """);
    AnalysisResult result = project.analyze(FLAGGED, "api.yaml");
    assertThat(TestProject.describe(result))
        .containsExactly(
            "api.yaml:5 /paths/~1a/get flagged: escaped [inSource: x-threatlint-ignore at /paths/~1a/get]");
  }
}
