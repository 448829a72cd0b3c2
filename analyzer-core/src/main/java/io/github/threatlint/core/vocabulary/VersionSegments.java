package io.github.threatlint.core.vocabulary;

import io.github.threatlint.core.api.PathTemplate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a version segment of a URL path is, and which segments only say where an API is mounted:
 * once, for the rule that asks for a version in the URL, the rules that look past the mount to the
 * first resource, and the report's grouping of operations, so that a path one of them reads as
 * versioned is versioned for all.
 *
 * <p>A version segment is written in one of the forms APIs use: {@code v} and a number ({@code v1},
 * {@code V2}, {@code v2.1}, {@code v1beta}, {@code v3-alpha2}), a bare dotted number ({@code 2.0},
 * {@code 2.0.6}) or a date ({@code 2016-12-01}). A bare number ({@code /1/}) is not one: it is as
 * often an identifier.
 */
public final class VersionSegments {
  /** v1, V2, v2.1, v1beta, v3-alpha2: a "v" and a number. */
  private static final Pattern V_VERSION =
      Pattern.compile("(?i)v(\\d+)(?:[._]\\d+)*(?:[-_.]?(?:alpha|beta|rc|preview)\\d*)?");

  /** 2.0, 2.0.6: a bare dotted number. */
  private static final Pattern DOTTED_VERSION = Pattern.compile("(\\d+)\\.\\d+(?:\\.\\d+)?");

  /** 2016-12-01: a date version. */
  private static final Pattern DATE_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * Words that, before the first resource, only say that what follows is the API ({@code /api},
   * {@code /rest}) or its current version ({@code /latest}).
   */
  private static final Set<String> MOUNT_WORDS = Set.of("api", "rest", "latest");

  /** 2: a bare number, a version only ahead of every resource ({@link #isMount}). */
  private static final Pattern BARE_NUMBER = Pattern.compile("\\d+");

  private VersionSegments() {}

  /**
   * The major version a whole segment names ({@code v2} for {@code v2.1} and {@code 2.0}, the date
   * of a date version), or null when the segment is no version segment.
   */
  public static String major(String segment) {
    if (!mayBeVersion(segment)) {
      return null;
    }
    if (!isDigit(segment.charAt(0)) && digitsFrom(segment, 1)) {
      return "v" + number(segment.substring(1)); // v1, the usual form, as V_VERSION reads it
    }
    Matcher v = V_VERSION.matcher(segment);
    if (v.matches()) {
      return "v" + number(v.group(1));
    }
    Matcher dotted = DOTTED_VERSION.matcher(segment);
    if (dotted.matches()) {
      return "v" + number(dotted.group(1));
    }
    return DATE_VERSION.matcher(segment).matches() ? segment : null;
  }

  /**
   * Whether the segment starts as every version form does: a "v" and a digit, or a digit. Most
   * segments are resource names, decided here without the three expressions, and the usual version
   * segment ({@code v1}) is read without them too (Stripe: every segment of its 261 paths, asked by
   * several rules, was 3-5 ms of a cold run in the expressions, which C1 then compiled).
   */
  private static boolean mayBeVersion(String segment) {
    if (segment.isEmpty()) {
      return false;
    }
    char first = segment.charAt(0);
    boolean v = first == 'v' || first == 'V';
    return v ? segment.length() > 1 && isDigit(segment.charAt(1)) : isDigit(first);
  }

  /** Whether the segment has only digits from {@code start} on (and at least one). */
  private static boolean digitsFrom(String segment, int start) {
    if (segment.length() <= start) {
      return false;
    }
    for (int i = start; i < segment.length(); i++) {
      if (!isDigit(segment.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** An ASCII digit, as {@code \\d} in the expressions. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether a whole segment is a version segment. */
  public static boolean isVersion(String segment) {
    return major(segment) != null;
  }

  /**
   * The major version of the first {@code v}-and-number part of a segment or host label joined with
   * {@code -} or {@code _} ({@code v1} for {@code accounts-v1} and {@code api_v1}), or null.
   */
  public static String majorWithin(String segment) {
    for (String part : segment.split("[-_]")) {
      Matcher v = V_VERSION.matcher(part);
      if (v.matches()) {
        return "v" + number(v.group(1));
      }
    }
    return null;
  }

  /**
   * Whether a segment may come before the first segment that names a resource without naming one
   * itself: a version segment, {@code api}, {@code rest} or {@code latest} ({@code
   * /api/v1/accounts} is about accounts), or a bare number. Ahead of every resource a bare number
   * can only be a version ({@code /2/tweets}); it is no version segment because further on it is an
   * identifier ({@code /accounts/2}), and a URL that has one somewhere is not thereby versioned.
   * Callers ask this only of the segments ahead of the first resource.
   */
  public static boolean isMount(String segment) {
    return isVersion(segment)
        || MOUNT_WORDS.contains(segment.toLowerCase(Locale.ROOT))
        || BARE_NUMBER.matcher(segment).matches();
  }

  /**
   * The first fixed segment past the mount ({@link #isMount}), which names the resource: {@code
   * accounts} for {@code /v1/accounts/{id}/balances}; null when there is none ({@code /}, {@code
   * /{tenant}}, {@code /api/v1}).
   */
  public static String firstResource(PathTemplate path) {
    for (String segment : path.fixedSegments()) {
      if (!isMount(segment)) {
        return segment;
      }
    }
    return null;
  }

  /** {@link #firstResource(PathTemplate)} of a path string. */
  public static String firstResource(String path) {
    return firstResource(PathTemplate.of(path));
  }

  /** A major version number as written, without leading zeros; 0 for one too long to be one. */
  private static int number(String digits) {
    return Integer.parseInt(digits.length() > 9 ? "0" : digits);
  }
}
