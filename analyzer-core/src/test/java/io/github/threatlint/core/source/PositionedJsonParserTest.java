package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The parser's positions read from its fields are the ones of Jackson's location objects. */
class PositionedJsonParserTest {
  /** Names and values across LF, CR LF and lone CR, non-ASCII text and a surrogate pair. */
  private static final String MEMBERS =
      "{\"a\": 1,\r\n  \"é\"  :\n\"x\\\"y\", \"\uD83D\uDE00\": [true, null,\r{\"k\":-2.5e3}],\r\n"
          + " \"long\": \"";

  @Test
  void givesTheLocationsOfASmallText() throws IOException {
    // Jackson reads a text of up to 32,768 characters from a copy of them
    assertSameLocations(MEMBERS + "z\"}\n");
  }

  @Test
  void givesTheLocationsOfALargeTextAcrossItsBuffers() throws IOException {
    // a larger one through a reader, 4,000 characters at a time: tokens and lines cross the ends
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < 3000; i++) {
      text.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "\r\n" : i % 5 == 0 ? "\r" : " ");
      text.append(MEMBERS).append("z".repeat(i % 13)).append("\"}");
    }
    assertSameLocations(text.append("]").toString());
  }

  private static void assertSameLocations(String text) throws IOException {
    try (PositionedJsonParser parser = (PositionedJsonParser) TreeParser.JSON.createParser(text)) {
      int tokens = 0;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          parser.getText(); // as the tree parser does, reading the whole string
        }
        JsonLocation current = parser.currentLocation();
        assertThat(parser.currentLine()).isEqualTo(current.getLineNr());
        assertThat(parser.currentColumn()).isEqualTo(current.getColumnNr());
        if (token == JsonToken.FIELD_NAME) {
          JsonLocation name = parser.currentTokenLocation();
          assertThat(parser.nameLine()).isEqualTo(name.getLineNr());
          assertThat(parser.nameColumn()).isEqualTo(name.getColumnNr());
        }
        tokens++;
      }
      assertThat(tokens).isGreaterThan(10);
    }
  }
}
