package io.github.threatlint.core.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rules of one document are split into groups, each walked on a core of its own, when a run
 * has fewer documents than threads (one large specification on the command line, the language
 * server's document). In the directory corpus the files already keep every core busy, and a split
 * would only repeat the walk.
 */
final class RuleGroups {
  /**
   * At most this many groups: each group repeats the walk itself (CPU for no result), and the
   * costliest rule alone is about a tenth of the rules' time, which no split shortens. A bound, not
   * a measured best: only two groups (two cores) were measured.
   */
  static final int MAX_GROUPS = 4;

  /**
   * The costliest rules, costliest first, by their time summed over the large specifications of the
   * benchmark (Stripe JSON and YAML, GitHub, Kubernetes; cold, one walk): together about four
   * fifths of the rules' time. The other rules cost a few milliseconds each and follow in the run's
   * order. spec-invalid comes first for the swagger-parser model it waits for (built on a thread of
   * its own): the rules dealt beside it run while the model is built.
   */
  static final List<String> COSTLIEST =
      List.of(
          "spec-invalid",
          "correlation-id-missing",
          "rate-limit-headers-missing",
          "string-max-length",
          "component-unused",
          "cache-control-missing",
          "numeric-bounds",
          "numeric-format",
          "data-classification-missing",
          "description-unsafe-markdown",
          "upload-content-type-unrestricted",
          "request-server-managed-field",
          "string-pattern-missing",
          "operation-security-missing",
          "schema-additional-properties",
          "url-input-unrestricted",
          "callback-insecure",
          "response-schema-overbroad",
          "cors-origin-undeclared",
          "client-credentials-on-user-data",
          "idempotency-key-missing",
          "sensitive-field-in-response",
          "upload-unbounded",
          "array-max-items",
          "admin-security-not-distinct",
          "pagination-unbounded",
          "password-field-unprotected",
          "credentials-in-url");

  private RuleGroups() {}

  /** How many groups each of {@code files} documents is split into on {@code threads} threads. */
  static int count(int threads, int files) {
    return files >= threads ? 1 : Math.min(MAX_GROUPS, threads / Math.max(1, files));
  }

  /**
   * The rules dealt to {@code count} groups as cards are, costliest first, the deal going back and
   * forth (0, 1, 1, 0, 0, 1, ...) so that no group always gets the dearer of each pair. Each group
   * keeps the rules in the run's order.
   */
  static List<List<EnabledRule>> deal(List<EnabledRule> rules, int count) {
    if (count < 2 || rules.size() < 2) {
      return List.of(rules);
    }
    List<EnabledRule> byCost = new ArrayList<>(rules);
    byCost.sort(Comparator.comparingInt(RuleGroups::costRank)); // stable: the rest keep run order
    List<List<EnabledRule>> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < byCost.size(); i++) {
      int round = i / count;
      int seat = i % count;
      groups.get(round % 2 == 0 ? seat : count - 1 - seat).add(byCost.get(i));
    }
    Map<EnabledRule, Integer> places = places(rules);
    List<List<EnabledRule>> dealt = new ArrayList<>();
    for (List<EnabledRule> group : groups) {
      if (!group.isEmpty()) {
        group.sort(Comparator.comparingInt(places::get));
        dealt.add(List.copyOf(group));
      }
    }
    return List.copyOf(dealt);
  }

  /**
   * The rules dealt to {@code count} groups as {@link #deal(List, int)} deals them, but only those
   * that run: the rules whose calls {@code kept} holds are replayed, which costs little beside a
   * walk, and join the last group (the first walks on the file's own thread, with the facts).
   */
  static List<List<EnabledRule>> deal(List<EnabledRule> rules, int count, RuleCalls kept) {
    if (kept == null) {
      return deal(rules, count);
    }
    List<EnabledRule> live = new ArrayList<>();
    List<EnabledRule> replayed = new ArrayList<>();
    for (EnabledRule rule : rules) {
      (kept.of(rule) == null ? live : replayed).add(rule);
    }
    List<List<EnabledRule>> groups = new ArrayList<>(deal(live, count));
    int last = groups.size() - 1;
    List<EnabledRule> joined = new ArrayList<>(groups.get(last));
    joined.addAll(replayed);
    Map<EnabledRule, Integer> places = places(rules);
    joined.sort(Comparator.comparingInt(places::get));
    groups.set(last, List.copyOf(joined));
    return List.copyOf(groups);
  }

  /** Each rule's place in {@code rules}, by identity. */
  static Map<EnabledRule, Integer> places(List<EnabledRule> rules) {
    // by identity: a record's equals compares the options of the rules, for every comparison
    Map<EnabledRule, Integer> places = new IdentityHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      places.put(rules.get(i), i);
    }
    return places;
  }

  private static int costRank(EnabledRule rule) {
    int rank = COSTLIEST.indexOf(rule.id());
    return rank < 0 ? COSTLIEST.size() : rank;
  }
}
