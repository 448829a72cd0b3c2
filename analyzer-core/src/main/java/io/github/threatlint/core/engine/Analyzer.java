package io.github.threatlint.core.engine;

import io.github.threatlint.core.model.ApiDocument;
import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.model.SpecVersion;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceFile;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The engine the CLI and the Maven plugin share: reads each input once, parses it with its
 * location index, runs the enabled rules in one walk, and gathers findings and errors. Files are
 * analysed in parallel; each file's failure is its own.
 */
public final class Analyzer {
  private final List<EnabledRule> rules;
  private final SourceReader reader;
  private final int threads;
  private final Function<ParsedFile, ExternalFiles> externalFiles;
  private final boolean usesParserModel;
  /** Default time a file may take, reading, parsing and rules included: far above any real specification. */
  public static final Duration DEFAULT_TIME_PER_FILE = Duration.ofSeconds(60);
  private volatile Duration timePerFile = DEFAULT_TIME_PER_FILE;
  /** Set per run: fewer files than threads leaves a core for swagger-parser's model beside the walk. */
  private volatile boolean buildModelAhead;

  /**
   * @param rules the rules to run, with levels and options
   * @param maxFileBytes files larger than this are refused
   * @param threads how many files to analyse at once
   * @param externalFiles gives each root document the loader for the files it references
   */
  public Analyzer(List<EnabledRule> rules, long maxFileBytes, int threads, Function<ParsedFile, ExternalFiles> externalFiles) {
    this.rules = List.copyOf(rules);
    this.reader = new SourceReader(maxFileBytes);
    this.threads = Math.max(1, threads);
    this.externalFiles = externalFiles;
    this.usesParserModel = this.rules.stream().anyMatch(rule -> Checks.UsesParserModel.class.isAssignableFrom(rule.descriptor().type()));
  }

  public Analyzer(List<EnabledRule> rules) {
    this(rules, SourceReader.DEFAULT_MAX_BYTES, Runtime.getRuntime().availableProcessors(), file -> ExternalFiles.NONE);
  }

  /** A file to analyse: a path with the name reports use for it. */
  public record Input(Path path, String displayPath) {}

  public List<EnabledRule> rules() {
    return rules;
  }

  /** Sets the time one file may take; a file over it becomes a tool error and the others still report. */
  public Analyzer timePerFile(Duration budget) {
    this.timePerFile = budget;
    return this;
  }

  /** Analyses the files; never throws for a bad file, which becomes a tool error instead. */
  public AnalysisResult analyze(List<Input> inputs) {
    buildModelAhead = usesParserModel && inputs.size() < threads;
    List<FileResult> results = new ArrayList<>();
    {
      // always on worker threads: their deep stacks take documents nested up to the parser's limit; a thread per
      // file, with `threads` of them running at once: a file over its time limit is abandoned and frees its permit
      ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(null, runnable, "threatlint-worker", 64L * 1024 * 1024);
        thread.setDaemon(true);
        return thread;
      });
      Semaphore running = new Semaphore(Math.max(1, Math.min(threads, inputs.size())));
      try {
        List<Future<FileResult>> futures = new ArrayList<>();
        AtomicLongArray starts = new AtomicLongArray(inputs.size());
        List<AtomicBoolean> holdsPermit = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
          Input input = inputs.get(i);
          int index = i;
          AtomicBoolean permit = new AtomicBoolean();
          holdsPermit.add(permit);
          futures.add(pool.submit(() -> {
            running.acquire();
            permit.set(true);
            starts.set(index, System.nanoTime());
            try {
              return analyzeFile(input);
            } finally {
              if (permit.getAndSet(false)) {
                running.release();
              }
            }
          }));
        }
        for (int i = 0; i < futures.size(); i++) {
          try {
            results.add(awaitWithinBudget(futures.get(i), starts, i, inputs.get(i).displayPath(), holdsPermit.get(i), running));
          } catch (ExecutionException e) {
            results.add(FileResult.failed(new ToolError(inputs.get(i).displayPath(), 0, 0, null, null,
                "internal error: " + e.getCause())));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            results.add(FileResult.failed(new ToolError(inputs.get(i).displayPath(), 0, 0, null, null, "interrupted")));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
    return combine(results, inputs.stream().map(Input::displayPath).toList());
  }

  /**
   * The file's result, or a tool error once it has run longer than the budget. Its thread cannot be
   * stopped inside a rule or parser, so it is abandoned (a daemon, left out of the results).
   */
  private FileResult awaitWithinBudget(Future<FileResult> future, AtomicLongArray starts, int index, String displayPath,
      AtomicBoolean holdsPermit, Semaphore running) throws ExecutionException, InterruptedException {
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
          return FileResult.failed(new ToolError(displayPath, 0, 0, null, null, "the analysis took longer than the time "
              + "limit of " + timePerFile.toSeconds() + " s per file, and was stopped (raise it with --time-limit)"));
        }
      }
    }
  }

  /** Analyses text read from a stream (standard input), named {@code displayPath} in reports. */
  public AnalysisResult analyze(InputStream in, String displayPath) {
    buildModelAhead = usesParserModel && threads > 1;
    SourceFile source;
    try {
      source = reader.read(in, displayPath);
    } catch (SourceException e) {
      return combine(List.of(FileResult.failed(new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage()))),
          List.of(displayPath));
    }
    ExecutorService pool = Executors.newSingleThreadExecutor(runnable -> new Thread(null, runnable, "threatlint-worker", 64L * 1024 * 1024));
    FileResult result;
    try {
      result = pool.submit(() -> analyzeLoaded(source)).get();
    } catch (ExecutionException e) {
      result = FileResult.failed(new ToolError(displayPath, 0, 0, null, null, "internal error: " + e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      result = FileResult.failed(new ToolError(displayPath, 0, 0, null, null, "interrupted"));
    } finally {
      pool.shutdownNow();
    }
    return combine(List.of(result), List.of(displayPath));
  }

  private FileResult analyzeLoaded(SourceFile source) {
    try {
      return analyzeSource(source);
    } catch (SourceException e) {
      return FileResult.failed(new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage()));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return FileResult.failed(new ToolError(source.displayPath(), 0, 0, null, null, "internal error: " + e));
    }
  }

  private FileResult analyzeFile(Input input) {
    try {
      long start = System.nanoTime();
      SourceFile source = reader.read(input.path(), input.displayPath());
      Timings.add(Timings.Phase.READ, System.nanoTime() - start);
      return analyzeSource(source);
    } catch (SourceException e) {
      return FileResult.failed(new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage()));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return FileResult.failed(new ToolError(input.displayPath(), 0, 0, null, null, "internal error: " + e));
    }
  }

  private FileResult analyzeSource(SourceFile source) throws SourceException {
    long start = System.nanoTime();
    ParsedFile parsed = TreeParser.parse(source);
    Timings.add(Timings.Phase.PARSE_AND_INDEX, System.nanoTime() - start);
    SpecVersion version = DocumentLoader.detectVersion(parsed);
    ApiDocument document = new ApiDocument(parsed, version, externalFiles.apply(parsed));
    if (buildModelAhead) {
      document.buildParserModelAhead();
    }
    start = System.nanoTime();
    DocumentRun run = DocumentRun.run(document, rules);
    Timings.add(Timings.Phase.WALK_AND_RULES, System.nanoTime() - start);
    return new FileResult(run.findings(), run.errors());
  }

  /**
   * One file's analysis with its document kept, for reports that look at the API beyond its findings
   * (the threat-model report). {@code document} is null when the file could not be read or parsed;
   * {@code findings} are sorted.
   */
  public record DocumentAnalysis(String displayPath, ApiDocument document, List<Finding> findings, List<ToolError> errors) {}

  /**
   * Analyses the files one after the other on a deep-stack worker thread and hands each analysis,
   * document included, to {@code then} on that thread; returns what {@code then} returned, in input
   * order. A bad file becomes an analysis without document; an exception of {@code then} propagates.
   */
  public <T> List<T> analyzeDocuments(List<Input> inputs, Function<DocumentAnalysis, T> then) {
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(null, runnable, "threatlint-worker", 64L * 1024 * 1024);
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<T> results = new ArrayList<>();
      for (Input input : inputs) {
        results.add(worker.submit(() -> then.apply(analyzeKeepingDocument(input))).get());
      }
      return results;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      worker.shutdownNow();
    }
  }

  private DocumentAnalysis analyzeKeepingDocument(Input input) {
    try {
      SourceFile source = reader.read(input.path(), input.displayPath());
      ParsedFile parsed = TreeParser.parse(source);
      ApiDocument document = new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), externalFiles.apply(parsed));
      DocumentRun run = DocumentRun.run(document, rules);
      List<Finding> findings = new ArrayList<>(new LinkedHashSet<>(run.findings()));
      findings.sort(Finding.ORDER);
      return new DocumentAnalysis(input.displayPath(), document, List.copyOf(findings), List.copyOf(run.errors()));
    } catch (SourceException e) {
      return new DocumentAnalysis(input.displayPath(), null, List.of(),
          List.of(new ToolError(e.displayPath(), e.line(), e.column(), null, null, e.getMessage())));
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return new DocumentAnalysis(input.displayPath(), null, List.of(),
          List.of(new ToolError(input.displayPath(), 0, 0, null, null, "internal error: " + e)));
    }
  }

  /**
   * The findings of all documents. A file that several documents reach (a shared fragment) is
   * reported once per rule and place, in the words of the first document that reports there:
   * messages may name what the document uses it for, and the place is the same.
   */
  private AnalysisResult combine(List<FileResult> results, List<String> files) {
    Set<Finding> unique = new LinkedHashSet<>();
    Map<String, FileResult> firstReporter = new HashMap<>();
    List<ToolError> errors = new ArrayList<>();
    for (FileResult result : results) {
      for (Finding finding : result.findings()) {
        String place = finding.ruleId() + " " + finding.file() + "#" + finding.pointer();
        if (firstReporter.computeIfAbsent(place, key -> result) == result) {
          unique.add(finding);
        }
      }
      errors.addAll(result.errors());
    }
    List<Finding> findings = new ArrayList<>(unique);
    findings.sort(Finding.ORDER);
    return new AnalysisResult(List.copyOf(findings), List.copyOf(errors), List.copyOf(files), rules);
  }

  private record FileResult(List<Finding> findings, List<ToolError> errors) {
    static FileResult failed(ToolError error) {
      return new FileResult(List.of(), List.of(error));
    }
  }
}
