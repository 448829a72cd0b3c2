package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SpecVersion;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one place that decides when swagger-parser's model is built for the rules that read {@link
 * ApiDocument#parserMessages()} ({@link RuleInfo#readsParserMessages()}, i.e. spec-invalid) and
 * accounts for its time. When a run leaves a core idle beside the walk (fewer files than threads:
 * one large document on several cores), the model is built ahead, on a thread of its own, while the
 * rules run; otherwise on first use, inside the walk. Either way its time is the run's {@code
 * swagger_parser_model} phase, and the time the walk spends waiting for it or building it is taken
 * out of {@code walk_and_rules}.
 */
final class ParserModel {
  private final boolean ahead;
  private final Timings timings;
  private final BiFunction<ParsedFile, SpecVersion, List<String>> build;

  ParserModel(
      boolean ahead, Timings timings, BiFunction<ParsedFile, SpecVersion, List<String>> build) {
    this.ahead = ahead;
    this.timings = timings;
    this.build = build;
  }

  /**
   * The schedule for a run of {@code rules} over {@code files} files on {@code threads} threads.
   */
  static ParserModel forRun(List<EnabledRule> rules, int files, int threads, Timings timings) {
    return forRun(rules, files, threads, timings, ParserMessages::of);
  }

  /** The same schedule, the messages had through {@code build}. */
  static ParserModel forRun(
      List<EnabledRule> rules,
      int files,
      int threads,
      Timings timings,
      BiFunction<ParsedFile, SpecVersion, List<String>> build) {
    boolean readsParserMessages = false;
    for (EnabledRule rule : rules) {
      if (rule.descriptor().info().readsParserMessages()) {
        readsParserMessages = true;
        break;
      }
    }
    return new ParserModel(readsParserMessages && files < threads, timings, build);
  }

  /** Whether the model is built ahead, on a thread of its own. */
  boolean ahead() {
    return ahead;
  }

  /**
   * swagger-parser's messages about the document in {@code file}, for {@link ApiDocument}: started
   * now when the run builds ahead, else built when the document first asks.
   */
  Supplier<List<String>> messagesFor(ParsedFile file, SpecVersion version) {
    Messages messages = new Messages(file, version, ahead);
    if (messages.ahead != null) {
      // as deep a stack as the analysis workers: the deserializer recurses as deep as the document
      Thread thread =
          new Thread(null, messages.ahead, "threatlint-parser-model", 64L * 1024 * 1024);
      thread.setDaemon(true);
      thread.start();
    }
    return messages;
  }

  /**
   * One document's messages: built on a thread of their own ({@code ahead}) when the run builds
   * ahead, else when first asked.
   */
  private final class Messages implements Supplier<List<String>>, Callable<List<String>> {
    private final ParsedFile file;
    private final SpecVersion version;
    private final FutureTask<List<String>> ahead;

    Messages(ParsedFile file, SpecVersion version, boolean ahead) {
      this.file = file;
      this.version = version;
      this.ahead = ahead ? new FutureTask<>(this) : null;
    }

    /** Builds the messages, timed as the model's own phase. */
    @Override
    public List<String> call() {
      long start = System.nanoTime();
      List<String> messages = build.apply(file, version);
      timings.add(Timings.Phase.SWAGGER_PARSER_MODEL, System.nanoTime() - start);
      return messages;
    }

    @Override
    public List<String> get() {
      long start = System.nanoTime();
      List<String> result = ahead != null ? await(ahead) : call();
      // the model is waited for (or built) inside the walk: move that time from the walk to its own
      // phase
      timings.add(Timings.Phase.WALK_AND_RULES, -(System.nanoTime() - start));
      return result;
    }
  }

  private static List<String> await(FutureTask<List<String>> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error; // a StackOverflowError of a deep document is handled as the synchronous
        // build's would be
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while swagger-parser built its model", e);
    }
  }
}
