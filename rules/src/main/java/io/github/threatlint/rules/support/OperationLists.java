package io.github.threatlint.rules.support;

import io.github.threatlint.core.model.Operation;
import java.util.List;

/**
 * How a document-level finding names the operations it stands for: the first few, then "and N more", so that one
 * finding replaces one per operation without hiding where the problem is.
 */
public final class OperationLists {
  /** How many operations a message names. */
  private static final int NAMED = 3;

  private OperationLists() {}

  /** "GET /a, POST /b, GET /c and 9 more". */
  public static String firstOf(List<Operation> operations) {
    String named = String.join(", ", operations.subList(0, Math.min(NAMED, operations.size())).stream()
        .map(Operation::label).toList());
    return operations.size() > NAMED ? named + " and " + (operations.size() - NAMED) + " more" : named;
  }
}
