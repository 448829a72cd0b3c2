package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;

/**
 * Payment initiation: the operations that create a payment order (or its consent) and so move a
 * customer's money.
 */
public final class Payments {
  /** Words of path segments (and path parameter names) that name payments. */
  public static final List<String> WORDS =
      List.of(
          "payment",
          "payments",
          "vrp",
          "vrps",
          "transfer",
          "transfers",
          "payment_order",
          "payment_orders",
          "remittance",
          "remittances",
          "standing_order",
          "standing_orders");

  private Payments() {}

  /**
   * True when the operation creates a payment: a POST or PUT that is no query, whose last path
   * segment names payments, written as a fixed segment (/domestic-payments, /domestic-vrps) or as a
   * path parameter (NextGenPSD2's /v1/{payment-service}/{payment-product}).
   */
  public static boolean initiates(Operation operation, List<String> words) {
    String method = operation.method();
    if (!(method.equals("post") || method.equals("put")) || QueryPosts.isQueryLike(operation)) {
      return false;
    }
    String last = operation.pathTemplate().lastSegment().replace("{", "").replace("}", "");
    return Words.containsAny(last, words);
  }
}
