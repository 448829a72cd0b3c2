package io.github.threatlint.core.api;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value worked out once, on first use, and then kept: the first thread to ask computes it while
 * holding this lock, a thread asking meanwhile waits for it, and later ones read it without a lock.
 * The value must not be null.
 */
final class Once<T> {
  /** Volatile: a thread that reads it set also sees everything its computation wrote. */
  private volatile T value;

  T get(Supplier<T> compute) {
    T known = value;
    if (known == null) {
      synchronized (this) {
        known = value;
        if (known == null) {
          known = compute.get();
          value = known;
        }
      }
    }
    return known;
  }

  /**
   * {@link #get(Supplier)} with the value worked out by {@code compute} from {@code owner}. A
   * reference to a method of the owner's class ({@code Operation::findResponses}) captures nothing
   * and the JVM makes it once; a bound one ({@code this::findResponses}), or a lambda reading a
   * field, is made at every call, and in C1's code (the CLI stops at C1) making one is a call
   * through method handles into the VM ({@code Unsafe.allocateInstance}): the rules ask for the
   * document's facts and operations' parameters and responses thousands of times. Written out, not
   * as {@code get(() -> compute.apply(owner))}: the split run's two threads ask for their first
   * facts at the same moment, and a lambda site that two threads link at once gets a class spun for
   * the second, outside the class-data archive (seen on Stripe).
   */
  <O> T get(O owner, Function<O, T> compute) {
    T known = value;
    if (known == null) {
      synchronized (this) {
        known = value;
        if (known == null) {
          known = compute.apply(owner);
          value = known;
        }
      }
    }
    return known;
  }

  /** The value when it was worked out already, else null (without waiting for it). */
  T known() {
    return value;
  }
}
