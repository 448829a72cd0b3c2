package io.github.threatlint.core.api;

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

  /** The value when it was worked out already, else null (without waiting for it). */
  T known() {
    return value;
  }
}
