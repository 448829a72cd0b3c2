package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
}
