package io.github.threatlint.core.source;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text already in memory, in time linear in its length. SnakeYAML's own
 * {@link StreamReader} reads 1,024 characters at a time and copies the whole unconsumed window on
 * each read, so one token of n characters (a long word in a plain or quoted scalar, a long line in
 * a block scalar) costs n²/1,024 copies: 16 s for 4 MB, half an hour for 64 MiB. Here the whole
 * text is the window and nothing is copied. Every public method of {@link StreamReader} is
 * overridden with the same meaning (code points, lines, columns); the text must hold only
 * characters YAML allows ({@link TreeParser} checks that first, with a position).
 */
final class WholeTextReader extends StreamReader {
  /** Marks carry no copy of the text: threatlint never prints SnakeYAML's snippets. */
  private static final int[] NO_SNIPPET = new int[0];

  private static final String NAME = "'reader'";

  /** The text's characters when all are in the Basic Multilingual Plane (one char each). */
  private final char[] chars;

  /** The text's code points otherwise. */
  private final int[] points;

  private final int length;
  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  /**
   * Reads {@code text}, which it does not copy. An array, not a String: a String of other than
   * Latin-1 characters checks its coding and bounds on each charAt, 17 % of the samples of a Stripe
   * YAML parse.
   */
  WholeTextReader(char[] text, boolean hasSurrogates) {
    super(new StringReader(""));
    this.chars = hasSurrogates ? null : text;
    this.points = hasSurrogates ? new String(text).codePoints().toArray() : null;
    this.length = hasSurrogates ? points.length : text.length;
  }

  private int at(int position) {
    return chars != null ? chars[position] : points[position];
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, NO_SNIPPET, 0);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int count) {
    for (int i = 0; i < count && pointer < length; i++) {
      int c = at(pointer++);
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || (c == '\r' && pointer < length && at(pointer) != '\n')) {
        line++;
        column = 0;
      } else if (c != 0xFEFF) {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return peek(0);
  }

  @Override
  public int peek(int offset) {
    return pointer + offset < length ? at(pointer + offset) : '\0';
  }

  @Override
  public String prefix(int count) {
    int end = Math.min(pointer + count, length);
    return chars != null
        ? new String(chars, pointer, end - pointer)
        : new String(points, pointer, end - pointer);
  }

  /** As SnakeYAML's: only called on text without line breaks, so only the column moves. */
  @Override
  public String prefixForward(int count) {
    String prefix = prefix(count);
    pointer += count;
    index += count;
    documentIndex += count;
    column += count;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
