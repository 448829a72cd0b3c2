package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The engine the CLI and the Maven plugin share: reads each input once, parses it with its location
 * index, runs the enabled rules in one walk, and gathers findings and errors. Files are analysed in
 * parallel; each file's failure is its own. With fewer files than threads, each file's rules are
 * dealt to groups walked on threads of their own ({@link RuleGroups}), with the results of one
 * walk.
 */
public final class Analyzer {
  private final List<EnabledRule> rules;
  private final SourceReader reader;
  private final int threads;
  private final Function<ParsedFile, ExternalFiles> externalFiles;
  private final Timings timings = new Timings();

  /** Set per run: when swagger-parser's model is built. */
  private volatile ParserModel parserModel;

  private volatile ParserMessagesSource parserMessagesSource = ParserMessagesSource.BUILD;

  /** Where the calls of the rules that do not read prose are kept between runs, or null. */
  private volatile RuleCalls.Memory ruleCalls;

  private volatile Trees trees = TreeParser::parse;

  /** Where the document last analysed at each path is kept for the next analysis, or null. */
  private volatile LastDocuments lastDocuments;

  /** Whether the walk takes each document's {@link ApiFacts} too (for the threat-model report). */
  private volatile boolean withFacts;

  /** Whether the rules' mitigation evidence is kept (for the threat-model report). */
  private volatile boolean withEvidence;

  /**
   * Default time a file may take, reading, parsing and rules included: far above any real
   * specification.
   */
  public static final Duration DEFAULT_TIME_PER_FILE = Duration.ofSeconds(60);

  private volatile Duration timePerFile = DEFAULT_TIME_PER_FILE;

  /**
   * @param rules the rules to run, with levels and options
   * @param maxFileBytes files larger than this are refused
   * @param threads how many files to analyse at once
   * @param externalFiles gives each root document the loader for the files it references
   */
  public Analyzer(
      List<EnabledRule> rules,
      long maxFileBytes,
      int threads,
      Function<ParsedFile, ExternalFiles> externalFiles) {
    this.rules = List.copyOf(rules);
    this.reader = new SourceReader(maxFileBytes);
    this.threads = Math.max(1, threads);
    this.externalFiles = externalFiles;
  }

  public Analyzer(List<EnabledRule> rules) {
    this(
        rules,
        SourceReader.DEFAULT_MAX_BYTES,
        Runtime.getRuntime().availableProcessors(),
        file -> ExternalFiles.NONE);
  }

  /**
   * A file to analyse: a path with the name reports use for it, and its text when it is held in
   * memory (standard input, an editor's unsaved buffer); null text means the file is read.
   */
  public record Input(Path path, String displayPath, String text) {
    public Input(Path path, String displayPath) {
      this(path, displayPath, null);
    }
  }

  /**
   * One file's analysis with its document, for whoever looks at the API beyond its findings (the
   * threat-model report, an editor). {@code document} is null when the file could not be read or
   * parsed; {@code findings} and {@code evidence} (the mitigations its rules recorded, when the
   * analyzer was asked for them ({@link #withEvidence()}), else none) are sorted, each once. {@code
   * facts} is what the document declares, as the threat-model report reads it, taken in the rules'
   * walk when the analyzer was asked for it ({@link #withFacts()}), else null.
   */
  public record DocumentAnalysis(
      String displayPath,
      ApiDocument document,
      List<Finding> findings,
      List<Mitigation> evidence,
      List<ToolError> errors,
      ApiFacts facts) {}

  /**
   * Hears of each file as soon as it is analysed, on the worker thread that analysed it (deep
   * stack, any order).
   */
  @FunctionalInterface
  public interface FileListener {
    FileListener NONE = (index, analysis) -> {};

    /**
     * @param index the file's place in the inputs
     */
    void analysed(int index, DocumentAnalysis analysis);
  }

  public List<EnabledRule> rules() {
    return rules;
  }

  /** Where the time of this analyzer's runs went (one analyzer per command run). */
  public Timings timings() {
    return timings;
  }

  /**
   * Sets the time one file may take; a file over it becomes a tool error and the others still
   * report.
   */
  public Analyzer timePerFile(Duration budget) {
    this.timePerFile = budget;
    return this;
  }

  /**
   * Has the walk take each document's {@link ApiFacts} too, next to the rules, for the listener's
   * {@link DocumentAnalysis#facts()}: what the threat-model report needs, which a check without one
   * does not pay for.
   */
  public Analyzer withFacts() {
    this.withFacts = true;
    return this;
  }

  /**
   * Keeps the mitigation evidence the rules record, in {@link DocumentAnalysis#evidence()} and the
   * result's: what the threat-model report is built from; without it both are empty, and a check
   * pays neither for the records nor for their memory.
   */
  public Analyzer withEvidence() {
    this.withEvidence = true;
    return this;
  }

  /**
   * Where swagger-parser's messages about each document come from (default: built for the run); a
   * front end that analyses the same document again may answer from an earlier run.
   */
  public Analyzer parserMessages(ParserMessagesSource source) {
    this.parserMessagesSource = source;
    return this;
  }

  /**
   * Keeps the calls of the rules that do not read prose in {@code memory} after each document, and
   * replays those it kept instead of running the rules again when the document differs from the
   * last one in prose alone: for a front end that analyses the same document again after each edit.
   */
  public Analyzer ruleCalls(RuleCalls.Memory memory) {
    this.ruleCalls = memory;
    return this;
  }

  /** Where each input's tree comes from: its text parsed, or derived from an earlier one. */
  public interface Trees {
    ParsedFile parse(SourceFile source) throws SourceException;
  }

  /**
   * Where each input's tree comes from (default: its text parsed); a front end that analyses the
   * same document again after an edit may derive it from the last tree.
   */
  public Analyzer trees(Trees trees) {
    this.trees = trees;
    return this;
  }

  /**
   * Where the document analysed last at a path is kept, for the next analysis there to carry its
   * facts ({@link ApiDocument#carryFrom}).
   */
  public interface LastDocuments {
    /** The document analysed last at the path of {@code file}, or null. */
    ApiDocument last(ParsedFile file, SpecVersion version);

    /** Keeps {@code document}, analysed now, for the next analysis at its path. */
    void keep(ApiDocument document);
  }

  /**
   * Hands each document the one analysed before it at the same path, kept in {@code documents}, to
   * carry the facts the edit between them cannot change: for a front end that analyses the same
   * document again after each edit.
   */
  public Analyzer lastDocuments(LastDocuments documents) {
    this.lastDocuments = documents;
    return this;
  }

  /** Analyses the files; never throws for a bad file, which becomes a tool error instead. */
  public AnalysisResult analyze(List<Input> inputs) {
    return analyze(inputs, FileListener.NONE);
  }

  /**
   * Analyses the files, in parallel, telling {@code listener} of each as it is done; never throws
   * for a bad file, which becomes a tool error instead. An exception of the listener is a tool
   * error of that file.
   */
  public AnalysisResult analyze(List<Input> inputs, FileListener listener) {
    ParserMessagesSource source = parserMessagesSource;
    parserModel =
        ParserModel.forRun(
            rules,
            inputs.size(),
            threads,
            timings,
            (file, version) ->
                source.messages(file, version, () -> ParserMessages.of(file, version)));
    List<FileResult> results = new ArrayList<>();
    // always on worker threads: their deep stacks take documents nested up to the parser's limit; a
    // thread per
    // file, with `threads` of them running at once: a file over its time limit is abandoned and
    // frees its permit
    ExecutorService pool = Executors.newCachedThreadPool(new WorkerThreads());
    Semaphore running = new Semaphore(Math.max(1, Math.min(threads, inputs.size())));
    List<List<EnabledRule>> groups =
        RuleGroups.deal(rules, RuleGroups.count(threads, inputs.size()));
    try {
      List<Future<FileResult>> futures = new ArrayList<>();
      AtomicLongArray starts = new AtomicLongArray(inputs.size());
      List<AtomicBoolean> holdsPermit = new ArrayList<>();
      List<FileListener> onceEach = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        Input input = inputs.get(i);
        int index = i;
        AtomicBoolean permit = new AtomicBoolean();
        holdsPermit.add(permit);
        // a file abandoned over its time limit is told to the listener once, as the tool error it
        // became
        AtomicBoolean told = new AtomicBoolean();
        FileListener once =
            listener == FileListener.NONE
                ? FileListener.NONE
                : (at, analysis) -> {
                  if (!told.getAndSet(true)) {
                    listener.analysed(at, analysis);
                  }
                };
        onceEach.add(once);
        futures.add(
            pool.submit(
                () -> {
                  running.acquire();
                  permit.set(true);
                  starts.set(index, System.nanoTime());
                  try {
                    return analyzeFile(index, input, groups, once);
                  } finally {
                    if (permit.getAndSet(false)) {
                      running.release();
                    }
                  }
                }));
      }
      for (int i = 0; i < futures.size(); i++) {
        String displayPath = inputs.get(i).displayPath();
        FileResult result;
        try {
          result =
              awaitWithinBudget(
                  futures.get(i), starts, i, displayPath, holdsPermit.get(i), running);
        } catch (ExecutionException e) {
          result =
              FileResult.failed(
                  new ToolError(displayPath, 0, 0, null, null, "internal error: " + e.getCause()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          result = FileResult.failed(new ToolError(displayPath, 0, 0, null, null, "interrupted"));
        }
        if (result.findings().isEmpty() && !result.errors().isEmpty()) {
          onceEach
              .get(i)
              .analysed(
                  i,
                  new DocumentAnalysis(
                      displayPath, null, List.of(), List.of(), List.copyOf(result.errors()), null));
        }
        results.add(result);
      }
    } finally {
      pool.shutdownNow();
    }
    List<String> displayPaths = new ArrayList<>(inputs.size());
    for (Input input : inputs) {
      displayPaths.add(input.displayPath());
    }
    return combine(results, displayPaths);
  }

  /** The files' workers: daemons, with deep stacks. */
  private static final class WorkerThreads implements ThreadFactory {
    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(null, runnable, "threatlint-worker", 64L * 1024 * 1024);
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * The file's result, or a tool error once it has run longer than the budget. Its thread cannot be
   * stopped inside a rule or parser, so it is abandoned (a daemon, left out of the results).
   */
  private FileResult awaitWithinBudget(
      Future<FileResult> future,
      AtomicLongArray starts,
      int index,
      String displayPath,
      AtomicBoolean holdsPermit,
      Semaphore running)
      throws ExecutionException, InterruptedException {
    long budget = timePerFile.toNanos();
    while (true) {
      long started = starts.get(index);
      long waited = started == 0 ? budget : started + budget - System.nanoTime();
      try {
        return future.get(Math.max(1, waited), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (starts.get(index) != 0 && System.nanoTime() - starts.get(index) >= budget) {
          future.cancel(true);
          if (holdsPermit.getAndSet(false)) {
            running.release();
          }
          return FileResult.failed(
              new ToolError(
                  displayPath,
                  0,
                  0,
                  null,
                  null,
                  "the analysis took longer than the time "
                      + "limit of "
                      + timePerFile.toSeconds()
                      + " s per file, and was stopped (raise it with --time-limit)"));
        }
      }
    }
  }

  /** Analyses text read from a stream (standard input), named {@code displayPath} in reports. */
  public AnalysisResult analyze(InputStream in, String displayPath) {
    return analyze(in, displayPath, FileListener.NONE);
  }

  /**
   * Analyses text read from a stream (standard input), named {@code displayPath} in reports,
   * telling {@code listener}.
   */
  public AnalysisResult analyze(InputStream in, String displayPath, FileListener listener) {
    try {
      return analyze(
          List.of(new Input(null, displayPath, reader.read(in, displayPath).text())), listener);
    } catch (SourceException e) {
      ToolError error =
          new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage());
      listener.analysed(
          0, new DocumentAnalysis(displayPath, null, List.of(), List.of(), List.of(error), null));
      return combine(List.of(FileResult.failed(error)), List.of(displayPath));
    }
  }

  private FileResult analyzeFile(
      int index, Input input, List<List<EnabledRule>> groups, FileListener listener) {
    FileResult result;
    ApiDocument document = null;
    ApiFacts facts = null;
    try {
      long start = System.nanoTime();
      SourceFile source =
          input.text() != null
              ? new SourceFile(input.path(), input.displayPath(), input.text())
              : reader.read(input.path(), input.displayPath());
      timings.add(Timings.Phase.READ, System.nanoTime() - start);
      start = System.nanoTime();
      ParsedFile parsed = trees.parse(source);
      timings.add(Timings.Phase.PARSE_AND_INDEX, System.nanoTime() - start);
      SpecVersion version = DocumentLoader.detectVersion(parsed);
      RuleCalls.Memory memory = ruleCalls;
      ExternalFiles files = externalFiles.apply(parsed);
      // calls are kept only for a document that reaches no other file: those may change unseen
      AtomicBoolean reachedOtherFiles = new AtomicBoolean();
      if (memory != null) {
        ExternalFiles loader = files;
        files =
            (from, location) -> {
              reachedOtherFiles.set(true);
              return loader.load(from, location);
            };
      }
      document = new ApiDocument(parsed, version, files, parserModel.messagesFor(parsed, version));
      LastDocuments documents = lastDocuments;
      if (documents != null) {
        document.carryFrom(documents.last(parsed, version));
      }
      start = System.nanoTime();
      RuleCalls kept = memory == null ? null : memory.recall(parsed, version);
      DocumentRun run;
      if (memory == null) {
        run = SplitRun.run(document, rules, groups, timings, withFacts, withEvidence);
      } else {
        // the rules that run are dealt over the groups; those replayed cost little
        run =
            SplitRun.run(
                document,
                rules,
                RuleGroups.deal(rules, groups.size(), kept),
                timings,
                withFacts,
                kept,
                true,
                withEvidence);
        if (kept != null && run.capped()) {
          // which calls a cap leaves out depends on their order: run every rule again
          run = SplitRun.run(document, rules, groups, timings, withFacts, null, true, withEvidence);
        }
        memory.keep(
            parsed, version, run.capped() || reachedOtherFiles.get() ? null : run.ruleCalls());
      }
      timings.add(Timings.Phase.WALK_AND_RULES, System.nanoTime() - start);
      if (documents != null) {
        documents.keep(document);
      }
      facts = run.facts();
      // sorted and each once here, on the file's worker, so that merging all files' findings and
      // evidence at the end, on one thread, meets runs already in order (the directory corpus:
      // 112 000 findings, 84 000 records of evidence)
      List<Finding> findings = sortedOnce(run.findings());
      List<Mitigation> evidence = new ArrayList<>(run.evidence());
      evidence.sort(Mitigation.ORDER);
      result = new FileResult(findings, evidence, run.errors());
    } catch (SourceException e) {
      result =
          FileResult.failed(
              new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage()));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      document = null;
      facts = null;
      result =
          FileResult.failed(
              new ToolError(input.displayPath(), 0, 0, null, null, "internal error: " + e));
    }
    if (listener == FileListener.NONE) {
      return result;
    }
    List<Finding> findings = new ArrayList<>(new LinkedHashSet<>(result.findings()));
    findings.sort(Finding.ORDER);
    List<Mitigation> evidence = new ArrayList<>(new LinkedHashSet<>(result.evidence()));
    evidence.sort(Mitigation.ORDER);
    try {
      listener.analysed(
          index,
          new DocumentAnalysis(
              input.displayPath(),
              document,
              List.copyOf(findings),
              List.copyOf(evidence),
              List.copyOf(result.errors()),
              facts));
    } catch (RuntimeException | StackOverflowError e) {
      List<ToolError> errors = new ArrayList<>(result.errors());
      errors.add(new ToolError(input.displayPath(), 0, 0, null, null, "internal error: " + e));
      return new FileResult(result.findings(), result.evidence(), errors);
    }
    return result;
  }

  /**
   * The findings of all documents. A file that several documents reach (a shared fragment) is
   * reported once per rule and place, in the words of the first document that reports there:
   * messages may name what the document uses it for, and the place is the same. Evidence of a
   * shared file is kept once.
   */
  private AnalysisResult combine(List<FileResult> results, List<String> files) {
    int count = 0;
    for (FileResult result : results) {
      count += result.findings().size();
    }
    List<Finding> findings = new ArrayList<>(count);
    Map<Place, PlaceFindings> places = new HashMap<>(count * 4 / 3 + 1);
    List<ToolError> errors = new ArrayList<>();
    Set<Mitigation> evidence = new LinkedHashSet<>();
    // each file's findings come sorted: all of them are when each file's first follows the last
    // finding before it, as in a run over files named in order (the directory corpus: 112 000
    // findings compared once more by the sort, on one core, after the workers)
    boolean inOrder = true;
    Set<String> shared = filesReportedByMore(results);
    for (FileResult result : results) {
      if (Collections.disjoint(result.files(), shared)) {
        // no other document reports in its files, and its findings are each once: taken whole,
        // without a place per finding (the directory corpus: 112 000 findings, on one core)
        if (!result.findings().isEmpty() && !findings.isEmpty()) {
          inOrder &=
              Finding.ORDER.compare(findings.get(findings.size() - 1), result.findings().get(0))
                  <= 0;
        }
        findings.addAll(result.findings());
        evidence.addAll(result.evidence());
        errors.addAll(result.errors());
        continue;
      }
      boolean first = true;
      for (Finding finding : result.findings()) {
        PlaceFindings place =
            places.computeIfAbsent(
                new Place(finding.ruleId(), finding.file(), finding.pointer()),
                key -> new PlaceFindings(result));
        // each finding once: equal findings have one place, so only that place's are compared (a
        // set of all findings would hash each one whole, use lists included)
        if (place.reporter() == result && !place.findings().contains(finding)) {
          place.findings().add(finding);
          if (first && !findings.isEmpty()) {
            inOrder &= Finding.ORDER.compare(findings.get(findings.size() - 1), finding) <= 0;
          }
          first = false;
          findings.add(finding);
        }
      }
      evidence.addAll(result.evidence());
      errors.addAll(result.errors());
    }
    if (!inOrder) {
      findings.sort(Finding.ORDER);
    }
    List<Mitigation> sortedEvidence = new ArrayList<>(evidence);
    sortedEvidence.sort(Mitigation.ORDER);
    return new AnalysisResult(
        List.copyOf(findings),
        List.copyOf(errors),
        List.copyOf(files),
        rules,
        List.copyOf(sortedEvidence));
  }

  /**
   * The findings sorted ({@link Finding#ORDER}), each once: equal findings are equal in that order,
   * so a finding is looked for only among those equal to it in order, which are next to it.
   */
  private static List<Finding> sortedOnce(List<Finding> found) {
    List<Finding> sorted = new ArrayList<>(found);
    sorted.sort(Finding.ORDER);
    List<Finding> once = new ArrayList<>(sorted.size());
    int equalFrom = 0;
    for (Finding finding : sorted) {
      if (!once.isEmpty() && Finding.ORDER.compare(once.get(once.size() - 1), finding) != 0) {
        equalFrom = once.size();
      }
      if (equalFrom == once.size() || !once.subList(equalFrom, once.size()).contains(finding)) {
        once.add(finding);
      }
    }
    return once;
  }

  /** The files that more than one result has findings in: only there may two report at a place. */
  private static Set<String> filesReportedByMore(List<FileResult> results) {
    Map<String, FileResult> reporters = new HashMap<>();
    Set<String> shared = new HashSet<>();
    for (FileResult result : results) {
      for (String file : result.files()) {
        if (reporters.putIfAbsent(file, result) != null) {
          shared.add(file);
        }
      }
    }
    return shared;
  }

  /** A rule's place in a file: the findings there come from the first document reporting there. */
  private record Place(String ruleId, String file, String pointer) {
    /**
     * Written out: a record's generated hash code goes through method handles, which C1 (the
     * command line's only compiler) runs slowly, and a run's end hashes one place per finding.
     */
    @Override
    public int hashCode() {
      return (Objects.hashCode(ruleId) * 31 + Objects.hashCode(file)) * 31
          + Objects.hashCode(pointer);
    }
  }

  private record PlaceFindings(FileResult reporter, List<Finding> findings) {
    PlaceFindings(FileResult reporter) {
      this(reporter, new ArrayList<>(1));
    }
  }

  /** {@code files}: those the findings are in, taken on the file's worker. */
  private record FileResult(
      List<Finding> findings,
      List<Mitigation> evidence,
      List<ToolError> errors,
      Set<String> files) {
    FileResult(List<Finding> findings, List<Mitigation> evidence, List<ToolError> errors) {
      this(findings, evidence, errors, filesOf(findings));
    }

    private static Set<String> filesOf(List<Finding> findings) {
      Set<String> files = new HashSet<>();
      for (Finding finding : findings) {
        files.add(finding.file());
      }
      return files;
    }

    static FileResult failed(ToolError error) {
      return new FileResult(List.of(), List.of(), List.of(error));
    }
  }
}
