package io.github.threatlint.core.engine;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Per rule, only when asked for: timing every call costs a little. */
  private static volatile boolean perRule;
  private static final Map<String, LongAdder> RULE_NANOS = new ConcurrentHashMap<>();

  private Timings() {}

  /** Times each rule's calls from now on (the rule's share of walk_and_rules). */
  public static void timeRules() {
    perRule = true;
  }

  static boolean timingRules() {
    return perRule;
  }

  static void addRule(String ruleId, long nanos) {
    RULE_NANOS.computeIfAbsent(ruleId, id -> new LongAdder()).add(nanos);
  }

  /**
   * The slowest rules: {@code rule-a=120ms rule-b=80ms ...}. Facts computed lazily for the whole
   * document (schema usage, the swagger-parser model) count for the first rule that asks for them.
   */
  public static String slowestRules(int count) {
    StringBuilder line = new StringBuilder();
    RULE_NANOS.entrySet().stream()
        .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
        .limit(count)
        .forEach(entry -> line.append(line.length() > 0 ? " " : "").append(entry.getKey()).append('=')
            .append(entry.getValue().sum() / 1_000_000).append("ms"));
    return line.toString();
  }

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
