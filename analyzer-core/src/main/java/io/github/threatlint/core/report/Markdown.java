package io.github.threatlint.core.report;

/** Escaping for Markdown (GitHub Flavored), the one escaper of the Markdown findings and threat-model reports. */
public final class Markdown {
  private Markdown() {}

  /** Plain text in running Markdown or a table cell: no line breaks, no markup, no HTML. */
  public static String text(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\r', '\n' -> out.append(' ');
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
