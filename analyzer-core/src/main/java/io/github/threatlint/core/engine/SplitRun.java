package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.facts.FactCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules of one document split into groups ({@link RuleGroups}), each group's walk ({@link
 * DocumentRun}) on a thread of its own when cores would otherwise idle, and the groups' runs merged
 * into what one walk of all the rules gives, byte for byte: findings are sorted later by an order
 * whose ties are findings of one rule (which one group keeps in walk order); evidence and tool
 * errors are put in walk order by where each was made; the findings cap of the document counts all
 * rules, so a split run that reaches it is done again in one walk.
 */
final class SplitRun {
  private SplitRun() {}

  /**
   * Runs {@code rules} split into {@code groups} (each a part of {@code rules}, together all of
   * them), each group's walk on a thread of its own and the first on this one, and merges the
   * groups' results into those of one walk of all {@code rules}; the facts, when {@code withFacts},
   * are taken in the first group's walk. The threads have deep stacks, as the file's worker.
   */
  static DocumentRun run(
      ApiDocument document,
      List<EnabledRule> rules,
      List<List<EnabledRule>> groups,
      Timings timings,
      boolean withFacts,
      boolean withEvidence) {
    return run(document, rules, groups, timings, withFacts, null, false, withEvidence);
  }

  /**
   * Runs {@code rules} split into {@code groups} as above (one walk on this thread when there are
   * fewer than two). A rule whose calls {@code kept} holds (null: none) is not run: its calls are
   * replayed against this document, whose tree differs from the one they were made on in prose
   * alone. When {@code record}, the calls of the rules that do not read prose, in every group, are
   * kept for {@link DocumentRun#ruleCalls()}.
   */
  static DocumentRun run(
      ApiDocument document,
      List<EnabledRule> rules,
      List<List<EnabledRule>> groups,
      Timings timings,
      boolean withFacts,
      RuleCalls kept,
      boolean record,
      boolean withEvidence) {
    if (groups.size() < 2) {
      DocumentRun run = oneWalk(document, rules, timings, withFacts, kept, record, withEvidence);
      DocumentRun.addFactTimes(document, timings);
      return run;
    }
    List<DocumentRun> runs =
        inParallel(
            new GroupWalks(
                document, rules, groups, timings, withFacts, kept, record, withEvidence));
    DocumentRun merged = merge(document, runs, record);
    if (merged == null) {
      // over the document's findings cap, which one walk applies in its own order
      merged = oneWalk(document, rules, timings, withFacts, kept, record, withEvidence);
    }
    DocumentRun.addFactTimes(document, timings);
    return merged;
  }

  /** The walks of one document's rule groups, each group's on the thread that asks for it. */
  private record GroupWalks(
      ApiDocument document,
      List<EnabledRule> rules,
      List<List<EnabledRule>> groups,
      Timings timings,
      boolean withFacts,
      RuleCalls kept,
      boolean record,
      boolean withEvidence) {
    DocumentRun walk(int group) {
      if (kept == null) {
        prefetch(document, group);
      }
      DocumentRun run =
          DocumentRun.walk(
              document,
              groups.get(group),
              rules,
              timings,
              group == 0 && withFacts ? new FactCollector(document) : null,
              kept,
              record,
              withEvidence,
              true);
      // sorted here, on each group's thread (a stable sort: findings of one place keep walk
      // order): the file's own sort then meets one sorted run per group and merges them in
      // one pass, where it sorted them all while the other cores idled
      run.findings().sort(Finding.ORDER);
      return run;
    }
  }

  /**
   * A group's walk on a thread of its own, with deep stacks as the file's worker; what it ran to
   * (its run or its failure) is read after {@link #join}.
   */
  private static final class GroupThread extends Thread {
    private final GroupWalks walks;
    private final int group;
    DocumentRun result;
    Throwable failure;

    GroupThread(GroupWalks walks, int group) {
      super(null, null, "threatlint-rules", 64L * 1024 * 1024);
      this.walks = walks;
      this.group = group;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        result = walks.walk(group);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
    }
  }

  /**
   * Works out, before the walk, the shared fact that this group's thread is to compute: the schema
   * usage on the first, the reference users on the second. Every rule runs (nothing is replayed),
   * so the groups ask for both at their first schema and their first finding; asked lazily, one
   * group computed each while the other waited for it (JFR: a wait in most warm runs of Stripe). A
   * fact that fails is left to the rule that asks for it, which reports the failure as before.
   */
  private static void prefetch(ApiDocument document, int group) {
    try {
      if (group == 0) {
        document.schemaUsage();
      } else if (group == 1) {
        document.referenceUsers();
      }
    } catch (RuntimeException | StackOverflowError e) {
      // computed again, and failing again, inside the rule that asks
    }
  }

  private static DocumentRun oneWalk(
      ApiDocument document,
      List<EnabledRule> rules,
      Timings timings,
      boolean withFacts,
      RuleCalls kept,
      boolean record,
      boolean withEvidence) {
    FactCollector collector = withFacts ? new FactCollector(document) : null;
    return DocumentRun.walk(
        document, rules, rules, timings, collector, kept, record, withEvidence, false);
  }

  /**
   * Runs each group's walk, the first on this thread and each other on one of its own, and returns
   * their runs in group order; the first failure (in that order) is thrown, as one walk's would be.
   */
  private static List<DocumentRun> inParallel(GroupWalks walks) {
    int count = walks.groups().size();
    DocumentRun[] runs = new DocumentRun[count];
    Throwable[] failures = new Throwable[count];
    List<GroupThread> threads = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      GroupThread thread = new GroupThread(walks, i);
      thread.start();
      threads.add(thread);
    }
    try {
      runs[0] = walks.walk(0);
    } catch (RuntimeException | Error e) {
      failures[0] = e;
    }
    try {
      // join: what each thread wrote is then seen here
      for (GroupThread thread : threads) {
        thread.join();
        runs[thread.group] = thread.result;
        failures[thread.group] = thread.failure;
      }
    } catch (InterruptedException e) {
      // the file's worker was stopped (over its time limit): its result is not used
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
    }
    return List.of(runs);
  }

  /**
   * The groups' runs as one walk of all their rules: null when together they reach the document's
   * cap of findings or of evidence, which one walk applies in walk order across the rules. With
   * {@code record}, the calls each group kept, together.
   */
  private static DocumentRun merge(ApiDocument document, List<DocumentRun> runs, boolean record) {
    List<Finding> findings = new ArrayList<>();
    List<RuleCalls> calls = new ArrayList<>();
    List<List<Mitigation>> runsEvidence = new ArrayList<>();
    List<List<DocumentRun.Made>> evidenceMade = new ArrayList<>();
    List<List<ToolError>> runsErrors = new ArrayList<>();
    List<List<DocumentRun.Made>> errorsMade = new ArrayList<>();
    for (DocumentRun run : runs) {
      findings.addAll(run.findings());
      calls.add(run.ruleCalls());
      runsEvidence.add(run.evidence());
      evidenceMade.add(run.evidenceMade());
      runsErrors.add(run.errors());
      errorsMade.add(run.errorsMade());
    }
    List<Mitigation> evidence = inWalkOrder(runsEvidence, evidenceMade);
    if (findings.size() >= DocumentRun.MAX_FINDINGS_PER_FILE
        || evidence.size() >= DocumentRun.MAX_FINDINGS_PER_FILE) {
      return null;
    }
    return DocumentRun.merged(
        document,
        findings,
        evidence,
        inWalkOrder(runsErrors, errorsMade),
        runs.get(0).facts(),
        record ? RuleCalls.union(calls) : null);
  }

  /**
   * The runs' items (one list per run, and where each item was made), in the order of where each
   * was made (a stable sort: ties keep run order).
   */
  private static <T> List<T> inWalkOrder(
      List<List<T>> runsItems, List<List<DocumentRun.Made>> runsMade) {
    record Item<T>(DocumentRun.Made made, T item) implements Comparable<Item<T>> {
      @Override
      public int compareTo(Item<T> other) {
        return made.compareTo(other.made);
      }
    }
    List<Item<T>> all = new ArrayList<>();
    for (int run = 0; run < runsItems.size(); run++) {
      List<T> runItems = runsItems.get(run);
      List<DocumentRun.Made> places = runsMade.get(run);
      for (int i = 0; i < runItems.size(); i++) {
        all.add(new Item<>(places.get(i), runItems.get(i)));
      }
    }
    Collections.sort(all);
    List<T> ordered = new ArrayList<>(all.size());
    for (Item<T> item : all) {
      ordered.add(item.item());
    }
    return ordered;
  }
}
