package io.github.threatlint.core.config;

import java.util.Collection;

/**
 * "Did you mean" for mistyped rule ids, option names and keys: the closest candidate by edit
 * distance.
 */
final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code typed}, or null when none is close enough to be a likely typo.
   */
  static String closest(String typed, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance =
          distance(
              typed.toLowerCase(java.util.Locale.ROOT),
              candidate.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, typed.length() / 4);
    return bestDistance <= allowed ? best : null;
  }

  /** " (did you mean 'x'?)" or "". */
  static String didYouMean(String typed, Collection<String> candidates) {
    String closest = closest(typed, candidates);
    return closest == null ? "" : " (did you mean '" + closest + "'?)";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
