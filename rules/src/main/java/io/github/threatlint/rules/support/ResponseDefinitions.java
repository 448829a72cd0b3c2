package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Response;
import java.util.HashSet;
import java.util.Set;

/**
 * Response checks judge a response definition once, however many operations share it through {@code
 * $ref}: the finding lands on the definition, named after the first operation that uses it. One
 * instance per rule and document.
 */
public final class ResponseDefinitions {
  private final Set<String> seen = new HashSet<>();

  /** True the first time this definition (the resolved response, where it is written) is met. */
  public boolean firstVisit(Response response) {
    return seen.add(response.node().key());
  }

  /**
   * How a message names the response: {@code the 400 response of GET /pets}, or for a shared one
   * {@code response 'BadRequest' (400 of GET /pets and any other operation using it)}.
   */
  public static String describe(Response response) {
    String operation = response.operation().label();
    if (response.entry().isRef()) {
      String name = Pointers.lastSegment(response.node().pointer());
      return "response '"
          + name
          + "' ("
          + response.status()
          + " of "
          + operation
          + " and any other operation using it)";
    }
    return "the " + response.status() + " response of " + operation;
  }

  /**
   * The operation's {@code default} response when it has a body schema: it documents the error
   * contract of every status the operation does not list. Null when there is none.
   */
  public static Response defaultErrorResponse(Operation operation) {
    for (Response response : operation.responses()) {
      if (response.isDefault() && !response.content().isEmpty()) {
        return response;
      }
    }
    return null;
  }

  /** {@link #describe} at the start of a sentence. */
  public static String subject(Response response) {
    String text = describe(response);
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
