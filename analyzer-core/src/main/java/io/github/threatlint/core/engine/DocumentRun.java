package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.ReferenceUsers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.facts.FactCollector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analysis of one document by a set of rules: one walk, the findings, the mitigation evidence
 * and the tool errors.
 *
 * <p>A rule reports a node of the source text once: the walk reaches a node behind YAML aliases
 * once per alias (the same tree node, at the anchor's place, under another pointer), and the
 * reports of the copies, which may name the node after each alias, are left out. The findings of a
 * rule, and of the document, are capped; what goes over a cap is left out and said in a tool error.
 */
final class DocumentRun {
  static final int MAX_FINDINGS_PER_RULE = 50_000;
  static final int MAX_FINDINGS_PER_FILE = 200_000;

  private final ApiDocument document;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Mitigation> evidence = new ArrayList<>();
  private final List<ToolError> errors = new ArrayList<>();
  private final Map<Place, NodeRef> firstReported = new HashMap<>();
  private boolean fileCapped;
  private ApiFacts facts;
  private RuleCalls ruleCalls;

  /** The nodes of the root file that replayed calls named, by pointer. */
  private final Map<String, NodeRef> replayedNodes = new HashMap<>();

  private record Place(String ruleId, String file, Region region) {}

  /**
   * Evidence is recorded once per rule, mitigation and place of the source text, as findings are.
   */
  private final Set<EvidencePlace> recorded = new HashSet<>();

  private record EvidencePlace(
      String ruleId, String mitigation, boolean shown, String file, Region region) {}

  /**
   * Each place reported at, with its region and, once a finding is reported there, its uses: one
   * look-up per report. Several rules report, and record evidence, at the same schema or operation;
   * locating a pointer reads it segment by segment from the file's root, and a shared schema is
   * used by many operations, so each is worked out once, and so is the use of each operation.
   */
  private final Map<NodeRef, Located> located = new HashMap<>();

  private static final class Located {
    final Region region;
    List<Finding.Use> uses;

    Located(Region region) {
      this.region = region;
    }
  }

  private final Map<Operation, Finding.Use> useByOperation = new HashMap<>();

  /** Whether each file a finding was reported in has any {@code x-threatlint-ignore}. */
  private final Map<ParsedFile, Boolean> filesWithSuppressions = new IdentityHashMap<>();

  DocumentRun(ApiDocument document) {
    this.document = document;
  }

  /**
   * Runs the rules over the document and returns its findings (unsorted), evidence and errors, and
   * its facts taken in the same walk when {@code withFacts}.
   */
  static DocumentRun run(
      ApiDocument document, List<EnabledRule> rules, Timings timings, boolean withFacts) {
    return run(document, rules, timings, withFacts ? new FactCollector(document) : null);
  }

  /** Runs the rules, and {@code collector} (or none, when null) in the same walk. */
  static DocumentRun run(
      ApiDocument document, List<EnabledRule> rules, Timings timings, FactCollector collector) {
    return run(document, rules, timings, collector, null, false);
  }

  /**
   * Runs the rules, and {@code collector} (or none, when null) in the same walk. A rule whose calls
   * {@code kept} holds (null: none) is not run: its calls are replayed against this document, whose
   * tree differs from the one they were made on in prose alone. When {@code record}, the calls of
   * the rules that do not read prose are kept for {@link #ruleCalls()}.
   */
  static DocumentRun run(
      ApiDocument document,
      List<EnabledRule> rules,
      Timings timings,
      FactCollector collector,
      RuleCalls kept,
      boolean record) {
    DocumentRun run = new DocumentRun(document);
    Dispatcher dispatcher = new Dispatcher(timings, collector);
    List<Context> recording = new ArrayList<>();
    Map<EnabledRule, List<RuleCalls.Call>> recorded = new HashMap<>();
    for (EnabledRule rule : rules) {
      Context context = run.new Context(rule.id(), rule.level(), rule.descriptor().info());
      List<RuleCalls.Call> calls = kept == null ? null : kept.of(rule);
      if (calls != null && context.replay(calls)) {
        recorded.put(rule, calls);
        continue;
      }
      if (record && !rule.descriptor().info().readsProse()) {
        context.calls = new ArrayList<>();
        context.enabled = rule;
        recording.add(context);
      }
      try {
        dispatcher.subscribe(rule.descriptor().newInstance(rule.options()), context);
      } catch (RuntimeException e) {
        context.fail("", e);
      }
    }
    new Walker(document, dispatcher).walk();
    if (record) {
      for (Context context : recording) {
        if (!context.failed() && context.calls != null) {
          recorded.put(context.enabled, List.copyOf(context.calls));
        }
      }
      run.ruleCalls = new RuleCalls(recorded);
    }
    if (timings.timingRules()) {
      document.factNanosByName().forEach(timings::addFact);
    }
    if (collector != null) {
      Throwable failure = dispatcher.factsFailure();
      if (failure == null) {
        try {
          run.facts = collector.finish();
        } catch (RuntimeException | StackOverflowError e) {
          failure = e;
        }
      }
      if (failure != null) {
        run.errors.add(
            new ToolError(
                document.rootFile().displayPath(),
                0,
                0,
                null,
                null,
                "internal error while taking the threat-model facts: " + failure));
      }
    }
    return run;
  }

  /**
   * The node of the root file at {@code pointer}, reached from its parent's as {@link NodeRef#at}
   * reaches it from the root, or null. Replayed calls often name the same place, and places share
   * their parents: each is reached once.
   */
  private NodeRef nodeAt(String pointer) {
    if (pointer.isEmpty()) {
      return document.root();
    }
    NodeRef node = replayedNodes.get(pointer);
    int slash = pointer.lastIndexOf('/');
    if (node == null && slash >= 0) {
      NodeRef parent = nodeAt(pointer.substring(0, slash));
      node = parent == null ? null : parent.child(Pointers.lastSegment(pointer));
      if (node != null) {
        replayedNodes.put(pointer, node);
      }
    }
    return node;
  }

  /** The operations that use the place through references, where each is written. */
  private List<Finding.Use> usedBy(NodeRef node, Located place) {
    if (place.uses != null) {
      return place.uses;
    }
    ReferenceUsers users = document.referenceUsers();
    List<Finding.Use> uses = new ArrayList<>();
    for (Operation operation : users.of(node)) {
      uses.add(useByOperation.computeIfAbsent(operation, this::use));
    }
    place.uses = List.copyOf(uses);
    return place.uses;
  }

  private Finding.Use use(Operation operation) {
    NodeRef mount = document.referenceUsers().mount(operation);
    return new Finding.Use(
        operation.label(),
        mount.file().displayPath(),
        mount.pointer(),
        mount.file().index().region(mount));
  }

  private Located located(NodeRef node) {
    Located place = located.get(node);
    if (place == null) {
      place = new Located(node.file().index().region(node));
      located.put(node, place);
    }
    return place;
  }

  /** The in-source suppression of a finding, looked up only in a file that has any. */
  private Finding.Suppression suppression(NodeRef node, String ruleId) {
    boolean any = filesWithSuppressions.computeIfAbsent(node.file(), InSourceSuppressions::anyIn);
    return any ? InSourceSuppressions.find(node.file(), node.pointer(), ruleId) : null;
  }

  private static List<Finding.Related> related(List<RelatedLocation> places) {
    List<Finding.Related> related = new ArrayList<>();
    for (RelatedLocation place : places) {
      related.add(
          new Finding.Related(
              place.label(), place.file().displayPath(), place.pointer(), place.region()));
    }
    return List.copyOf(related);
  }

  List<Finding> findings() {
    return findings;
  }

  List<Mitigation> evidence() {
    return evidence;
  }

  List<ToolError> errors() {
    return errors;
  }

  /**
   * The calls of the rules that do not read prose, replayed or recorded, when the run was asked to
   * record them; else null.
   */
  RuleCalls ruleCalls() {
    return ruleCalls;
  }

  /**
   * Whether a cap left findings or evidence out: which ones depends on the order of all rules'
   * calls, which a replay does not keep.
   */
  boolean capped() {
    return fileCapped || evidence.size() >= MAX_FINDINGS_PER_FILE;
  }

  /** The document's facts, or null when the run was not asked for them. */
  ApiFacts facts() {
    return facts;
  }

  /** The context of one rule: where its findings go, with its level. */
  final class Context implements RuleContext {
    private final String ruleId;
    private final Level level;
    private final Level defaultLevel;
    private final List<String> mitigations;
    private boolean failed;
    private int count;

    /**
     * The rule's calls, kept when it does not read prose and the run records; null when not, or
     * when one of them cannot be replayed from pointers (a node or related place in another file, a
     * related place with a region of its own).
     */
    private List<RuleCalls.Call> calls;

    private EnabledRule enabled;

    Context(String ruleId, Level level, RuleInfo info) {
      this.ruleId = ruleId;
      this.level = level;
      this.defaultLevel = info.level();
      this.mitigations = List.of(info.mitigations());
    }

    @Override
    public ApiDocument document() {
      return document;
    }

    @Override
    public void report(NodeRef node, String message, Level grade, List<RelatedLocation> related) {
      boolean graded = grade != null && grade != Level.OFF && level == defaultLevel;
      add(node, graded ? grade : level, message, related);
      if (calls != null) {
        keep(RuleCalls.Kind.REPORT, node, message, null, grade, related);
      }
    }

    private void keep(
        RuleCalls.Kind kind,
        NodeRef node,
        String text,
        String description,
        Level grade,
        List<RelatedLocation> related) {
      ParsedFile root = document.rootFile();
      List<RuleCalls.Related> places = new ArrayList<>(related.size());
      for (RelatedLocation place : related) {
        if (place.file() != root || !place.region().equals(root.index().region(place.pointer()))) {
          calls = null;
          return;
        }
        places.add(new RuleCalls.Related(place.pointer(), place.label()));
      }
      if (node.file() != root) {
        calls = null;
        return;
      }
      calls.add(
          new RuleCalls.Call(
              kind,
              node.pointer(),
              node.node() == null,
              text,
              description,
              grade,
              List.copyOf(places)));
    }

    /**
     * Makes the calls again against this run's document, as the rule made them against the last
     * one; false, having made none, when a node they name is not in this document.
     */
    boolean replay(List<RuleCalls.Call> kept) {
      List<NodeRef> nodes = new ArrayList<>(kept.size());
      for (RuleCalls.Call call : kept) {
        NodeRef node =
            call.detached()
                ? new NodeRef(document.rootFile(), call.pointer(), null)
                : nodeAt(call.pointer());
        if (node == null) {
          return false;
        }
        nodes.add(node);
      }
      for (int i = 0; i < kept.size(); i++) {
        RuleCalls.Call call = kept.get(i);
        switch (call.kind()) {
          case REPORT -> {
            List<RelatedLocation> related = new ArrayList<>(call.related().size());
            for (RuleCalls.Related place : call.related()) {
              related.add(
                  new RelatedLocation(
                      document.rootFile(),
                      place.pointer(),
                      document.rootFile().index().region(place.pointer()),
                      place.label()));
            }
            report(nodes.get(i), call.text(), call.grade(), related);
          }
          case MITIGATED -> mitigated(nodes.get(i), call.text(), call.description());
          case UNMITIGATED -> unmitigated(nodes.get(i), call.text(), call.description());
        }
      }
      return true;
    }

    private void add(
        NodeRef node, Level findingLevel, String message, List<RelatedLocation> related) {
      if (count >= MAX_FINDINGS_PER_RULE || fileCapped) {
        return;
      }
      String file = node.file().displayPath();
      Located place = located(node);
      Region region = place.region;
      NodeRef first = firstReported.putIfAbsent(new Place(ruleId, file, region), node);
      if (first != null
          && node.node() != null
          && first.node() == node.node()
          && !first.pointer().equals(node.pointer())) {
        return; // a copy through an alias
      }
      if (++count == MAX_FINDINGS_PER_RULE) {
        errors.add(
            new ToolError(
                document.rootFile().displayPath(),
                0,
                0,
                null,
                null,
                "rule "
                    + ruleId
                    + " reported "
                    + MAX_FINDINGS_PER_RULE
                    + " findings in this document; the rest are left out"));
      }
      if (findings.size() + 1 == MAX_FINDINGS_PER_FILE) {
        fileCapped = true;
        errors.add(
            new ToolError(
                document.rootFile().displayPath(),
                0,
                0,
                null,
                null,
                "the rules reported "
                    + MAX_FINDINGS_PER_FILE
                    + " findings in this document; the rest are left out"));
      }
      // x-threatlint-ignore is looked up here, while the finding's own file is at hand
      findings.add(
          new Finding(
              ruleId,
              findingLevel,
              message,
              file,
              node.pointer(),
              region,
              suppression(node, ruleId),
              usedBy(node, place),
              related(related)));
    }

    @Override
    public void mitigated(NodeRef node, String mitigation, String description) {
      record(node, mitigation, true, description);
      if (calls != null) {
        keep(RuleCalls.Kind.MITIGATED, node, mitigation, description, null, List.of());
      }
    }

    @Override
    public void unmitigated(NodeRef node, String mitigation, String description) {
      record(node, mitigation, false, description);
      if (calls != null) {
        keep(RuleCalls.Kind.UNMITIGATED, node, mitigation, description, null, List.of());
      }
    }

    private void record(NodeRef node, String mitigation, boolean shown, String description) {
      if (!mitigations.contains(mitigation)) {
        throw new IllegalArgumentException(
            "rule "
                + ruleId
                + " records evidence for '"
                + mitigation
                + "', which its @RuleInfo(mitigations) does not list");
      }
      String file = node.file().displayPath();
      Region region = located(node).region;
      // a copy through a YAML alias is the same place; a document over the findings cap gets no
      // more evidence either
      if (evidence.size() < MAX_FINDINGS_PER_FILE
          && recorded.add(new EvidencePlace(ruleId, mitigation, shown, file, region))) {
        evidence.add(
            new Mitigation(mitigation, shown, ruleId, description, file, node.pointer(), region));
      }
    }

    String ruleId() {
      return ruleId;
    }

    boolean failed() {
      return failed;
    }

    void fail(String pointer, Throwable error) {
      failed = true;
      String message =
          error.getClass().getSimpleName()
              + (error.getMessage() == null ? "" : ": " + error.getMessage());
      errors.add(new ToolError(document.rootFile().displayPath(), 0, 0, ruleId, pointer, message));
    }
  }
}
