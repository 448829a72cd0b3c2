package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.RuleInfo;
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
   * The rules that read swagger-parser's messages first (spec-invalid), for the model they wait
   * for, built on a thread of its own: the rules dealt beside them run while it is built; then by
   * their cost ({@link RuleInfo#cost()}), costliest first. Written out: {@code
   * Comparator.comparing} and {@code thenComparing} make serializable lambdas, which the class-data
   * archive does not hold, spun on main before a check's file is read.
   */
  private static final Comparator<EnabledRule> COSTLIEST_FIRST =
      (a, b) -> {
        RuleInfo first = a.descriptor().info();
        RuleInfo second = b.descriptor().info();
        if (first.readsParserMessages() != second.readsParserMessages()) {
          return first.readsParserMessages() ? -1 : 1;
        }
        return second.cost().compareTo(first.cost());
      };

  private RuleGroups() {}

  /** How many groups each of {@code files} documents is split into on {@code threads} threads. */
  static int count(int threads, int files) {
    return files >= threads ? 1 : Math.min(MAX_GROUPS, threads / Math.max(1, files));
  }

  /**
   * The rules dealt to {@code count} groups as cards are, costliest first ({@link
   * #COSTLIEST_FIRST}), the deal going back and forth (0, 1, 1, 0, 0, 1, ...) so that no group
   * always gets the dearer of each pair. Each group keeps the rules in the run's order.
   */
  static List<List<EnabledRule>> deal(List<EnabledRule> rules, int count) {
    if (count < 2 || rules.size() < 2) {
      return List.of(rules);
    }
    List<EnabledRule> byCost = new ArrayList<>(rules);
    byCost.sort(COSTLIEST_FIRST); // stable: rules of one cost keep the run's order
    List<List<EnabledRule>> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < byCost.size(); i++) {
      int round = i / count;
      int seat = i % count;
      groups.get(round % 2 == 0 ? seat : count - 1 - seat).add(byCost.get(i));
    }
    return inPlaceOrder(groups, rules);
  }

  /**
   * The rules dealt to {@code count} groups as {@link #deal(List, int)} deals them, but only those
   * that run; the rules whose calls {@code kept} holds are replayed, and are dealt by how many
   * calls each replays, each to the group with the fewest replayed calls so far. A replay costs
   * about as much per call as a live report (the call's node, region and uses are worked out
   * again): on Stripe its 16 000 calls took as long as the live rules' walk, and in one group they
   * made that group twice as long as the other.
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
    List<List<EnabledRule>> groups = new ArrayList<>();
    for (List<EnabledRule> group : deal(live, count)) {
      groups.add(new ArrayList<>(group));
    }
    while (groups.size() < count) {
      groups.add(new ArrayList<>()); // fewer rules run than there are groups
    }
    // stable: rules with as many calls keep the run's order
    replayed.sort(Comparator.comparingInt((EnabledRule rule) -> kept.of(rule).size()).reversed());
    int[] calls = new int[groups.size()];
    for (EnabledRule rule : replayed) {
      int fewest = 0;
      for (int i = 1; i < calls.length; i++) {
        if (calls[i] < calls[fewest]) {
          fewest = i;
        }
      }
      groups.get(fewest).add(rule);
      calls[fewest] += kept.of(rule).size();
    }
    return inPlaceOrder(groups, rules);
  }

  /**
   * The groups that are not empty, each in the order of {@code rules}, which decides the output's:
   * the rules taken in that order, each into its group (not sorted by place with {@code
   * Comparator.comparingInt}, whose lambdas were spun at every start, as {@link
   * #COSTLIEST_FIRST}'s).
   */
  private static List<List<EnabledRule>> inPlaceOrder(
      List<List<EnabledRule>> groups, List<EnabledRule> rules) {
    // by identity, as places: a record's equals compares the options of the rules
    Map<EnabledRule, List<EnabledRule>> groupOf = new IdentityHashMap<>();
    List<List<EnabledRule>> inOrder = new ArrayList<>();
    for (List<EnabledRule> group : groups) {
      List<EnabledRule> ordered = new ArrayList<>(group.size());
      inOrder.add(ordered);
      for (EnabledRule rule : group) {
        groupOf.put(rule, ordered);
      }
    }
    for (EnabledRule rule : rules) {
      List<EnabledRule> group = groupOf.get(rule);
      if (group != null) {
        group.add(rule);
      }
    }
    List<List<EnabledRule>> dealt = new ArrayList<>();
    for (List<EnabledRule> group : inOrder) {
      if (!group.isEmpty()) {
        dealt.add(List.copyOf(group));
      }
    }
    return List.copyOf(dealt);
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
}
