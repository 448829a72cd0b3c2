package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Set;

/**
 * Paths of administrative functions: a segment such as {@code admin}, {@code internal}, {@code
 * management}.
 */
public final class AdminPaths {
  private static final Set<String> WHOLE_SEGMENTS =
      Set.of("internal", "management", "manage", "administration", "backoffice");

  private AdminPaths() {}

  /**
   * The first admin-like segment of the path ({@code /admin}, {@code /api/v1/admin-users}, {@code
   * /internal}, {@code /management}, {@code /manage}), or null. Path parameters are ignored. A
   * segment counts when its first word is admin ({@code /orgs/{org}/admins} lists an organisation's
   * admins, it is no admin function), or when it is one of the others as a whole ({@code
   * /internal-transfers} is a banking term).
   */
  public static String adminSegment(PathTemplate path) {
    for (String segment : path.fixedSegments()) {
      List<String> words = Words.split(segment);
      String first = words.isEmpty() ? "" : words.get(0);
      if (first.equals("admin")
          || first.equals("administrator")
          || WHOLE_SEGMENTS.contains(Words.lower(segment))) {
        return segment;
      }
    }
    return null;
  }

  public static boolean isAdmin(PathTemplate path) {
    return adminSegment(path) != null;
  }
}
