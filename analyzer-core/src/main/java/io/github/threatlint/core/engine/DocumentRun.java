package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.ParsedFile;
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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The analysis of one document by a set of rules in one walk: the findings, the mitigation evidence
 * and the tool errors. The set may be one group of a split of the document's rules ({@link
 * SplitRun}), which then notes where in the walk each record of evidence and each error was made. A
 * rule whose calls were kept from the last analysis of the document is replayed ({@link Replay})
 * instead of run.
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

  /** Whether the rules' evidence is kept: only the threat-model report reads it. */
  private final boolean keepsEvidence;

  private final List<Finding> findings = new ArrayList<>();
  private final List<Mitigation> evidence = new ArrayList<>();
  private final List<ToolError> errors = new ArrayList<>();
  private final Map<Place, NodeRef> firstReported = new HashMap<>();
  private boolean fileCapped;
  private ApiFacts facts;
  private RuleCalls ruleCalls;

  /** Replays the calls kept for a rule against this run's document. */
  private final Replay replay;

  /** The walk's dispatcher, which knows where the walk is. */
  private Dispatcher dispatcher;

  /**
   * In a run of one group of a split: where in the walk each record of evidence and each tool error
   * was made, to merge the groups in walk order; null in a run of all the rules.
   */
  private final List<Made> evidenceMade;

  private final List<Made> errorsMade;

  /**
   * A place in the walk: the visit, the step within it (see {@link Dispatcher#step()}) and the
   * rule's place in the run's order, as one walk of all rules calls them.
   */
  record Made(long visit, int step, int rule) implements Comparable<Made> {
    /** After the walk: the threat-model facts' error. */
    static final Made AFTER_WALK = new Made(Long.MAX_VALUE, 0, 0);

    @Override
    public int compareTo(Made other) {
      int byVisit = Long.compare(visit, other.visit);
      if (byVisit != 0) {
        return byVisit;
      }
      int byStep = Integer.compare(step, other.step);
      return byStep != 0 ? byStep : Integer.compare(rule, other.rule);
    }
  }

  private record Place(String ruleId, String file, Region region) {
    // what a record's own equals and hashCode compute, written out: those are linked through method
    // handles at their first call, which a class-data archive does not hold (docs/performance.md)
    @Override
    public boolean equals(Object other) {
      return other instanceof Place that
          && Objects.equals(ruleId, that.ruleId)
          && Objects.equals(file, that.file)
          && Objects.equals(region, that.region);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(ruleId) * 31 + Objects.hashCode(file)) * 31
          + Objects.hashCode(region);
    }
  }

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

  /**
   * The uses of each list of using operations: the places of a schema shared by many operations
   * (its properties, their formats) are used by the same ones, and share one list of uses.
   * Operations are compared by identity, so a list's hash is cheap next to building the list.
   */
  private final Map<List<Operation>, List<Finding.Use>> usesByUsers = new HashMap<>();

  /** Whether each file a finding was reported in has any {@code x-threatlint-ignore}. */
  private final Map<ParsedFile, Boolean> filesWithSuppressions = new IdentityHashMap<>();

  private DocumentRun(ApiDocument document, boolean keepsEvidence, boolean inGroup) {
    this.document = document;
    this.keepsEvidence = keepsEvidence;
    this.replay = new Replay(document);
    this.evidenceMade = inGroup ? new ArrayList<>() : null;
    this.errorsMade = inGroup ? new ArrayList<>() : null;
  }

  /**
   * Runs the rules over the document and returns its findings (unsorted) and errors, its evidence
   * when {@code withEvidence} (else none), and its facts taken in the same walk when {@code
   * withFacts}.
   */
  static DocumentRun run(
      ApiDocument document,
      List<EnabledRule> rules,
      Timings timings,
      boolean withFacts,
      boolean withEvidence) {
    return run(
        document, rules, timings, withFacts ? new FactCollector(document) : null, withEvidence);
  }

  /** Runs the rules, and {@code collector} (or none, when null) in the same walk. */
  static DocumentRun run(
      ApiDocument document,
      List<EnabledRule> rules,
      Timings timings,
      FactCollector collector,
      boolean withEvidence) {
    DocumentRun run =
        walk(document, rules, rules, timings, collector, null, false, withEvidence, false);
    addFactTimes(document, timings);
    return run;
  }

  static void addFactTimes(ApiDocument document, Timings timings) {
    if (timings.timingRules()) {
      document.factNanosByName().forEach(timings::addFact);
    }
  }

  /**
   * One walk of {@code rules}, whose places in a walk of all rules are their places in {@code
   * order}; {@code inGroup} when the walk is one group of a split, which notes where each record of
   * evidence and each error was made. The calls {@code kept} for a rule are replayed instead of
   * running it, and with {@code record} those of the rules that do not read prose are kept.
   */
  static DocumentRun walk(
      ApiDocument document,
      List<EnabledRule> rules,
      List<EnabledRule> order,
      Timings timings,
      FactCollector collector,
      RuleCalls kept,
      boolean record,
      boolean withEvidence,
      boolean inGroup) {
    DocumentRun run = new DocumentRun(document, withEvidence, inGroup);
    Dispatcher dispatcher = new Dispatcher(timings, collector);
    run.dispatcher = dispatcher;
    Map<EnabledRule, Integer> places = RuleGroups.places(order);
    List<Context> recording = new ArrayList<>();
    Map<EnabledRule, List<RuleCalls.Call>> recorded = new HashMap<>();
    Map<EnabledRule, List<RuleCalls.Resolved>> resolved = new HashMap<>();
    // what the kept calls were worked out as holds where this document's edit did not reach
    boolean followsEdit = kept != null && run.replay.follows(kept.tree());
    for (EnabledRule rule : rules) {
      Context context =
          run.new Context(rule.id(), rule.level(), rule.descriptor().info(), places.get(rule));
      List<RuleCalls.Call> calls = kept == null ? null : kept.of(rule);
      if (calls != null) {
        context.resolved = new ArrayList<>(calls.size());
        if (run.replay.replay(calls, followsEdit ? kept.resolved(rule) : null, context)) {
          recorded.put(rule, calls);
          resolved.put(rule, context.resolved);
          continue;
        }
        context.resolved = null;
      }
      if (record && !rule.descriptor().info().readsProse()) {
        context.calls = new ArrayList<>();
        context.resolved = new ArrayList<>();
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
          resolved.put(context.enabled, context.resolved);
        }
      }
      run.ruleCalls = new RuleCalls(recorded, resolved, document.rootFile().root());
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
        run.addError(
            new ToolError(
                document.rootFile().displayPath(),
                0,
                0,
                null,
                null,
                "internal error while taking the threat-model facts: " + failure),
            Made.AFTER_WALK);
      }
    }
    return run;
  }

  private void addError(ToolError error, Made made) {
    errors.add(error);
    if (errorsMade != null) {
      errorsMade.add(made);
    }
  }

  /** The operations that use the place through references, where each is written. */
  private List<Finding.Use> usedBy(NodeRef node, Located place) {
    if (place.uses == null) {
      // looked up and put, not computeIfAbsent(users, this::uses): a bound method reference is
      // made at each call (in C1's code through method handles, see Dispatcher.Check)
      List<Operation> users = document.referenceUsers().of(node);
      List<Finding.Use> uses = usesByUsers.get(users);
      if (uses == null) {
        uses = uses(users);
        usesByUsers.put(users, uses);
      }
      place.uses = uses;
    }
    return place.uses;
  }

  private List<Finding.Use> uses(List<Operation> operations) {
    List<Finding.Use> uses = new ArrayList<>(operations.size());
    for (Operation operation : operations) {
      Finding.Use use = useByOperation.get(operation);
      if (use == null) {
        use = use(operation);
        useByOperation.put(operation, use);
      }
      uses.add(use);
    }
    return List.copyOf(uses);
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

  /**
   * The run of all rules that the runs of their groups make together ({@link SplitRun}): their
   * results, merged in the order of one walk.
   */
  static DocumentRun merged(
      ApiDocument document,
      List<Finding> findings,
      List<Mitigation> evidence,
      List<ToolError> errors,
      ApiFacts facts,
      RuleCalls ruleCalls) {
    DocumentRun merged = new DocumentRun(document, true, false);
    merged.findings.addAll(findings);
    merged.evidence.addAll(evidence);
    merged.errors.addAll(errors);
    merged.facts = facts;
    merged.ruleCalls = ruleCalls;
    return merged;
  }

  /** Where each record of {@link #evidence()} was made, in a run of one group of a split. */
  List<Made> evidenceMade() {
    return evidenceMade;
  }

  /** Where each of {@link #errors()} was made, in a run of one group of a split. */
  List<Made> errorsMade() {
    return errorsMade;
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

    /** The rule's place in the run's order. */
    private final int order;

    private boolean failed;
    private int count;

    /**
     * The rule's calls, kept when it does not read prose and the run records; null when not, or
     * when one of them cannot be replayed from pointers (a node or related place in another file, a
     * related place with a region of its own).
     */
    private List<RuleCalls.Call> calls;

    private EnabledRule enabled;

    /**
     * When the rule's calls are kept or replayed: what each call was worked out as (region, uses,
     * related places; null when it recorded nothing), for the next replay; else null.
     */
    private List<RuleCalls.Resolved> resolved;

    Context(String ruleId, Level level, RuleInfo info, int order) {
      this.order = order;
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
      RuleCalls.Resolved done = add(node, levelOf(grade), message, related, null);
      if (calls != null) {
        keep(RuleCalls.Kind.REPORT, node, message, null, grade, related);
      }
      if (resolved != null) {
        resolved.add(done);
      }
    }

    private Level levelOf(Level grade) {
      boolean graded = grade != null && grade != Level.OFF && level == defaultLevel;
      return graded ? grade : level;
    }

    /**
     * Makes a kept call again at {@code node} as it was worked out last time ({@code last}): its
     * region, uses and related places are not worked out again.
     */
    void replay(RuleCalls.Call call, NodeRef node, RuleCalls.Resolved last) {
      resolved.add(
          switch (call.kind()) {
            case REPORT -> add(node, levelOf(call.grade()), call.text(), List.of(), last);
            case MITIGATED -> record(node, call.text(), true, call.description(), last);
            case UNMITIGATED -> record(node, call.text(), false, call.description(), last);
          });
    }

    private void keep(
        RuleCalls.Kind kind,
        NodeRef node,
        String text,
        String description,
        Level grade,
        List<RelatedLocation> related) {
      RuleCalls.Call call =
          RuleCalls.Call.of(kind, node, text, description, grade, related, document.rootFile());
      if (call == null) {
        calls = null;
      } else {
        calls.add(call);
      }
    }

    /**
     * Adds the finding, with its region, uses and related places from {@code last} when given, else
     * worked out; returns what they were worked out as when the calls are kept, else null.
     */
    private RuleCalls.Resolved add(
        NodeRef node,
        Level findingLevel,
        String message,
        List<RelatedLocation> related,
        RuleCalls.Resolved last) {
      if (count >= MAX_FINDINGS_PER_RULE || fileCapped) {
        return null;
      }
      String file = node.file().displayPath();
      Located place = last == null ? located(node) : null;
      Region region = last == null ? place.region : last.region();
      NodeRef first = firstReported.putIfAbsent(new Place(ruleId, file, region), node);
      if (first != null
          && node.node() != null
          && first.node() == node.node()
          && !first.pointer().equals(node.pointer())) {
        return null; // a copy through an alias
      }
      if (++count == MAX_FINDINGS_PER_RULE) {
        addError(
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
                    + " findings in this document; the rest are left out"),
            made());
      }
      if (findings.size() + 1 == MAX_FINDINGS_PER_FILE) {
        fileCapped = true;
        addError(
            new ToolError(
                document.rootFile().displayPath(),
                0,
                0,
                null,
                null,
                "the rules reported "
                    + MAX_FINDINGS_PER_FILE
                    + " findings in this document; the rest are left out"),
            made());
      }
      List<Finding.Use> uses = last == null ? usedBy(node, place) : last.uses();
      List<Finding.Related> places = last == null ? related(related) : last.related();
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
              uses,
              places));
      if (last != null || resolved == null) {
        return last;
      }
      return new RuleCalls.Resolved(node.node(), region, uses, places);
    }

    @Override
    public void mitigated(NodeRef node, String mitigation, String description) {
      RuleCalls.Resolved done = record(node, mitigation, true, description, null);
      if (calls != null) {
        keep(RuleCalls.Kind.MITIGATED, node, mitigation, description, null, List.of());
      }
      if (resolved != null) {
        resolved.add(done);
      }
    }

    @Override
    public <T> void mitigated(
        NodeRef node, String mitigation, T subject, Function<? super T, String> description) {
      // unused unless evidence is kept or the call is (record checks the mitigation either way)
      mitigated(node, mitigation, describes() ? description.apply(subject) : null);
    }

    @Override
    public void unmitigated(NodeRef node, String mitigation, String description) {
      RuleCalls.Resolved done = record(node, mitigation, false, description, null);
      if (calls != null) {
        keep(RuleCalls.Kind.UNMITIGATED, node, mitigation, description, null, List.of());
      }
      if (resolved != null) {
        resolved.add(done);
      }
    }

    @Override
    public <T> void unmitigated(
        NodeRef node, String mitigation, T subject, Function<? super T, String> description) {
      unmitigated(node, mitigation, describes() ? description.apply(subject) : null);
    }

    /** Whether evidence descriptions are used: when evidence is kept, or the calls are. */
    private boolean describes() {
      return keepsEvidence || calls != null;
    }

    /**
     * Records the evidence, at the region of {@code last} when given; returns the region worked out
     * when the calls are kept, else null.
     */
    private RuleCalls.Resolved record(
        NodeRef node,
        String mitigation,
        boolean shown,
        String description,
        RuleCalls.Resolved last) {
      if (!mitigations.contains(mitigation)) {
        throw new IllegalArgumentException(
            "rule "
                + ruleId
                + " records evidence for '"
                + mitigation
                + "', which its @RuleInfo(mitigations) does not list");
      }
      if (!keepsEvidence) {
        return null; // checked all the same: a rule that records wrongly fails in a check too
      }
      String file = node.file().displayPath();
      Region region = last == null ? located(node).region : last.region();
      // a copy through a YAML alias is the same place; a document over the findings cap gets no
      // more evidence either
      if (evidence.size() < MAX_FINDINGS_PER_FILE
          && recorded.add(new EvidencePlace(ruleId, mitigation, shown, file, region))) {
        evidence.add(
            new Mitigation(mitigation, shown, ruleId, description, file, node.pointer(), region));
        if (evidenceMade != null) {
          evidenceMade.add(made());
        }
      }
      if (last != null || resolved == null) {
        return last;
      }
      return new RuleCalls.Resolved(node.node(), region, null, null);
    }

    /** Where the walk is, for this rule. */
    private Made made() {
      return new Made(dispatcher.visit(), dispatcher.step(), order);
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
      addError(
          new ToolError(document.rootFile().displayPath(), 0, 0, ruleId, pointer, message), made());
    }
  }
}
