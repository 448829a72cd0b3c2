package io.github.threatlint.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.TreeParser;
import org.junit.jupiter.api.Test;

class ParserMessageWordingTest {
  private static final String YAML =
      """
      openapi: 3.0.3
      info: {title: t, version: '1', foo: 1}
      paths:
        /pets:
          get:
            parameters:
              - {name: id, in: body}
            responses: {}
      webhooks:
        newPet:
          post: {}
      """;

  private static ApiDocument document() throws Exception {
    return new ApiDocument(
        TreeParser.parse(new SourceFile(null, "api.yaml", YAML)),
        SpecVersion.OPENAPI_3_0,
        ExternalFiles.NONE);
  }

  @Test
  void placesAreNamedByOperationPathOrDottedPointer() throws Exception {
    ApiDocument document = document();
    assertThat(ParserMessageWording.describe(document.root())).isEqualTo("the document root");
    assertThat(ParserMessageWording.describe(document.root().at("/paths/~1pets/get/responses")))
        .isEqualTo("GET /pets (responses)");
    assertThat(ParserMessageWording.describe(document.root().at("/paths/~1pets")))
        .isEqualTo("path '/pets'");
    assertThat(ParserMessageWording.describe(document.root().at("/webhooks/newPet/post")))
        .isEqualTo("webhook POST newPet");
    assertThat(ParserMessageWording.describe(document.root().at("/info/title")))
        .isEqualTo("info.title");
  }

  @Test
  void eachKindSaysWhatIsWrongAndWhatToDo() throws Exception {
    ApiDocument document = document();
    ParserMessageWording wording = new ParserMessageWording(document);
    assertThat(
            wording.message(
                ParserMessage.parse("attribute info.foo is unexpected"),
                document.root().at("/info/foo")))
        .isEqualTo(
            "Unknown field 'foo' in info: remove it, or rename it to 'x-foo' if it is an extension.");
    assertThat(
            wording.message(
                ParserMessage.parse("attribute paths.'/pets'(get).responses is missing"),
                document.root().at("/paths/~1pets/get/responses")))
        .isEqualTo("'responses' in GET /pets is empty: it must have at least one entry.");
    assertThat(
            wording.message(
                ParserMessage.parse(
                    "attribute paths.'/pets'(get).parameters.in is not of type `string`"),
                document.root().at("/paths/~1pets/get/parameters/0/in")))
        .isEqualTo(
            "'in' in GET /pets (parameters.0) has the value 'body', which is not allowed here"
                + " (query, header, path or cookie).");
  }
}
