package io.github.threatlint.core.source;

import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
        return new SourceFile(path, displayPath, decode(bytes, displayPath));
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
      return new SourceFile(null, displayPath, decode(bytes, displayPath));
    } catch (IOException e) {
      throw new SourceException(displayPath, 0, 0, "cannot read: " + e.getMessage());
    }
  }

  static String decode(byte[] bytes, String displayPath) throws SourceException {
    // checked before UTF-16, whose little-endian byte order mark begins UTF-32's
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      throw new SourceException(
          displayPath,
          1,
          1,
          "UTF-32 text (a UTF-32 byte order mark), not supported; save the file as UTF-8");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return strict(StandardCharsets.UTF_16BE.newDecoder(), bytes, 2, displayPath, "UTF-16");
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return strict(StandardCharsets.UTF_16LE.newDecoder(), bytes, 2, displayPath, "UTF-16");
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
    return strict(StandardCharsets.UTF_8.newDecoder(), bytes, skip, displayPath, "UTF-8");
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
