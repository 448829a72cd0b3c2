package io.github.threatlint.core.api;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The text of one input file, read once. {@code path} is where it was read from (null for standard
 * input); {@code displayPath} is how reports name it (relative to the working directory where
 * possible).
 *
 * <p>A large text may come as the characters it was decoded into: the parser reads the characters,
 * and the String is made from them the first time {@link #text} is asked, if ever (see {@code
 * SourceReader}).
 */
public final class SourceFile {
  private final Path path;
  private final String displayPath;

  /** The text; null until {@link #pending} has given it. */
  private String text;

  private final Supplier<String> pending;

  /** The decoded characters (the first {@link #length}) until the parser takes them; or null. */
  private char[] chars;

  private final int length;

  public SourceFile(Path path, String displayPath, String text) {
    this.path = path;
    this.displayPath = displayPath;
    this.text = Objects.requireNonNull(text);
    this.pending = null;
    this.chars = null;
    this.length = text.length();
  }

  /**
   * A text decoded into the first {@code length} characters of {@code chars}, which nobody changes
   * from now on; {@code text} gives the same text as a String, made or waited for when asked.
   */
  public SourceFile(
      Path path, String displayPath, char[] chars, int length, Supplier<String> text) {
    this.path = path;
    this.displayPath = displayPath;
    this.chars = chars;
    this.length = length;
    this.pending = text;
  }

  public Path path() {
    return path;
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    String made = text;
    if (made == null) {
      made = pending.get();
      text = made; // a String is safe to share however it is published
    }
    return made;
  }

  /**
   * The characters the text was decoded into (its first {@link #length()}), not to be changed,
   * handed over once to the parser of the thread that read the file; null after, or when the file
   * was given as a String. Forgotten here once taken; the text's maker holds them until it makes
   * the String, and then drops them, so that a large file is held once, as characters or as a
   * String, never both for the whole analysis ({@code SourceReader.TextOfChars}).
   */
  public char[] takeChars() {
    char[] taken = chars;
    chars = null;
    return taken;
  }

  /** The text's length in chars, known without waiting for the text. */
  public int length() {
    return length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SourceFile that
        && Objects.equals(path, that.path)
        && displayPath.equals(that.displayPath)
        && text().equals(that.text());
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, displayPath, text());
  }

  @Override
  public String toString() {
    return "SourceFile[path=" + path + ", displayPath=" + displayPath + ", text=" + text() + "]";
  }
}
