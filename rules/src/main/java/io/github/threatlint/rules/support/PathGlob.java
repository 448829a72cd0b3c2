package io.github.threatlint.rules.support;

import java.util.List;
import java.util.regex.Pattern;

/** Path globs for options: {@code *} matches within one segment, {@code **} across segments. */
public final class PathGlob {
  private PathGlob() {}

  public static boolean matches(String glob, String path) {
    return toRegex(glob).matcher(path).matches();
  }

  public static boolean matchesAny(List<String> globs, String path) {
    for (String glob : globs) {
      if (matches(glob, path)) {
        return true;
      }
    }
    return false;
  }

  static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
