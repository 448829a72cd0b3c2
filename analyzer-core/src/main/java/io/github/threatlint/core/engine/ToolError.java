package io.github.threatlint.core.engine;

/**
 * Something the analyzer could not do: a file that could not be read or parsed, or a rule that
 * failed. {@code ruleId} and {@code pointer} are null when they do not apply; line and column are 0 when unknown.
 */
public record ToolError(String file, int line, int column, String ruleId, String pointer, String message) {

  /** {@code file:line:col: error: message} as printed on stderr. */
  public String oneLine() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    out.append(": error: ");
    if (ruleId != null) {
      out.append("rule ").append(ruleId).append(" failed");
      if (pointer != null) {
        out.append(" at ").append(pointer.isEmpty() ? "/" : pointer);
      }
      out.append(": ");
    }
    return out.append(message).toString();
  }
}
