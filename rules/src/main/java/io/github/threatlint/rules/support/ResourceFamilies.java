package io.github.threatlint.rules.support;

import java.util.regex.Pattern;

/**
 * The resource family of a path: its first segment after any version segment ({@code
 * /v2/accounts/{id}} is {@code accounts}).
 */
public final class ResourceFamilies {
  private static final Pattern VERSION = Pattern.compile("(?i)v?\\d+(\\.\\d+)*|latest|api");

  private ResourceFamilies() {}

  /**
   * The family, or {@code /} for the root path. Path parameters and leading version or {@code api}
   * segments are skipped.
   */
  public static String of(String path) {
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.startsWith("{") || VERSION.matcher(segment).matches()) {
        continue;
      }
      return segment;
    }
    return "/";
  }
}
