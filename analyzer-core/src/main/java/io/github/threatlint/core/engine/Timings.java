package io.github.threatlint.core.engine;

import java.util.concurrent.atomic.LongAdder;

/**
 * Where the time of a run goes, per phase, summed over files (and threads): so the benchmark can
 * show the next bottleneck. The swagger-parser model is timed on its own, since it is built lazily
 * inside the walk only when spec-invalid asks for it.
 */
public final class Timings {
  public enum Phase { READ, PARSE_AND_INDEX, SWAGGER_PARSER_MODEL, WALK_AND_RULES, REPORT }

  private static final LongAdder[] NANOS = new LongAdder[Phase.values().length];

  static {
    for (int i = 0; i < NANOS.length; i++) {
      NANOS[i] = new LongAdder();
    }
  }

  private Timings() {}

  public static void add(Phase phase, long nanos) {
    NANOS[phase.ordinal()].add(nanos);
  }

  public static long nanos(Phase phase) {
    return NANOS[phase.ordinal()].sum();
  }

  /** One line: {@code read=12ms parse_and_index=80ms ...}. */
  public static String summary() {
    StringBuilder line = new StringBuilder();
    for (Phase phase : Phase.values()) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(phase.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(nanos(phase) / 1_000_000).append("ms");
    }
    return line.toString();
  }
}
