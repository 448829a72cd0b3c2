package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.source.TreeParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared facts of a document are timed on their own, each without the facts it asked for, and
 * not charged to the rule that asked first.
 */
class TimingsTest {
  /** A fact that asks for two others while it is worked out. */
  static final class Nested implements ApiDocument.Fact<Integer> {
    @Override
    public Integer compute(ApiDocument document) {
      return document.referenceUsers().hashCode() + document.schemaUsage().hashCode();
    }
  }

  private static final Nested NESTED = new Nested();

  @RuleInfo(
      id = "test-asks-facts",
      title = "Asks for facts",
      description = "Asks for the document's shared facts.",
      level = Level.NOTE,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class AsksFacts implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {
      document.fact(NESTED);
      document.allOperations();
    }
  }

  @Test
  void sharedFactsAreTimedApartFromTheRuleThatAsked() throws Exception {
    ParsedFile parsed =
        TreeParser.parse(
            new SourceFile(
                null,
                "api.yaml",
                "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n"
                    + "paths: {/a: {get: {responses: {'200': {description: ok}}}}}\n"));
    ApiDocument document =
        new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), ExternalFiles.NONE);
    Timings timings = new Timings();
    timings.timeRules();

    DocumentRun.run(
        document,
        List.of(new EnabledRule(new RuleDescriptor(AsksFacts.class), Level.NOTE, Map.of())),
        timings,
        false,
        false);

    assertThat(document.factNanosByName())
        .containsOnlyKeys("Nested", "reference-users", "schema-usage", "operations");
    // each fact counts without the facts it asked for: together they are the time of them all
    assertThat(document.factNanosByName().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(document.factNanos());
    assertThat(timings.slowestFacts(8))
        .contains("Nested=", "reference-users=", "schema-usage=", "operations=");
    assertThat(timings.slowestRules(8)).startsWith("test-asks-facts=");
  }
}
