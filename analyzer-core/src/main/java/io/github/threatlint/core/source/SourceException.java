package io.github.threatlint.core.source;

/**
 * A file that cannot be read or parsed at all. The message is one line; the position is 1-based, 0
 * when unknown.
 */
public final class SourceException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String displayPath;
  private final int line;
  private final int column;

  public SourceException(String displayPath, int line, int column, String message) {
    super(message);
    this.displayPath = displayPath;
    this.line = line;
    this.column = column;
  }

  public String displayPath() {
    return displayPath;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** {@code file:line:col: error: message}, leaving out what is unknown. */
  public String oneLine() {
    StringBuilder out = new StringBuilder(displayPath);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": error: ").append(getMessage()).toString();
  }
}
