package io.github.threatlint.core.source;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One file read and parsed on a thread of its own from the moment a front end can name it, before
 * the analysis asks for it: a cold command line takes 150 ms or more to build its model and request
 * with about half a core idle, and the read and parse of a large specification that used to follow
 * it can run in that time. The analysis still asks for each file where it always did; it takes the
 * tree made here only for the same file, at most once, within its own size limit, and reads the
 * file itself otherwise, or when anything failed here: its own read and parse then give the error,
 * named as reports name the file.
 */
public final class ParseAhead {
  /** Nothing read ahead: the analysis reads every file itself. */
  public static final ParseAhead NONE = new ParseAhead(null, null);

  /** A tree parsed here, and the size of the file it came from (for the analysis' size limit). */
  private record Parsed(ParsedFile file, long bytes) {}

  private final Path path;
  private final AtomicReference<FutureTask<Parsed>> pending;

  private ParseAhead(Path path, FutureTask<Parsed> parsing) {
    this.path = path;
    this.pending = new AtomicReference<>(parsing);
  }

  /**
   * Starts reading and parsing {@code path}, if it is a regular file within the default size limit,
   * on a daemon thread (with the workers' deep stack); never throws, whatever {@code path} is.
   */
  public static ParseAhead start(Path path) {
    FutureTask<Parsed> parsing =
        new FutureTask<>(
            () -> {
              // read the size first: a file that grows past it while read is still within the limit
              long bytes = Files.size(path);
              SourceFile source =
                  new SourceReader(SourceReader.DEFAULT_MAX_BYTES, "").read(path, path.toString());
              return new Parsed(TreeParser.parse(source), bytes);
            });
    Thread thread = new Thread(null, parsing, "threatlint-parse-ahead", 64L * 1024 * 1024);
    thread.setDaemon(true);
    thread.start();
    return new ParseAhead(path, parsing);
  }

  /**
   * The tree of the file at {@code path}, named {@code displayPath}, if it is the file parsed here
   * (waiting for its parse to end), parsed without error and no larger than {@code maxBytes}; else
   * null, and the caller reads the file. The tree is handed out once.
   */
  public ParsedFile take(Path path, String displayPath, long maxBytes) {
    if (this.path == null || path == null || !isSameFile(path)) {
      return null;
    }
    FutureTask<Parsed> parsing = pending.getAndSet(null);
    if (parsing == null) {
      return null;
    }
    Parsed parsed;
    try {
      parsed = parsing.get();
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
    if (parsed.bytes() > maxBytes) {
      return null;
    }
    ParsedFile file = parsed.file();
    return new ParsedFile(
        new SourceFile(path, displayPath, file.source().text()),
        file.root(),
        file.index(),
        file.duplicateKeys(),
        file.hasAliases());
  }

  private boolean isSameFile(Path other) {
    try {
      return Files.isSameFile(path, other);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }
}
