package io.github.threatlint.rules.support;

import java.util.List;
import java.util.Set;

/** Paths of administrative functions: a segment such as {@code admin}, {@code internal}, {@code management}. */
public final class AdminPaths {
  private static final Set<String> WHOLE_SEGMENTS = Set.of("internal", "management", "manage", "administration", "backoffice");

  private AdminPaths() {}

  /**
   * The first admin-like segment of the path ({@code /admin}, {@code /api/v1/admin-users}, {@code /internal},
   * {@code /management}, {@code /manage}), or null. Path parameters are ignored. {@code internal} counts only as a
   * whole segment, so {@code /internal-transfers} (a banking term) does not.
   */
  public static String adminSegment(String path) {
    for (String segment : path.split("/")) {
      if (segment.isEmpty() || segment.startsWith("{")) {
        continue;
      }
      List<String> words = Words.split(segment);
      if (words.contains("admin") || words.contains("administrator") || WHOLE_SEGMENTS.contains(Words.lower(segment))) {
        return segment;
      }
    }
    return null;
  }

  public static boolean isAdmin(String path) {
    return adminSegment(path) != null;
  }
}
