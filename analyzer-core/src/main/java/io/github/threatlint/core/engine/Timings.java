package io.github.threatlint.core.engine;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the time of one run goes, per phase, summed over files (and threads): so the benchmark can
 * show the next bottleneck. The swagger-parser model is timed on its own, since it is built lazily
 * inside the walk only when spec-invalid asks for it. Each {@link Analyzer} has its own.
 */
public final class Timings {
  public enum Phase {
    READ,
    PARSE_AND_INDEX,
    SWAGGER_PARSER_MODEL,
    WALK_AND_RULES,
    REPORT
  }

  private final LongAdder[] nanos = new LongAdder[Phase.values().length];

  /** Per rule, only when asked for: timing every call costs a little. */
  private volatile boolean perRule;

  private final Map<String, LongAdder> ruleNanos = new ConcurrentHashMap<>();

  /** The shared facts of the documents, by fact: out of the time of the rules that asked. */
  private final Map<String, LongAdder> factNanos = new ConcurrentHashMap<>();

  public Timings() {
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = new LongAdder();
    }
  }

  /** Times each rule's calls from now on (the rule's share of walk_and_rules). */
  public void timeRules() {
    perRule = true;
  }

  boolean timingRules() {
    return perRule;
  }

  void addRule(String ruleId, long nanos) {
    ruleNanos.computeIfAbsent(ruleId, id -> new LongAdder()).add(nanos);
  }

  void addFact(String name, long nanos) {
    factNanos.computeIfAbsent(name, id -> new LongAdder()).add(nanos);
  }

  /**
   * The slowest rules: {@code rule-a=120ms rule-b=80ms ...}. The shared facts of the document are
   * left out (see {@link #slowestFacts}); the swagger-parser model counts for the first rule that
   * asks for it.
   */
  public String slowestRules(int count) {
    return slowest(ruleNanos, count);
  }

  /**
   * The slowest shared facts, worked out once per document for the rules that ask: {@code
   * reference-users=120ms schema-usage=80ms ...}, each without the facts it asked for.
   */
  public String slowestFacts(int count) {
    return slowest(factNanos, count);
  }

  private static String slowest(Map<String, LongAdder> nanos, int count) {
    StringBuilder line = new StringBuilder();
    nanos.entrySet().stream()
        .sorted(
            Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum))
                .reversed())
        .limit(count)
        .forEach(
            entry ->
                line.append(line.length() > 0 ? " " : "")
                    .append(entry.getKey())
                    .append('=')
                    .append(entry.getValue().sum() / 1_000_000)
                    .append("ms"));
    return line.toString();
  }

  public void add(Phase phase, long nanos) {
    this.nanos[phase.ordinal()].add(nanos);
  }

  public long nanos(Phase phase) {
    return nanos[phase.ordinal()].sum();
  }

  /** One line: {@code read=12ms parse_and_index=80ms ...}. */
  public String summary() {
    StringBuilder line = new StringBuilder();
    for (Phase phase : Phase.values()) {
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(phase.name().toLowerCase(java.util.Locale.ROOT))
          .append('=')
          .append(nanos(phase) / 1_000_000)
          .append("ms");
    }
    return line.toString();
  }
}
