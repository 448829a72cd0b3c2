package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.PathTemplate;
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
  public static String of(PathTemplate path) {
    String resource = VersionSegments.firstResource(path);
    return resource == null ? "/" : resource;
  }
}
