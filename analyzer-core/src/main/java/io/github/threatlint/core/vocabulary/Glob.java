package io.github.threatlint.core.vocabulary;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one glob dialect of threatlint, over slash-separated names: the SPEC arguments of the command
 * line, the Maven plugin's includes and excludes, and the file and JSON-pointer globs of the
 * configuration. {@code *} matches within one segment, {@code ?} one character of a segment, {@code
 * **} any number of whole segments, none included ({@code /paths/~1health/**} matches {@code
 * /paths/~1health} itself and everything below it), and {@code {a,b}} either alternative. Every
 * other character stands for itself, braces without a comma included, so that an OpenAPI path
 * template is written as it is ({@code /accounts/{id}/**}). Rule options that take path globs
 * ({@code allowAnonymous}) use the same dialect.
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
    // for each open brace: true when it opens alternatives, false when it stands for itself
    Deque<Boolean> braces = new ArrayDeque<>();
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
        boolean alternatives = hasAlternatives(glob, i);
        braces.push(alternatives);
        regex.append(alternatives ? "(?:" : "\\{");
      } else if (c == '}' && !braces.isEmpty()) {
        regex.append(braces.pop() ? ")" : "\\}");
      } else if (c == ',' && !braces.isEmpty() && braces.peek()) {
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
    for (boolean alternatives : braces) {
      regex.append(alternatives ? ")" : "");
    }
    return new Glob(glob, Pattern.compile(regex.toString()));
  }

  /** True when the brace at {@code open} holds a comma of its own before it closes. */
  private static boolean hasAlternatives(String glob, int open) {
    int depth = 0;
    for (int i = open; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return false;
      } else if (c == ',' && depth == 1) {
        return true;
      }
    }
    return false;
  }

  /** True when any of the globs matches the text. */
  public static boolean anyMatches(List<String> globs, String text) {
    for (String glob : globs) {
      if (compile(glob).matches(text)) {
        return true;
      }
    }
    return false;
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
