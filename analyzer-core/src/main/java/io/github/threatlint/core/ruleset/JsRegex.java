package io.github.threatlint.core.ruleset;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * JavaScript regular expressions as rulesets write them, compiled with Java's engine: {@code
 * /source/flags} or a bare source. The flags i, m, s and u map to Java's; g and y change nothing
 * for a test. Java's syntax is close to JavaScript's; a source Java cannot read is refused.
 */
final class JsRegex {
  private JsRegex() {}

  /** Spectral's pattern option: {@code /source/flags} when written so, else the whole text. */
  static Pattern fromOption(String text) {
    if (text.length() > 2 && text.startsWith("/")) {
      int end = text.lastIndexOf('/');
      String flags = text.substring(end + 1);
      if (end > 0 && flags.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
        return compile(text.substring(1, end), flags);
      }
    }
    return compile(text, "");
  }

  static Pattern compile(String source, String flags) {
    int javaFlags = 0;
    for (char flag : flags.toCharArray()) {
      switch (flag) {
        case 'i' -> javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        case 'm' -> javaFlags |= Pattern.MULTILINE;
        case 's' -> javaFlags |= Pattern.DOTALL;
        case 'u', 'g', 'y', 'd' -> {}
        default ->
            throw new IllegalArgumentException(
                "unknown regular expression flag '" + flag + "' in /" + source + "/" + flags);
      }
    }
    try {
      return Pattern.compile(literalBraces(source), javaFlags);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "invalid regular expression /" + source + "/: " + e.getDescription());
    }
  }

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");

  /**
   * JavaScript reads a brace that starts no quantifier ({@code {id}}) as itself; Java refuses it:
   * such braces are escaped (outside character classes, where both read them as themselves).
   */
  private static String literalBraces(String source) {
    StringBuilder out = new StringBuilder(source.length());
    boolean inClass = false;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        out.append(c).append(source.charAt(++i));
        continue;
      }
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (!inClass && c == '{') {
        Matcher quantifier = QUANTIFIER.matcher(source).region(i, source.length());
        if (!quantifier.lookingAt() || i == 0) {
          out.append("\\{");
          continue;
        }
        out.append(quantifier.group());
        i = quantifier.end() - 1;
        continue;
      } else if (!inClass && c == '}') {
        out.append("\\}");
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
