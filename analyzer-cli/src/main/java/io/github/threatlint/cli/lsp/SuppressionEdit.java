package io.github.threatlint.cli.lsp;

import io.github.threatlint.core.engine.InSourceSuppressions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;

/**
 * The edit that suppresses a finding in a YAML document: an {@code x-threatlint-ignore} mapping
 * with the rule id and a reason to write, in the form {@link InSourceSuppressions} reads, put in
 * the nearest mapping that holds the finding's line, indented as the document indents. A finding on
 * a key with a mapping below it gets the suppression in that mapping; one on a key with a scalar or
 * a list gets it beside that key, in the mapping the key belongs to (the suppression covers
 * everything below the mapping it is in).
 */
final class SuppressionEdit {
  static final String REASON_PLACEHOLDER = "TODO say why this finding is acceptable";
  private static final Pattern KEY_LINE =
      Pattern.compile(
          "^( *)(- +)?([^#\\s][^:#]*|\"[^\"]*\"|'[^']*'):(\\s*(#.*)?)$|^( *)(- +)?([^#\\s][^:#]*|\"[^\"]*\"|'[^']*'):\\s+\\S.*$");

  private SuppressionEdit() {}

  /**
   * The edit for a finding of {@code ruleId} starting on the 0-based {@code line}, or null when the
   * document is not block YAML there.
   */
  static TextEdit of(String text, int line, String ruleId) {
    String newline = text.contains("\r\n") ? "\r\n" : "\n";
    String[] lines = text.split("\r?\n", -1);
    if (line < 0 || line >= lines.length || text.stripLeading().startsWith("{")) {
      return null;
    }
    Matcher key = KEY_LINE.matcher(lines[line]);
    if (!key.matches()) {
      return null;
    }
    boolean opensBlock = key.group(1) != null;
    int indent = (opensBlock ? key.group(1) : key.group(6)).length();
    String dash = opensBlock ? key.group(2) : key.group(7);
    int keyIndent = indent + (dash == null ? 0 : dash.length());
    int insertAt;
    int at;
    int child = opensBlock ? nextContentLine(lines, line) : -1;
    if (child >= 0
        && indentOf(lines[child]) > keyIndent
        && !lines[child].strip().startsWith("- ")) {
      // the key holds a mapping: the suppression goes first in it
      insertAt = line + 1;
      at = indentOf(lines[child]);
    } else if (dash != null) {
      // the first key of a list item: the item is the mapping
      insertAt = line + 1;
      at = keyIndent;
    } else {
      // a scalar or a list: beside the key, in the mapping it belongs to
      insertAt = line;
      at = keyIndent;
    }
    String margin = " ".repeat(at);
    String inserted =
        margin
            + InSourceSuppressions.KEY
            + ":"
            + newline
            + margin
            + " ".repeat(indentStep(lines))
            + ruleId
            + ": "
            + REASON_PLACEHOLDER
            + newline;
    Position position = new Position(insertAt, 0);
    return new TextEdit(new Range(position, position), inserted);
  }

  private static int nextContentLine(String[] lines, int line) {
    for (int i = line + 1; i < lines.length; i++) {
      String content = lines[i].strip();
      if (!content.isEmpty() && !content.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How far the document indents a nested mapping: its smallest indentation, 2 when it has none.
   */
  private static int indentStep(String[] lines) {
    int step = Integer.MAX_VALUE;
    for (String line : lines) {
      int indent = indentOf(line);
      if (indent > 0 && indent < line.length() && !line.strip().startsWith("#")) {
        step = Math.min(step, indent);
      }
    }
    return step == Integer.MAX_VALUE ? 2 : step;
  }

  private static int indentOf(String line) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    return indent;
  }
}
