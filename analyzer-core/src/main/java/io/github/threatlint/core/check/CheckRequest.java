package io.github.threatlint.core.check;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.source.SourceReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one analysis needs, whichever front end asks for it (command line, Maven plugin, an
 * editor): the inputs, the folder paths are named from, where the configuration is, the profile and
 * rule switches, the baseline, the reference policy and the limits. Built with {@link #builder};
 * what is not set has the command line's default.
 */
public final class CheckRequest {
  final Path workingDirectory;
  final List<RuleDescriptor> catalog;
  final List<Analyzer.Input> inputs;
  final InputStream stdin;
  final String stdinName;
  final Map<Path, String> overlay;
  final Path configFile;
  final String configDisplayName;
  final Path configSearchFrom;
  final Profile profile;
  final Profile fallbackProfile;
  final List<String> enable;
  final List<String> disable;
  final Path baseline;
  final Path root;
  final Map<Path, Path> documentRoots;
  final RemoteFiles remote;
  final long maxFileBytes;
  final int threads;
  final boolean timeRules;
  final Duration timePerFile;
  final CheckCache cache;

  private CheckRequest(Builder builder) {
    workingDirectory = builder.workingDirectory;
    catalog = List.copyOf(builder.catalog);
    inputs = List.copyOf(builder.inputs);
    stdin = builder.stdin;
    stdinName = builder.stdinName;
    overlay = Map.copyOf(builder.overlay);
    configFile = builder.configFile;
    configDisplayName = builder.configDisplayName;
    configSearchFrom =
        builder.configSearchFrom == null ? builder.workingDirectory : builder.configSearchFrom;
    profile = builder.profile;
    fallbackProfile = builder.fallbackProfile;
    enable = List.copyOf(builder.enable);
    disable = List.copyOf(builder.disable);
    baseline = builder.baseline;
    root = builder.root == null ? builder.workingDirectory : builder.root;
    documentRoots = Map.copyOf(builder.documentRoots);
    remote = builder.remote;
    maxFileBytes = builder.maxFileBytes;
    threads = builder.threads;
    timeRules = builder.timeRules;
    timePerFile = builder.timePerFile;
    cache = builder.cache;
  }

  /**
   * @param workingDirectory relative paths are resolved against it, and reports name files relative
   *     to it
   * @param catalog the rules that exist (the built-in ones, for the front ends)
   */
  public static Builder builder(Path workingDirectory, List<RuleDescriptor> catalog) {
    return new Builder(workingDirectory.toAbsolutePath().normalize(), catalog);
  }

  public Path workingDirectory() {
    return workingDirectory;
  }

  /**
   * The folder the references of a root document may not leave: the one it was given with {@link
   * Builder#files(List, Path)}, else the request's root.
   */
  Path rootOf(Path document) {
    return document == null
        ? root
        : documentRoots.getOrDefault(document.toAbsolutePath().normalize(), root);
  }

  /** How reports name a file: relative to the working directory when inside it, else absolute. */
  public String displayPath(Path path) {
    return displayPath(workingDirectory, path);
  }

  /**
   * How reports name a file: relative to {@code folder} when inside it, else absolute, with
   * slashes.
   */
  public static String displayPath(Path folder, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(folder) && !absolute.equals(folder)) {
      return folder.relativize(absolute).toString().replace('\\', '/');
    }
    // outside the folder: the absolute path, without the ../ segments it was reached by
    return absolute.toString().replace('\\', '/');
  }

  /** Builds a request; each setter returns the builder. */
  public static final class Builder {
    private final Path workingDirectory;
    private final List<RuleDescriptor> catalog;
    private final List<Analyzer.Input> inputs = new ArrayList<>();
    private InputStream stdin;
    private String stdinName;
    private final Map<Path, String> overlay = new HashMap<>();
    private Path configFile;
    private String configDisplayName;
    private Path configSearchFrom;
    private Profile profile;
    private Profile fallbackProfile = Profile.RECOMMENDED;
    private final List<String> enable = new ArrayList<>();
    private final List<String> disable = new ArrayList<>();
    private Path baseline;
    private Path root;
    private final Map<Path, Path> documentRoots = new HashMap<>();
    private RemoteFiles remote = RemoteFiles.OFF;
    private long maxFileBytes = SourceReader.DEFAULT_MAX_BYTES;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean timeRules;

    /** Null: the configuration's timeLimit, else {@link Analyzer#DEFAULT_TIME_PER_FILE}. */
    private Duration timePerFile;

    private CheckCache cache;

    private Builder(Path workingDirectory, List<RuleDescriptor> catalog) {
      this.workingDirectory = workingDirectory;
      this.catalog = catalog;
    }

    /** Root documents to analyse, named in reports relative to the working directory. */
    public Builder files(List<Path> files) {
      for (Path file : files) {
        inputs.add(new Analyzer.Input(file, displayPath(workingDirectory, file)));
      }
      return this;
    }

    /**
     * Root documents to analyse whose references may not leave {@code folder}, instead of the
     * request's {@link #root}: documents the user named outside it.
     */
    public Builder files(List<Path> files, Path folder) {
      files(files);
      for (Path file : files) {
        documentRoots.put(file.toAbsolutePath().normalize(), folder);
      }
      return this;
    }

    /** One root document analysed from a stream (standard input), named {@code displayName}. */
    public Builder stdin(InputStream in, String displayName) {
      this.stdin = in;
      this.stdinName = displayName;
      return this;
    }

    /**
     * Text that stands for a file's content on disk, for root documents and the files they
     * reference alike: an editor's unsaved buffers.
     */
    public Builder overlay(Path file, String text) {
      overlay.put(file.toAbsolutePath().normalize(), text);
      return this;
    }

    /**
     * The configuration file; {@code displayName} names it in messages. Without one, it is looked
     * for.
     */
    public Builder configFile(Path file, String displayName) {
      this.configFile = file;
      this.configDisplayName = displayName;
      return this;
    }

    /**
     * Where the search for {@code .threatlint.yaml} upward starts (default: the working directory).
     */
    public Builder configSearchFrom(Path folder) {
      this.configSearchFrom = folder;
      return this;
    }

    /** The profile chosen for this run, or null for the configuration's {@code extends}. */
    public Builder profile(Profile chosen) {
      this.profile = chosen;
      return this;
    }

    /**
     * The profile when neither {@link #profile} nor the configuration names one (default
     * recommended).
     */
    public Builder fallbackProfile(Profile fallback) {
      this.fallbackProfile = fallback;
      return this;
    }

    public Builder enable(List<String> ruleIds) {
      enable.addAll(ruleIds);
      return this;
    }

    public Builder disable(List<String> ruleIds) {
      disable.addAll(ruleIds);
      return this;
    }

    /** The baseline whose findings are marked as such, or null. */
    public Builder baseline(Path file) {
      this.baseline = file;
      return this;
    }

    /** The folder references may not leave (default: the working directory). */
    public Builder root(Path folder) {
      this.root = folder;
      return this;
    }

    /** What to do with http(s) references (default: never fetch). */
    public Builder remote(RemoteFiles policy) {
      this.remote = policy;
      return this;
    }

    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = bytes;
      return this;
    }

    /** Files analysed at once (default: the number of cores). */
    public Builder threads(int count) {
      this.threads = Math.max(1, count);
      return this;
    }

    /**
     * Also time each rule, for {@link CheckResult#timings()} (costs a clock read per rule call).
     */
    public Builder timeRules(boolean on) {
      this.timeRules = on;
      return this;
    }

    /**
     * The time one file may take; a file over it becomes a tool error and the others still report.
     * Null (the default): the configuration's {@code timeLimit}, else 60 seconds.
     */
    public Builder timePerFile(Duration budget) {
      this.timePerFile = budget;
      return this;
    }

    /**
     * What to keep from this check for the next one of the same documents, and to reuse from the
     * last (default: nothing): for a front end that analyses edited documents again.
     */
    public Builder cache(CheckCache kept) {
      this.cache = kept;
      return this;
    }

    public CheckRequest build() {
      return new CheckRequest(this);
    }
  }
}
