package io.github.threatlint.rules.support;

import io.github.threatlint.core.vocabulary.VersionSegments;

/**
 * The resource family of a path: its first segment after any version segment ({@code
 * /v2/accounts/{id}} is {@code accounts}).
 */
public final class ResourceFamilies {
  private ResourceFamilies() {}

  /**
   * The family, or {@code /} for the root path. Path parameters and the segments that only say
   * where the API is mounted ({@link VersionSegments#isMount}) are skipped.
   */
  public static String of(String path) {
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.startsWith("{") || VersionSegments.isMount(segment)) {
        continue;
      }
      return segment;
    }
    return "/";
  }
}
