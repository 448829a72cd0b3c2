package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SpecVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the rules that do not read prose ({@link RuleInfo#readsProse()} false) said about one
 * document, call by call on their context: a front end that analyses the document again (the
 * language server, through {@code CheckCache}) keeps it, and after an edit of prose alone replays
 * the calls through a fresh context against the new document instead of running those rules again.
 * A call names its node by pointer in the root file, never by region: the region, the operations
 * that use the place, the in-source suppression and the caps are worked out again by the same code
 * as a live report's. Only a document whose analysis reached no other file is kept.
 */
public final class RuleCalls {
  /** The calls of each rule, by the rule as it was enabled, in the order it made them. */
  private final Map<Enabled, List<Call>> byRule = new HashMap<>();

  /**
   * For each rule, what each of its calls was worked out as on {@link #tree} (one per call, in the
   * same order; null for a call that recorded nothing), or no list.
   */
  private final Map<Enabled, List<Resolved>> resolvedByRule = new HashMap<>();

  /** The root of the tree the calls were resolved on: the document of the run that kept them. */
  private JsonNode tree;

  /**
   * A rule as it was enabled: its class, not its descriptor (the catalog may be made again for each
   * run), its id, level and options.
   */
  private record Enabled(Class<?> type, String id, Level level, Map<String, Object> options) {
    static Enabled of(EnabledRule rule) {
      return new Enabled(rule.descriptor().type(), rule.id(), rule.level(), rule.options());
    }
  }

  RuleCalls(
      Map<EnabledRule, List<Call>> byRule,
      Map<EnabledRule, List<Resolved>> resolved,
      JsonNode tree) {
    byRule.forEach((rule, calls) -> this.byRule.put(Enabled.of(rule), calls));
    resolved.forEach((rule, places) -> this.resolvedByRule.put(Enabled.of(rule), places));
    this.tree = tree;
  }

  private RuleCalls() {}

  /** The calls of several runs, each of other rules (the groups of a split run), together. */
  static RuleCalls union(List<RuleCalls> parts) {
    RuleCalls union = new RuleCalls();
    for (RuleCalls part : parts) {
      union.byRule.putAll(part.byRule);
      union.resolvedByRule.putAll(part.resolvedByRule);
      union.tree = part.tree;
    }
    return union;
  }

  /** The calls {@code rule} made, enabled with the same level and options, or null. */
  List<Call> of(EnabledRule rule) {
    return byRule.get(Enabled.of(rule));
  }

  /** What the calls of {@code rule} were worked out as on {@link #tree()}, or null. */
  List<Resolved> resolved(EnabledRule rule) {
    return resolvedByRule.get(Enabled.of(rule));
  }

  /** The root of the tree the calls were resolved on. */
  JsonNode tree() {
    return tree;
  }

  /**
   * What a call that reported or recorded evidence was worked out as: the tree node it named, its
   * region, and for a finding the operations that use the place and its related places. An edit
   * inside one string that moves none of them leaves them as they were ({@link Replay}).
   */
  record Resolved(
      JsonNode node, Region region, List<Finding.Use> uses, List<Finding.Related> related) {}

  /**
   * Where an analyzer finds the calls kept from the last analysis of a document, and keeps those of
   * this one.
   */
  public interface Memory {
    /**
     * The calls kept for the document in {@code file}, when its tree differs from the one they were
     * made on in prose alone; else null.
     */
    RuleCalls recall(ParsedFile file, SpecVersion version);

    /** Keeps the calls made on the document in {@code file}; null keeps none. */
    void keep(ParsedFile file, SpecVersion version, RuleCalls calls);
  }

  /** How many calls are kept. */
  public int size() {
    return byRule.values().stream().mapToInt(List::size).sum();
  }

  enum Kind {
    REPORT,
    MITIGATED,
    UNMITIGATED
  }

  /**
   * One call: a report ({@code text} its message, {@code grade} and {@code related} as given) or
   * evidence ({@code text} the mitigation, {@code description} what it shows). {@code detached}:
   * the node was made from a pointer without a tree node, and is replayed so.
   */
  record Call(
      Kind kind,
      String pointer,
      boolean detached,
      String text,
      String description,
      Level grade,
      List<Related> related) {
    /**
     * The call a rule made on its context, as it is kept; null when it cannot be replayed from
     * pointers: a node or related place outside the {@code root} file, or a related place with a
     * region of its own.
     */
    static Call of(
        Kind kind,
        NodeRef node,
        String text,
        String description,
        Level grade,
        List<RelatedLocation> related,
        ParsedFile root) {
      List<Related> places = new ArrayList<>(related.size());
      for (RelatedLocation place : related) {
        if (place.file() != root || !place.region().equals(root.index().region(place.pointer()))) {
          return null;
        }
        places.add(new Related(place.pointer(), place.label()));
      }
      if (node.file() != root) {
        return null;
      }
      return new Call(
          kind, node.pointer(), node.node() == null, text, description, grade, List.copyOf(places));
    }
  }

  /** A related place of a report: its pointer in the root file, and its label. */
  record Related(String pointer, String label) {}
}
