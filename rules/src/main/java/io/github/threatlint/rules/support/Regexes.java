package io.github.threatlint.rules.support;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code pattern} constrains, read without compiling it (ECMA 262 and Java dialects alike).
 */
public final class Regexes {
  private Regexes() {}

  /**
   * True when every top-level alternative starts with {@code ^} (or {@code \A}) and ends with an
   * unescaped {@code $} (or {@code \z}, {@code \Z}): the whole value must match, not a part of it.
   */
  public static boolean isAnchored(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return false;
    }
    for (String alternative : topLevelAlternatives(pattern)) {
      if (!(alternative.startsWith("^") || alternative.startsWith("\\A"))) {
        return false;
      }
      if (!(endsWithUnescaped(alternative, '$')
          || alternative.endsWith("\\z")
          || alternative.endsWith("\\Z"))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the pattern bounds the length of what it matches: it is anchored and has no unbounded
   * quantifier ({@code *}, {@code +}, {@code {n,}}) outside character classes.
   */
  public static boolean boundsLength(String pattern) {
    if (!isAnchored(pattern)) {
      return false;
    }
    boolean inClass = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
        }
        continue;
      }
      if (c == '[') {
        inClass = true;
        // a ] right after [ or [^ is a literal
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
          i++;
        }
        continue;
      }
      if (c == '*' || c == '+') {
        return false;
      }
      if (c == '{' && isOpenRange(pattern, i + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when an open range quantifier (digits, a comma, optional spaces, a closing brace) starts
   * at {@code start}: read forward only, since searching from each opening brace for the next
   * closing one is quadratic on a pattern of many opening braces.
   */
  private static boolean isOpenRange(String pattern, int start) {
    int i = start;
    while (i < pattern.length() && pattern.charAt(i) >= '0' && pattern.charAt(i) <= '9') {
      i++;
    }
    if (i == start || i >= pattern.length() || pattern.charAt(i) != ',') {
      return false;
    }
    i++;
    while (i < pattern.length() && " \t\n\u000B\f\r".indexOf(pattern.charAt(i)) >= 0) {
      i++;
    }
    return i < pattern.length() && pattern.charAt(i) == '}';
  }

  /**
   * True when the pattern accepts every string: {@code .*}, {@code ^.*$}, {@code [\w\W\s]*}, {@code
   * [\s\S]*}, {@code (.*)}, {@code .+} and the like, anchored or not; it constrains nothing. The
   * dot without the s flag misses line breaks, but no one writes {@code .*} to forbid them.
   */
  public static boolean matchesAnything(String pattern) {
    if (pattern == null) {
      return false;
    }
    String body = pattern.strip();
    if (body.isEmpty()) {
      return true;
    }
    if (body.startsWith("^") || body.startsWith("\\A")) {
      body = body.substring(body.startsWith("^") ? 1 : 2);
    }
    if (endsWithUnescaped(body, '$')) {
      body = body.substring(0, body.length() - 1);
    } else if (body.endsWith("\\z") || body.endsWith("\\Z")) {
      body = body.substring(0, body.length() - 2);
    }
    while (body.length() >= 2 && body.startsWith("(") && body.endsWith(")")) {
      body = body.substring(body.startsWith("(?:") ? 3 : 1, body.length() - 1);
    }
    if (!body.endsWith("*") && !body.endsWith("+")) {
      return false; // ^$ accepts only the empty string
    }
    String atom = body.substring(0, body.length() - 1);
    if (atom.equals(".")) {
      return true;
    }
    return atom.startsWith("[")
        && atom.endsWith("]")
        && !atom.startsWith("[^")
        && coversEverything(atom);
  }

  /** A character class that holds a class and its complement (\s\S, \w\W, \d\D). */
  private static boolean coversEverything(String characterClass) {
    for (String pair : List.of("sS", "wW", "dD")) {
      if (characterClass.contains("\\" + pair.charAt(0))
          && characterClass.contains("\\" + pair.charAt(1))) {
        return true;
      }
    }
    return false;
  }

  /** The alternatives separated by {@code |} outside groups and character classes. */
  public static List<String> topLevelAlternatives(String pattern) {
    List<String> alternatives = new ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == '|' && depth == 0) {
        alternatives.add(pattern.substring(start, i));
        start = i + 1;
      }
    }
    alternatives.add(pattern.substring(start));
    return alternatives;
  }

  private static boolean endsWithUnescaped(String text, char last) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != last) {
      return false;
    }
    int backslashes = 0;
    for (int i = text.length() - 2; i >= 0 && text.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 0;
  }
}
