package io.github.threatlint.core.config;

import java.util.regex.Pattern;

/**
 * The one glob dialect of threatlint, over slash-separated names: the SPEC arguments of the command
 * line, the Maven plugin's includes and excludes, and the file and JSON-pointer globs of the
 * configuration. {@code *} matches within one segment, {@code ?} one character of a segment, {@code
 * **} any number of whole segments, none included ({@code /paths/~1health/**} matches {@code
 * /paths/~1health} itself and everything below it), and {@code {a,b}} either alternative. Every
 * other character stands for itself.
 */
public final class Glob {
  private final String text;
  private final Pattern pattern;

  private Glob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  public static Glob compile(String glob) {
    StringBuilder regex = new StringBuilder();
    int braces = 0;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      boolean doubleStar = c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*';
      if (doubleStar) {
        boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
        boolean segmentEnd = i + 2 == glob.length() || glob.charAt(i + 2) == '/';
        if (segmentStart && segmentEnd) {
          if (i + 2 == glob.length()) {
            // "a/**" also matches "a": take back the slash already written
            if (i > 0) {
              regex.setLength(regex.length() - 1);
              regex.append("(?:/.*)?");
            } else {
              regex.append(".*");
            }
            i += 2;
          } else {
            // "**/" matches zero or more whole segments
            regex.append("(?:.*/)?");
            i += 3;
          }
          continue;
        }
        regex.append("[^/]*");
        i += 2;
        continue;
      }
      if (c == '{') {
        braces++;
        regex.append("(?:");
      } else if (c == '}' && braces > 0) {
        braces--;
        regex.append(')');
      } else if (c == ',' && braces > 0) {
        regex.append('|');
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else if (c > 127 || Character.isLetterOrDigit(c) || c == '/') {
        regex.append(c);
      } else {
        // ASCII punctuation may be a regex operator; a backslash before it is always literal
        regex.append('\\').append(c);
      }
      i++;
    }
    // an unclosed brace closes at the end: {a,b matches a or b
    regex.append(")".repeat(braces));
    return new Glob(glob, Pattern.compile(regex.toString()));
  }

  /**
   * True when the text has a character that is special in a glob (as opposed to a plain file name).
   */
  public static boolean isGlob(String text) {
    return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('{') >= 0;
  }

  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
