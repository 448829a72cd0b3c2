package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.facts.FactCollector;
import io.github.threatlint.core.source.TreeParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The threat-model facts are taken in the rules' walk; a failure there is one tool error and no
 * facts, while the rules' findings of the document stand.
 */
class FactFailureTest {
  private static final String TEXT =
      """
      openapi: 3.0.3
      info: {title: t, version: '1'}
      paths:
        /a:
          get:
            responses:
              '200': {description: ok}
      """;

  @Test
  void aFailingCollectorCostsTheFactsNotTheFindings() throws Exception {
    ApiDocument document = document();
    List<EnabledRule> rules =
        List.of(new EnabledRule(new RuleDescriptor(WalkRecorder.class), Level.NOTE, Map.of()));
    FactCollector failing =
        new FactCollector(document) {
          @Override
          public void operation(Operation operation) {
            throw new IllegalStateException("cannot take " + operation.label());
          }
        };

    DocumentRun withFailure = DocumentRun.run(document, rules, new Timings(), failing, false);
    DocumentRun without = DocumentRun.run(document(), rules, new Timings(), false, false);

    assertThat(withFailure.facts()).isNull();
    assertThat(withFailure.errors())
        .singleElement()
        .satisfies(
            error ->
                assertThat(error.message())
                    .startsWith("internal error while taking the threat-model facts")
                    .contains("cannot take GET /a"));
    assertThat(withFailure.findings()).isNotEmpty().hasSameSizeAs(without.findings());
    assertThat(DocumentRun.run(document(), rules, new Timings(), true, false).facts()).isNotNull();
  }

  private static ApiDocument document() throws Exception {
    ParsedFile parsed = TreeParser.parse(new SourceFile(null, "api.yaml", TEXT));
    return new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), ExternalFiles.NONE);
  }
}
