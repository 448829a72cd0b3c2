package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IndentationTest {
  @Test
  void writesWhatJacksonsDefaultPrettyPrinterWritesAtEveryDepth() throws IOException {
    // deeper than the depths made ahead (an object in an array is one deeper than the array),
    // with empty objects and arrays of objects on the way
    assertThat(nested(Indentation::prettyPrint))
        .isEqualTo(nested(JsonGenerator::useDefaultPrettyPrinter))
        .contains("\n" + "  ".repeat(21) + "\"depth\" : 20");
  }

  private static String nested(Consumer<JsonGenerator> prettyPrint) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (JsonGenerator json = SarifReporter.JSON.createGenerator(text, JsonEncoding.UTF8)) {
      prettyPrint.accept(json);
      for (int depth = 0; depth < 21; depth++) {
        json.writeStartObject();
        json.writeNumberField("depth", depth);
        json.writeStringField("text", "na\u00efve \uD83D\uDE00");
        json.writeObjectFieldStart("empty");
        json.writeEndObject();
        json.writeArrayFieldStart("items");
      }
      for (int depth = 0; depth < 21; depth++) {
        json.writeEndArray();
        json.writeEndObject();
      }
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
