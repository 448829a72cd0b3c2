package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Set;

/**
 * POST operations that compute or look up rather than change data ({@code POST
 * /policies/{id}/salary-change-simulation}, {@code POST /orders/search}): POST is used because the
 * input is large or structured, not because it writes.
 */
public final class QueryPosts {
  private static final Set<String> QUERY_WORDS =
      Set.of(
          "search",
          "query",
          "queries",
          "simulation",
          "simulations",
          "simulate",
          "calculate",
          "calculation",
          "calculations",
          "calculator",
          "estimate",
          "estimation",
          "quote",
          "quotes",
          "preview",
          "validate",
          "validation",
          "validator",
          "check",
          "lookup",
          "filter",
          "export",
          "count",
          "verify",
          "download",
          "downloads",
          "report",
          "reports",
          "render",
          "find",
          "match",
          "matches",
          "evaluate",
          "evaluation",
          // RPC-style custom methods that read: getHealth, testIamPermissions, listObjects,
          // resolveNames
          "get",
          "test",
          "list",
          "fetch",
          "retrieve",
          "resolve",
          "describe",
          "analyze",
          "analyse",
          "summarize",
          "summary");

  /**
   * Segments that read when they are the whole last segment: POST /accounts/balances asks the
   * balances of a list of accounts too long for a query string, while /balance-transfers moves
   * money.
   */
  private static final Set<String> QUERY_SEGMENTS = Set.of("balance", "balances");

  private QueryPosts() {}

  /**
   * The operation's access class as messages name it: "read" for GET, HEAD, OPTIONS and query-like
   * POSTs, "write" for the other methods that change data, so that no rule calls a POST
   * /accounts/balances or /items/list a write.
   */
  public static String access(Operation operation) {
    return operation.isWrite() && !isQueryLike(operation) ? "write" : "read";
  }

  /**
   * True when the operation is a POST whose last fixed path segment names a computation or a
   * look-up.
   */
  public static boolean isQueryLike(Operation operation) {
    if (!operation.method().equals("post")) {
      return false;
    }
    List<String> words = Words.split(operation.pathTemplate().lastFixedSegment());
    if (words.size() == 1 && QUERY_SEGMENTS.contains(words.get(0))) {
      return true;
    }
    for (String word : words) {
      if (QUERY_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
