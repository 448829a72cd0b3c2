package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

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
  void segmentsRoundTripEscapedKeys() {
    String pointer = Pointers.child(Pointers.child("", "paths"), "/a~b/{id}");
    assertThat(Pointers.segments(pointer)).containsExactly("paths", "/a~b/{id}");
  }
}
