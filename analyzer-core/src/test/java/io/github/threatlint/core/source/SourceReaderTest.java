package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reading a file's bytes into an array of the size the file system reported, as it changes, and
 * decoding them.
 */
class SourceReaderTest {
  private static final byte[] TEN = "0123456789".getBytes(StandardCharsets.US_ASCII);

  @Test
  void readsWhatTheSizeSays() throws IOException {
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 10, 100)).isEqualTo(TEN);
  }

  @Test
  void readsAFileThatGrewSinceItsSizeWasRead() throws IOException {
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 4, 100)).isEqualTo(TEN);
    // a file system that reports no size (a regular file of /proc)
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 0, 100)).isEqualTo(TEN);
  }

  @Test
  void readsAFileThatShrankSinceItsSizeWasRead() throws IOException {
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 20, 100)).isEqualTo(TEN);
  }

  @Test
  void readsNoMoreThanTheLimit() throws IOException {
    byte[] six = "012345".getBytes(StandardCharsets.US_ASCII);
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 4, 6)).isEqualTo(six);
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(TEN), 10, 6)).isEqualTo(six);
  }

  @Test
  void readsALargeFileWholeThroughShortReads() throws IOException {
    byte[] large = new byte[3 * 64 * 1024 + 5];
    for (int i = 0; i < large.length; i++) {
      large[i] = (byte) i;
    }
    // a stream that gives at most 1,000 bytes per read, as a pipe or a network file system may
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(large)) {
          @Override
          public int read(byte[] bytes, int offset, int length) throws IOException {
            return super.read(bytes, offset, Math.min(length, 1000));
          }
        };
    assertThat(SourceReader.readUpTo(trickle, large.length, large.length + 1)).isEqualTo(large);
    assertThat(SourceReader.readUpTo(new ByteArrayInputStream(large), large.length, 1 << 20))
        .isEqualTo(large);
  }

  /** One, two, three and four bytes per character: the halves may meet inside any of them. */
  private static final String MIXED = "a\u00e9\u20ac\uD83D\uDE00";

  /** A UTF-8 text large enough to be decoded in halves, after {@code shift} ASCII bytes. */
  private static byte[] large(int shift) {
    String text = "x".repeat(shift) + MIXED.repeat(SourceReader.HALVES_FROM_BYTES / MIXED.length());
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void decodesALargeTextInHalvesAsWhole() throws SourceException {
    // MIXED is 10 bytes: the middle falls on each byte of it in turn
    for (int shift = 0; shift < 20; shift++) {
      byte[] bytes = large(shift);
      assertThat(SourceReader.decode(bytes, "large.json"))
          .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = large(0);
    byte[] withBom = Arrays.copyOf(bom, bom.length + text.length);
    System.arraycopy(text, 0, withBom, bom.length, text.length);
    assertThat(SourceReader.decode(withBom, "large.json"))
        .isEqualTo(new String(text, StandardCharsets.UTF_8));
  }

  @Test
  void namesTheFirstMalformedBytesOfALargeTextInEitherHalf() {
    byte[] bytes = large(0);
    int late = bytes.length - 7;
    int early = 101;
    byte[] second = bytes.clone();
    second[late] = (byte) 0xFF;
    assertMalformedAt(second, late);
    byte[] both = second.clone();
    both[early] = (byte) 0xFF;
    assertMalformedAt(both, early);
    // a character cut at the end
    assertMalformedAt(Arrays.copyOf(bytes, bytes.length - 1), bytes.length - 4);
    // a lone continuation byte just where the halves would meet
    byte[] middle = new byte[2 * SourceReader.HALVES_FROM_BYTES];
    Arrays.fill(middle, (byte) 'a');
    middle[middle.length / 2] = (byte) 0x80;
    assertMalformedAt(middle, middle.length / 2);
  }

  private static void assertMalformedAt(byte[] bytes, int offset) {
    assertThatThrownBy(() -> SourceReader.decode(bytes, "large.json"))
        .isInstanceOfSatisfying(
            SourceException.class,
            e ->
                assertThat(e.oneLine())
                    .isEqualTo(
                        "large.json: error: not valid UTF-8 text (malformed bytes at offset "
                            + offset
                            + ")"));
  }
}
