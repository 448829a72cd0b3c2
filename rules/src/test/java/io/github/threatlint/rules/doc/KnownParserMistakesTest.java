package io.github.threatlint.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

class KnownParserMistakesTest {
  private static KnownParserMistakes mistakes(SpecVersion version, String yaml) throws Exception {
    return new KnownParserMistakes(document(version, yaml));
  }

  private static ApiDocument document(SpecVersion version, String yaml) throws Exception {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "api.yaml", yaml));
    return new ApiDocument(file, version, ExternalFiles.NONE);
  }

  @Test
  void extensionsDuplicateOperationIdsAndUnresolvedReferencesAreOtherRulesOrAllowed()
      throws Exception {
    KnownParserMistakes mistakes = mistakes(SpecVersion.OPENAPI_3_0, "openapi: 3.0.3\n");
    assertThat(mistakes.dropsMessage(ParserMessage.parse("attribute info.x-logo is unexpected")))
        .isTrue();
    assertThat(
            mistakes.dropsMessage(ParserMessage.parse("attribute paths.operationId is repeated")))
        .isTrue();
    assertThat(
            mistakes.dropsMessage(
                ParserMessage.parse("attribute #/components/schemas/Nope is missing")))
        .isTrue();
    assertThat(mistakes.dropsMessage(ParserMessage.parse("attribute info.foo is unexpected")))
        .isFalse();
  }

  @Test
  void externalDocsOnASwagger2SchemaIsAllowedThoughSwaggerParserSaysOtherwise() throws Exception {
    String message = "attribute definitions.Pet.externalDocs is unexpected";
    assertThat(
            mistakes(SpecVersion.SWAGGER_2_0, "swagger: '2.0'\n")
                .dropsMessage(ParserMessage.parse(message)))
        .isTrue();
    assertThat(
            mistakes(SpecVersion.OPENAPI_3_0, "openapi: 3.0.3\n")
                .dropsMessage(ParserMessage.parse(message)))
        .isFalse();
  }

  @Test
  void aMemberOfANamedMapIsNoUnexpectedField() throws Exception {
    String yaml =
        """
        openapi: 3.0.3
        components:
          schemas:
            Pet: {type: object}
        """;
    ApiDocument document = document(SpecVersion.OPENAPI_3_0, yaml);
    KnownParserMistakes mistakes = new KnownParserMistakes(document);
    ParserMessage message = ParserMessage.parse("attribute components.schemas.Pet is unexpected");
    assertThat(mistakes.dropsTarget(message, document.root().at("/components/schemas/Pet")))
        .isTrue();
    assertThat(mistakes.dropsTarget(message, document.root().at("/components"))).isFalse();
  }

  @Test
  void aTypeListInASwagger2SchemaIsDraft4() throws Exception {
    String yaml =
        """
        swagger: '2.0'
        definitions:
          Pet: {type: [object, 'null']}
        """;
    ApiDocument document = document(SpecVersion.SWAGGER_2_0, yaml);
    ParserMessage message =
        ParserMessage.parse("attribute definitions.Pet.type is not of type `string`");
    assertThat(
            new KnownParserMistakes(document)
                .dropsTarget(message, document.root().at("/definitions/Pet/type")))
        .isTrue();
  }

  @Test
  void messagesInProseThatSpecInvalidWordsItselfAreDropped() {
    assertThat(KnownParserMistakes.dropsWarning("Declared path parameter id needs to be defined"))
        .isTrue();
    assertThat(KnownParserMistakes.dropsWarning("Resource pets should start with /")).isFalse();
  }
}
