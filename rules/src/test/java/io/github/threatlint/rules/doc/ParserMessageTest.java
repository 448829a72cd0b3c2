package io.github.threatlint.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.rules.doc.ParserMessage.Kind;
import org.junit.jupiter.api.Test;

class ParserMessageTest {
  @Test
  void aMissingAttributeIsReadWithItsPathAndKey() {
    ParserMessage message =
        ParserMessage.parse("attribute paths.'/pets'(get).responses is missing");
    assertThat(message)
        .isEqualTo(
            new ParserMessage(Kind.MISSING, "paths.'/pets'(get).responses", "responses", null));
  }

  @Test
  void aWrongTypeNamesTheTypeExpected() {
    ParserMessage message =
        ParserMessage.parse("attribute components.schemas.Pet.required is not of type `array`");
    assertThat(message.kind()).isEqualTo(Kind.WRONG_TYPE);
    assertThat(message.key()).isEqualTo("required");
    assertThat(message.expectedType()).isEqualTo("array");
  }

  @Test
  void theOtherVerbsAreKinds() {
    assertThat(ParserMessage.parse("attribute info.foo is unexpected").kind())
        .isEqualTo(Kind.UNEXPECTED);
    assertThat(ParserMessage.parse("attribute a.b is unsupported").kind())
        .isEqualTo(Kind.UNSUPPORTED);
    assertThat(ParserMessage.parse("attribute a.operationId is repeated").kind())
        .isEqualTo(Kind.REPEATED);
    assertThat(
            ParserMessage.parse("attribute a.x-oai-y is reserved by The OpenAPI Initiative").kind())
        .isEqualTo(Kind.RESERVED);
  }

  @Test
  void aKeyRepeatedAtTheEndOfThePathIsWrittenOnce() {
    ParserMessage message =
        ParserMessage.parse("attribute definitions.Pet.type.type is unexpected");
    assertThat(message.path()).isEqualTo("definitions.Pet.type");
    assertThat(message.key()).isEqualTo("type");
  }

  @Test
  void theLastSegmentIgnoresDotsInQuotesBracketsAndParentheses() {
    assertThat(ParserMessage.lastSegment("paths.'/a.b'(get)")).isEqualTo("'/a.b'(get)");
    assertThat(ParserMessage.lastSegment("paths.'/a.b'(get).parameters[x.y].in")).isEqualTo("in");
    assertThat(ParserMessage.lastSegment("info")).isEqualTo("info");
  }

  @Test
  void aMessageInProseIsNoAttributeMessage() {
    assertThat(ParserMessage.parse("Declared path parameter id needs to be defined")).isNull();
  }
}
