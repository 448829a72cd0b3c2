package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a spare core, swagger-parser's model is built beside the walk (for spec-invalid). The rules
 * must find the same either way, and must see the document as written: swagger-parser's 2.0
 * deserializer adds {@code type: string} to an untyped enum of the tree it reads.
 */
class ParserModelAheadTest {
  private static final String SWAGGER_2 =
      """
      swagger: '2.0'
      info: {title: Images, version: 1.0.0}
      paths:
        /images:
          post:
            parameters:
              - in: body
                name: image
                schema: {$ref: '#/definitions/ImageRef'}
            responses: {'201': {description: created}}
      definitions:
        ImageRef:
          type: object
          properties:
            kind:
              enum: [tag, digest]
      """;

  private static List<String> findings(Path spec, int threads) {
    List<EnabledRule> rules = Profile.STRICT.enable(BuiltInRules.all());
    Analyzer analyzer = new Analyzer(rules, 1024 * 1024, threads, file -> ExternalFiles.NONE);
    return analyzer.analyze(List.of(new Analyzer.Input(spec, "images.yaml"))).findings().stream()
        .map(finding -> finding.ruleId() + " " + finding.pointer() + " " + finding.message())
        .toList();
  }

  @TempDir Path dir;

  @Test
  void theModelBuiltAheadChangesNeitherTheFindingsNorTheTree() throws IOException {
    Path spec = Files.writeString(dir.resolve("images.yaml"), SWAGGER_2);
    List<String> alone = findings(spec, 1);
    List<String> ahead = findings(spec, 2);
    assertThat(ahead).isEqualTo(alone);
    assertThat(alone)
        .anyMatch(
            finding -> finding.startsWith("schema-additional-properties /definitions/ImageRef "));

    Analyzer analyzer =
        new Analyzer(
            Profile.STRICT.enable(BuiltInRules.all()), 1024 * 1024, 1, file -> ExternalFiles.NONE);
    JsonNode[] kind = new JsonNode[1];
    analyzer.analyze(
        List.of(new Analyzer.Input(spec, "images.yaml")),
        (index, analysis) ->
            kind[0] =
                analysis.document().rootFile().root().at("/definitions/ImageRef/properties/kind"));
    assertThat(kind[0].has("type")).as("the tree the rules read after spec-invalid ran").isFalse();
  }
}
