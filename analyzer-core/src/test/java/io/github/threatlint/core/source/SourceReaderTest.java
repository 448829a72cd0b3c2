package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading a file's bytes into an array of the size the file system reported, as it changes. */
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
}
