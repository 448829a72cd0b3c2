package io.github.threatlint.core.engine;

import io.github.threatlint.core.text.OutputText;

/**
 * Something the analyzer could not do: a file that could not be read or parsed, or a rule that
 * failed. {@code ruleId} and {@code pointer} are null when they do not apply; line and column are 0
 * when unknown.
 */
public record ToolError(
    String file, int line, int column, String ruleId, String pointer, String message) {

  /**
   * {@code file:line:col: error: message} as printed on stderr: one line, whatever the spec's text
   * holds.
   */
  public String oneLine() {
    StringBuilder out = new StringBuilder(OutputText.line(file));
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
        out.append(" at ").append(pointer.isEmpty() ? "/" : OutputText.line(pointer));
      }
      out.append(": ");
    }
    return out.append(OutputText.line(message)).toString();
  }
}
