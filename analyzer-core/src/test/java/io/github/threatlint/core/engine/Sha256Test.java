package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Sha256} hashes as the JDK's SHA-256 does, whole or after the last text like it. */
class Sha256Test {
  @Test
  void textsOfEveryLengthAroundTheBlocksHashAsTheJdksSha256() throws Exception {
    Random random = new Random(14);
    Sha256 sha256 = new Sha256();
    for (int length = 0; length <= 300; length++) {
      String text = text(random, length);
      assertThat(sha256.reset().update(text).hex(32)).as("length %d", length).isEqualTo(jdk(text));
    }
  }

  @Test
  void textsThatBeginAlikeHashAsTheJdksSha256() throws Exception {
    Random random = new Random(21);
    Sha256 sha256 = new Sha256();
    for (int i = 0; i < 100; i++) {
      String beginning = text(random, random.nextInt(200));
      Sha256.Texts texts = new Sha256.Texts(beginning);
      String last = "";
      for (int j = 0; j < 30; j++) {
        // the last one's start (any length, ending at a block or not) or another text, and more
        String rest =
            (random.nextBoolean() ? last.substring(0, random.nextInt(last.length() + 1)) : "")
                + text(random, random.nextInt(150));
        if (rest.length() > 0 && Character.isHighSurrogate(rest.charAt(rest.length() - 1))) {
          rest += "\ude00";
        }
        if (random.nextInt(10) == 0) {
          // used in between for another text
          sha256.reset().update(rest).hex(16);
        }
        assertThat(sha256.hex(texts, rest.getBytes(StandardCharsets.UTF_8), 16))
            .as("%s + %s", beginning, rest)
            .isEqualTo(jdk(beginning + rest).substring(0, 32));
        last = rest;
      }
    }
  }

  @Test
  void aTextAgainAndTextsEndingAtABlockHashAsTheJdksSha256() throws Exception {
    Sha256 sha256 = new Sha256();
    for (String beginning : List.of("", "r\n", "x".repeat(63), "x".repeat(64), "x".repeat(65))) {
      Sha256.Texts texts = new Sha256.Texts(beginning);
      for (String rest :
          List.of("", "", "a".repeat(64), "a".repeat(64), "a".repeat(128), "a".repeat(63), "")) {
        assertThat(sha256.hex(texts, rest.getBytes(StandardCharsets.UTF_8), 32))
            .isEqualTo(jdk(beginning + rest));
      }
    }
  }

  @Test
  void aKnownDigest() {
    assertThat(new Sha256().update("abc").hex(32))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /** ASCII and beyond, one to four bytes of UTF-8 a character. */
  private static String text(Random random, int length) {
    String[] characters = {"a", "b", "/", "~", "\n", "\u00e9", "\u4e2d", "\ud83d\ude00"};
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append(characters[random.nextInt(characters.length)]);
    }
    return text.toString();
  }

  private static String jdk(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
