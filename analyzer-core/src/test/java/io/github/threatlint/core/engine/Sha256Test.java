package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Sha256} hashes as the JDK's SHA-256 does, whole or begun and restored. */
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
  void aHashRestoredGoesOnFromWhereItWasTaken() throws Exception {
    Random random = new Random(21);
    Sha256 sha256 = new Sha256();
    for (int i = 0; i < 500; i++) {
      String start = text(random, random.nextInt(200));
      String rest = text(random, random.nextInt(200));
      Sha256.Begun begun = sha256.reset().update(start).begun();
      // used in between for another text
      sha256.reset().update(rest).hex(16);
      assertThat(sha256.restore(begun).update(rest).hex(16))
          .isEqualTo(jdk(start + rest).substring(0, 32));
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
