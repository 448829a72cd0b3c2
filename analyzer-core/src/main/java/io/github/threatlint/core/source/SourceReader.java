package io.github.threatlint.core.source;

import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Reads a file's bytes into text once: UTF-8 (strict), or UTF-16 when a byte order mark says so.
 * Only regular files are read (never a device, FIFO or socket), and never more than the size limit.
 */
public final class SourceReader {
  /** Default size limit: larger than any real specification, small enough to bound memory. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  /**
   * The largest file that fits in memory as one text: a size limit above it is refused where it is
   * given.
   */
  public static final long MAX_SUPPORTED_BYTES = 1024L * 1024 * 1024;

  private final long maxBytes;
  private final String limitHint;

  /** A reader for specifications, whose limit the user sets with --max-file-size. */
  public SourceReader(long maxBytes) {
    this(maxBytes, " (raise it with --max-file-size)");
  }

  /**
   * @param limitHint what the size error adds to say how the limit is raised ("" when it cannot be)
   */
  public SourceReader(long maxBytes, String limitHint) {
    this.maxBytes = Math.min(maxBytes, MAX_SUPPORTED_BYTES);
    this.limitHint = limitHint;
  }

  public SourceFile read(Path path, String displayPath) throws SourceException {
    try {
      // checked before opening: opening a FIFO blocks until a writer comes, and a device never ends
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        throw new SourceException(displayPath, 0, 0, "is a directory, not a specification file");
      }
      if (!attributes.isRegularFile()) {
        throw new SourceException(
            displayPath,
            0,
            0,
            "is not a regular file (a device, FIFO or socket); only regular files are read");
      }
      if (attributes.size() > maxBytes) {
        throw tooLarge(displayPath, attributes.size());
      }
      try (InputStream in = Files.newInputStream(path)) {
        // the limit holds on what is read, whatever size the file system reported
        byte[] bytes =
            readUpTo(in, attributes.size(), (int) Math.min(MAX_SUPPORTED_BYTES, maxBytes) + 1);
        if (bytes.length > maxBytes) {
          throw tooLarge(displayPath, -1);
        }
        return decode(path, displayPath, bytes);
      }
    } catch (NoSuchFileException e) {
      throw new SourceException(displayPath, 0, 0, "no such file");
    } catch (AccessDeniedException e) {
      throw new SourceException(displayPath, 0, 0, "permission denied");
    } catch (IOException e) {
      throw new SourceException(displayPath, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads at most {@code limit} bytes, as {@code in.readNBytes(limit)} does, into an array of the
   * size the file system reported: {@code readNBytes} gathers the file in 8 KB pieces and copies
   * them again into the array it returns (a 4 MB specification: twice the memory, on the path every
   * other step waits for).
   */
  static byte[] readUpTo(InputStream in, long size, int limit) throws IOException {
    byte[] bytes = new byte[(int) Math.min(size, limit)];
    int read = readFully(in, bytes);
    if (read < bytes.length) {
      return Arrays.copyOf(bytes, read); // the file shrank since its size was read
    }
    byte[] more = in.readNBytes(limit - read); // or grew
    if (more.length == 0) {
      return bytes;
    }
    byte[] all = Arrays.copyOf(bytes, read + more.length);
    System.arraycopy(more, 0, all, read, more.length);
    return all;
  }

  /** The largest piece asked of the stream at once (see {@link #readFully}). */
  private static final int PIECE = 64 * 1024;

  /**
   * Fills {@code bytes} from the stream, or as much of it as the stream holds; returns how many it
   * read. In pieces of at most {@link #PIECE} bytes: a file's stream reads each request through a
   * direct buffer as large as the request, which the JDK allocates and zeroes the first time a
   * thread asks for that much (a 4 MB specification: 4 MB of fresh memory zeroed, 3 ms of the read
   * that every later step waits for); a piece's buffer is small, made once and reused.
   */
  static int readFully(InputStream in, byte[] bytes) throws IOException {
    int read = 0;
    while (read < bytes.length) {
      int piece = in.read(bytes, read, Math.min(PIECE, bytes.length - read));
      if (piece < 0) {
        break;
      }
      read += piece;
    }
    return read;
  }

  /**
   * @param size the size the file system reports, or -1 when the file grew beyond the limit while
   *     read
   */
  private SourceException tooLarge(String displayPath, long size) {
    return new SourceException(
        displayPath,
        0,
        0,
        "the file has "
            + (size < 0 ? "" : size + " bytes, ")
            + "more than the limit of "
            + maxBytes
            + " bytes"
            + limitHint);
  }

  public SourceFile read(InputStream in, String displayPath) throws SourceException {
    try {
      byte[] bytes = in.readNBytes((int) maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new SourceException(
            displayPath,
            0,
            0,
            "the input is larger than the limit of " + maxBytes + " bytes" + limitHint);
      }
      return decode(null, displayPath, bytes);
    } catch (IOException e) {
      throw new SourceException(displayPath, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  static String decode(byte[] bytes, String displayPath) throws SourceException {
    return decode(null, displayPath, bytes).text();
  }

  private static SourceFile decode(Path path, String displayPath, byte[] bytes)
      throws SourceException {
    // checked before UTF-16, whose little-endian byte order mark begins UTF-32's
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      throw new SourceException(
          displayPath,
          1,
          1,
          "UTF-32 text (a UTF-32 byte order mark), not supported; save the file as UTF-8");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new SourceFile(
          path,
          displayPath,
          strict(StandardCharsets.UTF_16BE.newDecoder(), bytes, 2, displayPath, "UTF-16"));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new SourceFile(
          path,
          displayPath,
          strict(StandardCharsets.UTF_16LE.newDecoder(), bytes, 2, displayPath, "UTF-16"));
    }
    int skip =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    for (int i = skip; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        throw new SourceException(
            displayPath,
            0,
            0,
            "binary content (a NUL byte at offset " + i + "), not a YAML or JSON text");
      }
    }
    if (bytes.length - skip >= HALVES_FROM_BYTES) {
      SourceFile source = utf8InHalves(path, displayPath, bytes, skip);
      if (source != null) {
        return source;
      }
    }
    return new SourceFile(
        path,
        displayPath,
        strict(StandardCharsets.UTF_8.newDecoder(), bytes, skip, displayPath, "UTF-8"));
  }

  /** From this many bytes a UTF-8 text is decoded in two halves at once (Stripe's JSON: 4 MB). */
  static final int HALVES_FROM_BYTES = 1 << 20;

  /**
   * Decodes a large UTF-8 text in two halves, the second on a thread of its own, into one array:
   * the decoding is a quarter of the read and parse that every later step waits for, while the
   * other core is partly idle. The halves meet before a byte that does not continue a character, so
   * that valid text decodes as it does whole. Returns null when a half is not valid UTF-8: the
   * whole text is then decoded again, to name the offset of its first malformed bytes.
   *
   * <p>The file comes with the decoded characters, which Jackson parses without a copy (making the
   * String on this thread and reading it back through a StringReader were two copies of the text,
   * 12-13 of the 65 samples of a cold Stripe JSON read and parse), and its String is made from them
   * only when asked ({@link TextOfChars}).
   */
  private static SourceFile utf8InHalves(Path path, String displayPath, byte[] bytes, int offset) {
    int middle = offset + (bytes.length - offset) / 2;
    while (middle < bytes.length && (bytes[middle] & 0xC0) == 0x80) {
      middle++;
    }
    // at most one char per byte, so the second half can start where the first half's bytes end
    char[] chars = new char[bytes.length - offset];
    SecondHalf second = new SecondHalf(bytes, middle, chars, middle - offset);
    second.start();
    int firstLength = decodeInto(bytes, offset, middle, chars, 0);
    try {
      second.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (firstLength < 0 || second.length < 0) {
      return null;
    }
    System.arraycopy(chars, second.at, chars, firstLength, second.length);
    int length = firstLength + second.length;
    if (length > CHARS_UP_TO) {
      return new SourceFile(path, displayPath, new String(chars, 0, length));
    }
    return new SourceFile(path, displayPath, chars, length, new TextOfChars(chars, length));
  }

  /**
   * The longest text that comes with its decoded characters (16 MB of them), which are then held
   * instead of its String for as long as the file is (as much memory for a text that is not
   * Latin-1, twice as much for one that is). When the String was made beside them and a young
   * collection fell inside the parse, as on GitHub's 12.5 million chars, the characters were copied
   * to the old generation: 24 MB more peak memory. A longer text is made a String here, as before,
   * and the array dropped.
   */
  static final int CHARS_UP_TO = 1 << 23;

  /**
   * A decoded text's String, made from its characters the first time it is asked, if ever. A check
   * of a JSON file does not ask: the parser reads the characters, and the line starts and the
   * text's length come from them. Made at once on a thread of its own, the String of Stripe's JSON
   * was 12.5 MB of the run's allocation (a Latin-1 attempt of 4 MB, then the UTF-16 copy), which
   * with SARIF's chunks made the difference between one young collection and none (13-33 ms with
   * every thread stopped); held instead of it, the characters take as much memory as it took. The
   * characters are not changed after the file is read.
   */
  private static final class TextOfChars implements Supplier<String> {
    private char[] chars;
    private final int length;
    private String text;

    TextOfChars(char[] chars, int length) {
      this.chars = chars;
      this.length = length;
    }

    @Override
    public synchronized String get() {
      if (text == null) {
        text = new String(chars, 0, length);
        chars = null; // the String holds the text now
      }
      return text;
    }
  }

  /**
   * The thread that decodes the second half. A class, not a lambda: linking a lambda's call site on
   * a cold JVM goes through the JDK's method handles, 2 ms on the path this thread shortens.
   */
  private static final class SecondHalf extends Thread {
    private final byte[] bytes;
    private final int from;
    private final char[] chars;
    final int at;
    int length = -1;

    SecondHalf(byte[] bytes, int from, char[] chars, int at) {
      super("threatlint-decode");
      this.bytes = bytes;
      this.from = from;
      this.chars = chars;
      this.at = at;
      setDaemon(true);
    }

    @Override
    public void run() {
      length = decodeInto(bytes, from, bytes.length, chars, at);
    }
  }

  /**
   * Decodes valid UTF-8 bytes into {@code chars} at {@code at}, in at most as many chars as bytes:
   * how many chars, or -1.
   */
  private static int decodeInto(byte[] bytes, int from, int to, char[] chars, int at) {
    CharBuffer out = CharBuffer.wrap(chars, at, to - from);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
    if (decoder.decode(in, out, true).isError() || decoder.flush(out).isError()) {
      return -1;
    }
    return out.position() - at;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String strict(
      CharsetDecoder decoder, byte[] bytes, int offset, String displayPath, String name)
      throws SourceException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    try {
      return decoder
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (MalformedInputException e) {
      throw new SourceException(
          displayPath,
          0,
          0,
          "not valid " + name + " text (malformed bytes at offset " + buffer.position() + ")");
    } catch (CharacterCodingException e) {
      throw new SourceException(displayPath, 0, 0, "not valid " + name + " text");
    }
  }
}
