package io.github.threatlint.core.config;

/**
 * A configuration, baseline or rule selection that cannot be used: an unknown rule id, option or
 * key, a wrong type, a bad level. The message is one line; {@code file} is null when the problem is
 * not in a file (a rule named on the command line), line and column are 0 when unknown.
 */
public final class ConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;

  public ConfigurationException(String file, int line, int column, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** {@code file:line:col: error: message}, leaving out what is unknown. */
  public String oneLine() {
    StringBuilder out = new StringBuilder(file == null ? "threatlint" : file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": error: ").append(getMessage()).toString();
  }
}
