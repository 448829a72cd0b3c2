package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Pointer segments decode as RFC 6901 says: "~1" before "~0", so "~01" is "~1", not "/". */
class PointersTest {
  @Test
  void unescapeDecodesEachEscapeWhereItStarts() {
    assertThat(Pointers.unescape("~1v1~1customers")).isEqualTo("/v1/customers");
    assertThat(Pointers.unescape("a~0b")).isEqualTo("a~b");
    assertThat(Pointers.unescape("~01")).isEqualTo("~1");
    assertThat(Pointers.unescape("~~1")).isEqualTo("~/");
    assertThat(Pointers.unescape("~2~")).isEqualTo("~2~");
    assertThat(Pointers.unescape("plain")).isEqualTo("plain");
  }

  @Test
  void appendEscapedAppendsTheEscapedKey() {
    for (String key : new String[] {"plain", "/v1/a/b/c/d/e/f/{id}", "~/~~//", "", "é/ü"}) {
      StringBuilder to = new StringBuilder("/x");
      Pointers.appendEscaped(key, to);
      assertThat(to.toString()).isEqualTo("/x" + Pointers.escape(key));
    }
  }

  @Test
  void segmentsRoundTripEscapedKeys() {
    String pointer = Pointers.child(Pointers.child("", "paths"), "/a~b/{id}");
    assertThat(Pointers.segments(pointer)).containsExactly("paths", "/a~b/{id}");
  }

  @Test
  void nodeAtReadsSegmentsAsJsonNodeAtReadsThePointer() throws Exception {
    JsonNode root =
        new ObjectMapper()
            .readTree(
                "{\"paths\": {\"/a~b\": {\"parameters\": [{\"in\": \"query\"}, 7]}}, \"01\": 1}");
    for (String pointer :
        new String[] {
          "",
          "/paths",
          "/paths/~1a~0b/parameters/0/in",
          "/paths/~1a~0b/parameters/1",
          "/paths/~1a~0b/parameters/01",
          "/paths/~1a~0b/parameters/2",
          "/paths/~1a~0b/parameters/x",
          "/paths/~1a~0b/parameters/1/in",
          "/01",
          "/missing/deeper"
        }) {
      JsonNode expected = root.at(pointer);
      JsonNode found =
          Pointers.nodeAt(root, Pointers.segments(pointer), Pointers.segments(pointer).size());
      assertThat(found).as(pointer).isEqualTo(expected.isMissingNode() ? null : expected);
    }
    assertThat(Pointers.nodeAt(root, Pointers.segments("/paths/~1a~0b/parameters/0/in"), 2))
        .isSameAs(root.get("paths").get("/a~b"));
  }
}
