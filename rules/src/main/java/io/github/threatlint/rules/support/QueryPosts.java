package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Set;

/**
 * POST operations that compute or look up rather than change data ({@code POST /policies/{id}/salary-change-simulation},
 * {@code POST /orders/search}): POST is used because the input is large or structured, not because it writes.
 */
public final class QueryPosts {
  private static final Set<String> QUERY_WORDS = Set.of("search", "query", "queries", "simulation", "simulations",
      "simulate", "calculate", "calculation", "calculations", "calculator", "estimate", "estimation", "quote", "quotes",
      "preview", "validate", "validation", "validator", "check", "lookup", "filter", "export", "count", "verify",
      "download", "downloads", "report", "reports", "render", "find", "match", "matches", "evaluate", "evaluation",
      // RPC-style custom methods that read: getHealth, testIamPermissions, listObjects, resolveNames
      "get", "test", "list", "fetch", "retrieve", "resolve", "describe", "analyze", "analyse", "summarize", "summary");

  private QueryPosts() {}

  /** True when the operation is a POST whose last fixed path segment names a computation or a look-up. */
  public static boolean isQueryLike(Operation operation) {
    if (!operation.method().equals("post")) {
      return false;
    }
    String[] segments = operation.path().split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      String segment = segments[i];
      if (segment.isEmpty() || segment.startsWith("{")) {
        continue;
      }
      List<String> words = Words.split(segment);
      for (String word : words) {
        if (QUERY_WORDS.contains(word)) {
          return true;
        }
      }
      return false;
    }
    return false;
  }
}
