package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * How messages name schemas written in other files than the root document: by the parameter,
 * request body or response of the operations that use them, not by the file's inner keys.
 */
class SchemaLabelsAcrossFilesTest {
  private static final Path FOLDER =
      Path.of("src/test/resources/labels/multi-file").toAbsolutePath().normalize();

  @Test
  void namesTheUseOfAFragment() {
    EnabledRule rule =
        new EnabledRule(
            BuiltInRules.byId("string-pattern-missing"),
            Level.NOTE,
            Map.of("includeResponses", true));
    AnalysisResult result =
        TestAnalyzers.create(List.of(rule), FOLDER)
            .analyze(List.of(new Analyzer.Input(FOLDER.resolve("root.yaml"), "root.yaml")));
    Map<String, String> labels = new TreeMap<>();
    for (Finding finding : result.findings()) {
      labels.put(
          finding.file() + "#" + finding.pointer(),
          finding.message().replaceFirst(" is a string .*", ""));
    }
    assertThat(labels)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "root.yaml#/paths/~1deposits~1{depositId}/parameters/0/schema",
                "parameter 'depositId' of /deposits/{depositId}",
                "parameters/page-size.yaml#/schema",
                "parameter 'pageSize' of GET /deposits and 1 other operation",
                "parameters/shared.yaml#/Channel/schema",
                "parameter 'channel' of GET /deposits/{depositId}",
                "responses/deposit.yaml#/headers/X-Branch/schema",
                "header 'X-Branch' of response 200 of GET /deposits and 1 other operation",
                "responses/deposit.yaml#/content/application~1json/schema/properties/note",
                "property 'note' of response 200 of GET /deposits and 1 other operation",
                "paths/deposits.yaml#/post/requestBody/content/application~1json/schema/properties/memo",
                "property 'memo' of the request body of POST /deposits"));
  }
}
