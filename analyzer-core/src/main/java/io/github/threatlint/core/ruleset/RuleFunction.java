package io.github.threatlint.core.ruleset;

import java.util.List;

/**
 * One of Spectral's core functions with its options checked: given a target, the problems found.
 * Messages may hold Spectral's {@code #{{print("property")}}} and {@code #{{print("value")}}},
 * filled in for the place each result is shown at.
 */
@FunctionalInterface
interface RuleFunction {
  List<Result> apply(Target target);

  /**
   * What a function looks at: the place reached (null when the field is missing) and its value
   * ({@link FilterExpression#UNDEFINED} when missing; containers are {@link Place}s).
   */
  record Target(DocumentView view, Place place, Object value) {}

  /**
   * A problem: its message and, when it is below the target, the keys from the target down to it.
   */
  record Result(String message, List<Object> below) {
    Result(String message) {
      this(message, List.of());
    }
  }
}
