package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.ParsedFile;
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

  /** Whether the rules' evidence is kept: only the threat-model report reads it. */
  private final boolean keepsEvidence;

  private final List<Finding> findings = new ArrayList<>();
  private final List<Mitigation> evidence = new ArrayList<>();
  private final List<ToolError> errors = new ArrayList<>();
  private final Map<Place, NodeRef> firstReported = new HashMap<>();
  private boolean fileCapped;
  private ApiFacts facts;

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

  DocumentRun(ApiDocument document, boolean keepsEvidence) {
    this.document = document;
    this.keepsEvidence = keepsEvidence;
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
    DocumentRun run = new DocumentRun(document, withEvidence);
    Dispatcher dispatcher = new Dispatcher(timings, collector);
    for (EnabledRule rule : rules) {
      Context context = run.new Context(rule.id(), rule.level(), rule.descriptor().info());
      try {
        dispatcher.subscribe(rule.descriptor().newInstance(rule.options()), context);
      } catch (RuntimeException e) {
        context.fail("", e);
      }
    }
    new Walker(document, dispatcher).walk();
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
    }

    @Override
    public void unmitigated(NodeRef node, String mitigation, String description) {
      record(node, mitigation, false, description);
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
      if (!keepsEvidence) {
        return; // checked all the same: a rule that records wrongly fails in a check too
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
