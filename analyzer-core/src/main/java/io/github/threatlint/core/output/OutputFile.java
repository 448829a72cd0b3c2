package io.github.threatlint.core.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way threatlint writes a file (reports, the baseline, the threat report), for the command
 * line and the Maven plugin. A checkout under review may hold symbolic links where outputs go: a
 * link named as the output, or a folder on its way, pointing at a file of the user's elsewhere. So:
 *
 * <ul>
 *   <li>a path inside the confining folder (the working directory) must stay inside it once the
 *       links of its folders are resolved; otherwise nothing is written and the error says why;
 *   <li>the text goes to a new temporary file in the target's folder, which is then renamed to the
 *       target's name: a symbolic link there is replaced, never written through, and a reader sees
 *       the old file or the new one, never half of it.
 * </ul>
 *
 * A path outside the confining folder is written as named (the user chose it), also by renaming. A
 * device or a pipe ({@code /dev/null}, {@code /dev/stdout}) is written into instead: renamed onto,
 * it would be replaced by a file (run as root, {@code --format json=/dev/null} turned /dev/null
 * into a file that every later {@code > /dev/null} of the machine filled).
 */
public final class OutputFile {
  /** What is written into the file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer writer) throws IOException;
  }

  /** What is written into the file, as bytes. */
  @FunctionalInterface
  public interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * The temporary file is written in pieces of this size, not as the generators hand the bytes over
   * (8 KB at a time): Kubernetes' 21 MB SARIF took 2,600 write calls, and the rename over the
   * previous report then waited 60-120 ms for ext4 to write the new file's pages out (it does so
   * when a rename replaces a file); in 1 MB pieces, about 30 calls and a rename of 3-27 ms.
   */
  static final int WRITE_BUFFER = 1 << 20;

  private OutputFile() {}

  /**
   * Writes {@code content} as UTF-8 to {@code target}, creating its folders.
   *
   * @param confinement a target named inside this folder is not written through a symbolic link
   *     that leaves it
   * @throws IOException with a one-line message when the target is refused or cannot be written
   */
  public static void write(Path target, Path confinement, Content content) throws IOException {
    writeBytes(
        target,
        confinement,
        out -> {
          try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            content.writeTo(writer);
          }
        });
  }

  /** Writes {@code content} to {@code target} as {@link #write} writes text. */
  public static void writeBytes(Path target, Path confinement, Bytes content) throws IOException {
    Path file = target.toAbsolutePath().normalize();
    Path folder = file.getParent();
    if (folder == null || file.getFileName() == null) {
      throw new IOException("it names no file");
    }
    Path base = confinement.toAbsolutePath().normalize();
    // inside the confining folder, only the name itself counts, not where a link leads
    if (isDeviceOrPipe(file, !file.startsWith(base))) {
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
        content.writeTo(out);
      }
      return;
    }
    if (file.startsWith(base)) {
      Path existing = folder;
      while (!Files.exists(existing)) {
        existing = existing.getParent();
      }
      Path realBase = base.toRealPath();
      Path real = existing.toRealPath();
      if (!real.startsWith(realBase)) {
        throw new IOException(
            "its folder "
                + base.relativize(existing)
                + " is, or goes through, a symbolic link to "
                + real
                + ", outside "
                + realBase
                + "; nothing is written through a link that leaves it");
      }
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("it is a folder");
    }
    Files.createDirectories(folder);
    Path temporary =
        folder.resolve(
            "."
                + file.getFileName()
                + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
    try {
      // CREATE_NEW fails on an existing name, a symbolic link included: the file is ours
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              WRITE_BUFFER)) {
        content.writeTo(out);
      }
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Something other than a file, a folder or a link: a device, a pipe, a socket. */
  private static boolean isDeviceOrPipe(Path file, boolean followLinks) {
    LinkOption[] options =
        followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, options).isOther();
    } catch (IOException e) {
      return false; // there is none yet
    }
  }
}
