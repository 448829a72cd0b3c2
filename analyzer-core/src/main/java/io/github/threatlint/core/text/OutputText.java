package io.github.threatlint.core.text;

import java.util.HexFormat;

/**
 * Spec-derived text (messages, file names, pointers) made safe for the places output is read: one
 * escaper per output language. A spec is untrusted input, and its text must not turn into terminal
 * escapes, reordered text, extra log lines (which CI runners read as commands such as {@code
 * ::add-mask::}) or Markdown markup and mentions.
 */
public final class OutputText {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private OutputText() {}

  /**
   * One line of plain text (terminal, log, stderr): control characters (C0, DEL, C1), line and
   * paragraph separators and bidirectional controls become visible escapes such as {@code \n} and
   * {@code \u001B}, so the text stays on its line and reads in the order it is written.
   */
  public static String line(String text) {
    // read from an array: charAt checks its index in a call of its own under C1 (the directory
    // corpus's text report: a quarter of its time)
    char[] chars = text.toCharArray();
    StringBuilder out = null;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      // printable ASCII, nearly all of every report, needs no test
      String replacement =
          c >= ' ' && c < '\u007F'
              ? null
              : c == '\n'
                  ? "\\n"
                  : c == '\r'
                      ? "\\r"
                      : c == '\t' ? "\\t" : isHidden(c) ? "\\u" + HEX.toHexDigits(c) : null;
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isHidden(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /**
   * Markdown of our own (rule titles, descriptions, option defaults: they may use markup) made to
   * fit one table cell: on one line, with the cell separator escaped. Spec-derived text goes
   * through {@link #markdown} instead.
   */
  public static String markdownCell(String markdown) {
    return markdown.replace("\r", "").replace("\n", " ").replace("|", "\\|");
  }

  /**
   * Plain text inside Markdown, table cells included: line breaks as spaces, other controls as
   * {@link #line}, no markup, no HTML, and no {@code @mention} (GitHub notifies the people a report
   * names).
   */
  public static String markdown(String value) {
    String text = line(value.replace('\r', ' ').replace('\n', ' '));
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("@<!-- -->");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Text as XML character data or attribute value (the JUnit report), which is valid HTML text and
   * attribute value as well (the HTML threat report and its SVG picture): markup characters become
   * entities, and characters XML 1.0 cannot carry become U+FFFD.
   */
  public static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          boolean allowed =
              c == '\t'
                  || c == '\n'
                  || c == '\r'
                  || (c >= 0x20 && c <= 0xD7FF)
                  || (c >= 0xE000 && c <= 0xFFFD)
                  || (Character.isHighSurrogate(c)
                      && i + 1 < text.length()
                      && Character.isLowSurrogate(text.charAt(i + 1)))
                  || (Character.isLowSurrogate(c)
                      && i > 0
                      && Character.isHighSurrogate(text.charAt(i - 1)));
          out.append(allowed ? c : '\uFFFD');
        }
      }
    }
    return out.toString();
  }
}
