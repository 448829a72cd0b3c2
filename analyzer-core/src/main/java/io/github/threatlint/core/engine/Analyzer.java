package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.InputStream;
import java.nio.file.Path;
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
  private final Timings timings = new Timings();
  /** Set per run: when swagger-parser's model is built. */
  private volatile ParserModel parserModel;

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
  }

  public Analyzer(List<EnabledRule> rules) {
    this(rules, SourceReader.DEFAULT_MAX_BYTES, Runtime.getRuntime().availableProcessors(), file -> ExternalFiles.NONE);
  }

  /** A file to analyse: a path with the name reports use for it. */
  public record Input(Path path, String displayPath) {}

  public List<EnabledRule> rules() {
    return rules;
  }

  /** Where the time of this analyzer's runs went (one analyzer per command run). */
  public Timings timings() {
    return timings;
  }

  /** Analyses the files; never throws for a bad file, which becomes a tool error instead. */
  public AnalysisResult analyze(List<Input> inputs) {
    parserModel = ParserModel.forRun(rules, inputs.size(), threads, timings);
    List<FileResult> results = new ArrayList<>();
    {
      // always on worker threads: their deep stacks take documents nested up to the parser's limit
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, inputs.size())), runnable -> {
        Thread thread = new Thread(null, runnable, "threatlint-worker", 64L * 1024 * 1024);
        thread.setDaemon(true);
        return thread;
      });
      try {
        List<Future<FileResult>> futures = new ArrayList<>();
        for (Input input : inputs) {
          futures.add(pool.submit(() -> analyzeFile(input)));
        }
        for (int i = 0; i < futures.size(); i++) {
          try {
            results.add(futures.get(i).get());
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

  /** Analyses text read from a stream (standard input), named {@code displayPath} in reports. */
  public AnalysisResult analyze(InputStream in, String displayPath) {
    parserModel = ParserModel.forRun(rules, 1, threads, timings);
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
      timings.add(Timings.Phase.READ, System.nanoTime() - start);
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
    timings.add(Timings.Phase.PARSE_AND_INDEX, System.nanoTime() - start);
    SpecVersion version = DocumentLoader.detectVersion(parsed);
    ApiDocument document = new ApiDocument(parsed, version, externalFiles.apply(parsed), parserModel);
    start = System.nanoTime();
    DocumentRun run = DocumentRun.run(document, rules, timings);
    timings.add(Timings.Phase.WALK_AND_RULES, System.nanoTime() - start);
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
      DocumentRun run = DocumentRun.run(document, rules, timings);
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
