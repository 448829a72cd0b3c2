package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A cause that holds for the whole document (no operation documents a 429) is one finding, not one
 * per operation: reported where the paths start, with how many operations it concerns and the first
 * of them, as path-unversioned reports an unversioned API once.
 */
public final class DocumentWide {
  private static final int SHOWN = 3;

  private DocumentWide() {}

  /** Where a document-wide finding is shown: the {@code paths} key, or the document's first key. */
  public static NodeRef place(ApiDocument document) {
    NodeRef paths = document.root().get("paths");
    return paths != null ? paths : document.root();
  }

  /** {@code GET /a, POST /b, GET /c and 12 more}. */
  public static String firstOf(List<Operation> operations) {
    return firstOfLabels(operations.stream().map(Operation::label).toList());
  }

  /** The first few of {@code labels}, as {@link #firstOf} names operations. */
  public static String firstOfLabels(List<String> labels) {
    List<String> shown = labels.subList(0, Math.min(SHOWN, labels.size()));
    int more = labels.size() - shown.size();
    return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
  }

  /**
   * Reports the path operations that {@code lack} a response: one finding on the document when
   * several do ({@code grouped} words it from them), else one on the operation's {@code responses}
   * ({@code single} words it). Callbacks and webhooks are not path operations.
   */
  public static void reportPathOperations(
      ApiDocument document,
      RuleContext context,
      Predicate<Operation> lack,
      Function<List<Operation>, String> grouped,
      Function<Operation, String> single) {
    List<Operation> lacking =
        document.operations().stream()
            .filter(operation -> operation.kind() == Operation.Kind.PATH && lack.test(operation))
            .toList();
    if (lacking.size() > 1) {
      context.report(place(document), grouped.apply(lacking));
      return;
    }
    for (Operation operation : lacking) {
      context.report(operation.node(), "responses", single.apply(operation));
    }
  }
}
