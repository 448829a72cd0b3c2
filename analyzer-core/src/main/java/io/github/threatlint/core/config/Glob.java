package io.github.threatlint.core.config;

import java.util.regex.Pattern;

/**
 * A glob over slash-separated names, used for files and for JSON pointers in configuration:
 * {@code *} matches within one segment, {@code ?} one character of a segment, and {@code **} any
 * number of whole segments, none included ({@code /paths/~1health/**} matches {@code /paths/~1health}
 * itself and everything below it).
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
      if (c == '*') {
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
    return new Glob(glob, Pattern.compile(regex.toString()));
  }

  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
