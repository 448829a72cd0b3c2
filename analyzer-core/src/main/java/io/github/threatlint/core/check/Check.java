package io.github.threatlint.core.check;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.config.Baseline;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.RuleSelection;
import io.github.threatlint.core.config.Suppressions;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.resolve.SpecFiles;
import io.github.threatlint.core.ruleset.Rulesets;
import io.github.threatlint.core.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one entry point of threatlint: a {@link CheckRequest} in, a {@link CheckResult} out. It finds
 * and loads the configuration, selects the profile and rules, reads the baseline, confines
 * references, analyses the inputs, and applies the configuration's ignores and the baseline. The
 * command line, the Maven plugin and an editor integration are argument parsing and output around
 * it. Holds no state between runs, but for what the request's {@link CheckCache} keeps.
 */
public final class Check {
  private Check() {}

  public static CheckResult run(CheckRequest request) throws CheckException {
    return run(request, CheckListener.NONE);
  }

  public static CheckResult run(CheckRequest request, CheckListener listener)
      throws CheckException {
    long start = System.nanoTime();
    Configuration configuration = loadConfiguration(request);
    Profile profile =
        request.profile != null
            ? request.profile
            : configuration.profile() != null ? configuration.profile() : request.fallbackProfile;
    // the rules a run selects from: the built-in ones and those of the configuration's rulesets
    List<EnabledRule> rules =
        selectRules(request, configuration.catalog(request.catalog), configuration, profile);
    Baseline baseline = readBaseline(request);
    SpecFiles referencedFiles;
    SourceReader reader = new SourceReader(request.maxFileBytes);
    // references reach files by their real paths: the overlay is looked up the same way
    Map<Path, String> overlay = new HashMap<>();
    for (Map.Entry<Path, String> buffer : request.overlay.entrySet()) {
      overlay.put(SpecFiles.realPathOf(buffer.getKey()), buffer.getValue());
    }
    try {
      referencedFiles =
          new SpecFiles(
              request.root,
              request.workingDirectory,
              (path, displayPath) -> {
                String text = overlay.get(SpecFiles.realPathOf(path));
                return text == null
                    ? reader.read(path, displayPath)
                    : new SourceFile(path, displayPath, text);
              },
              overlay.keySet(),
              request.remote);
    } catch (IOException e) {
      throw new CheckException(
          CheckException.Setting.ROOT, request.root + " is not a folder that can be read", e);
    }
    listener.started(configuration, profile, rules);
    Analyzer analyzer =
        new Analyzer(
                rules,
                request.maxFileBytes,
                request.threads,
                document ->
                    referencedFiles.forDocument(document, request.rootOf(document.source().path())))
            .timePerFile(
                request.timePerFile != null
                    ? request.timePerFile
                    : configuration.timeLimit() != null
                        ? configuration.timeLimit()
                        : Analyzer.DEFAULT_TIME_PER_FILE);
    if (request.cache != null) {
      analyzer
          .trees(request.cache::parse)
          .parserMessages(request.cache::parserMessages)
          .ruleCalls(request.cache)
          .lastDocuments(request.cache);
    }
    if (listener.wantsFacts()) {
      analyzer.withFacts();
    }
    if (listener.wantsEvidence()) {
      analyzer.withEvidence();
    }
    if (request.timeRules) {
      analyzer.timings().timeRules();
    }
    Settling settling =
        new Settling(
            request,
            configuration,
            baseline,
            listener,
            request.stdin != null ? 1 : request.inputs.size());
    Analyzer.FileListener fileListener =
        listener.followsFiles() ? settling::analysed : Analyzer.FileListener.NONE;
    AnalysisResult analysed =
        request.stdin != null
            ? analyzer.analyze(request.stdin, request.stdinName, fileListener)
            : analyzer.analyze(withOverlay(request), fileListener);

    AnalysisResult beforeBaseline =
        Suppressions.apply(analysed, configuration, request.workingDirectory);
    Baseline.Match match =
        baseline == null ? null : baseline.match(beforeBaseline, request.workingDirectory);
    return new CheckResult(
        match == null ? beforeBaseline : match.result(),
        beforeBaseline,
        configuration,
        profile,
        baseline,
        match,
        Duration.ofNanos(System.nanoTime() - start),
        analyzer.timings(),
        referencedFiles.filesNamed());
  }

  /**
   * The configuration file given, else the one found upward from where the request says, else none.
   */
  private static Configuration loadConfiguration(CheckRequest request) throws CheckException {
    Path file = request.configFile;
    String displayName = request.configDisplayName;
    try {
      if (file != null && Files.isDirectory(file)) {
        throw new CheckException(
            CheckException.Setting.CONFIGURATION_FILE,
            new ConfigurationException(
                    displayName, 0, 0, "is a directory, not a configuration file")
                .oneLine(),
            null);
      }
      if (file != null && !Files.isRegularFile(file)) {
        throw new CheckException(
            CheckException.Setting.CONFIGURATION_FILE,
            new ConfigurationException(displayName, 0, 0, "no such configuration file").oneLine(),
            null);
      }
      if (file == null) {
        file = ConfigurationLoader.find(request.configSearchFrom).orElse(null);
        if (file == null) {
          return Configuration.EMPTY;
        }
        displayName = request.displayPath(file);
      }
      refuseLinkOutOfRoot(request, file, displayName, CheckException.Setting.CONFIGURATION);
      return new ConfigurationLoader(request.catalog, new Rulesets(request.root), request.root)
          .load(file, displayName);
    } catch (ConfigurationException e) {
      throw new CheckException(CheckException.Setting.CONFIGURATION, e.oneLine(), e);
    }
  }

  private static List<EnabledRule> selectRules(
      CheckRequest request,
      List<RuleDescriptor> catalog,
      Configuration configuration,
      Profile profile)
      throws CheckException {
    RuleSelection selection = new RuleSelection(catalog);
    requireRules(selection, request.enable, CheckException.Setting.ENABLE);
    requireRules(selection, request.disable, CheckException.Setting.DISABLE);
    try {
      return selection.select(profile, configuration, request.enable, request.disable);
    } catch (ConfigurationException e) {
      throw new CheckException(CheckException.Setting.CONFIGURATION, e.oneLine(), e);
    }
  }

  private static void requireRules(
      RuleSelection selection, List<String> ids, CheckException.Setting setting)
      throws CheckException {
    for (String id : ids) {
      try {
        selection.require(id);
      } catch (ConfigurationException e) {
        throw new CheckException(setting, e.getMessage(), e);
      }
    }
  }

  private static Baseline readBaseline(CheckRequest request) throws CheckException {
    if (request.baseline == null) {
      return null;
    }
    String displayName = request.displayPath(request.baseline);
    refuseLinkOutOfRoot(request, request.baseline, displayName, CheckException.Setting.BASELINE);
    try {
      return Baseline.read(request.baseline, displayName);
    } catch (ConfigurationException e) {
      throw new CheckException(CheckException.Setting.BASELINE, e.oneLine(), e);
    }
  }

  /**
   * A configuration or baseline inside the root obeys the rule of references: a symbolic link that
   * leads out of the root is not followed (a checkout under review could link its configuration to
   * a file of the user's, whose text a parse error would show).
   */
  private static void refuseLinkOutOfRoot(
      CheckRequest request, Path file, String displayName, CheckException.Setting setting)
      throws CheckException {
    boolean rootIsWorkingDirectory =
        request
            .root
            .toAbsolutePath()
            .normalize()
            .equals(request.workingDirectory.toAbsolutePath().normalize());
    String refusal =
        SpecFiles.linkOutOfRoot(
            file, request.root, rootIsWorkingDirectory ? "." : request.displayPath(request.root));
    if (refusal != null) {
      throw new CheckException(
          setting, new ConfigurationException(displayName, 0, 0, refusal).oneLine(), null);
    }
  }

  /** The inputs, with the text of those the overlay holds. */
  private static List<Analyzer.Input> withOverlay(CheckRequest request) {
    List<Analyzer.Input> inputs = new ArrayList<>();
    for (Analyzer.Input input : request.inputs) {
      String text =
          input.path() == null
              ? null
              : request.overlay.get(input.path().toAbsolutePath().normalize());
      inputs.add(
          text == null ? input : new Analyzer.Input(input.path(), input.displayPath(), text));
    }
    return inputs;
  }

  /**
   * Turns analyses that finish in any order into findings settled in input order: the same
   * findings, suppression and baseline state as the whole result has, file by file, as soon as a
   * file and all before it are done.
   */
  private static final class Settling {
    private final CheckRequest request;
    private final Configuration configuration;
    private final Baseline baseline;
    private final CheckListener listener;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final Analyzer.DocumentAnalysis[] waiting;

    /**
     * Each rule and place, with the input that reported it first: later inputs do not report it
     * again.
     */
    private final Map<String, Integer> firstReporter = new HashMap<>();

    private int next;

    Settling(
        CheckRequest request,
        Configuration configuration,
        Baseline baseline,
        CheckListener listener,
        int total) {
      this.request = request;
      this.configuration = configuration;
      this.baseline = baseline;
      this.listener = listener;
      this.total = total;
      this.waiting = new Analyzer.DocumentAnalysis[total];
    }

    void analysed(int index, Analyzer.DocumentAnalysis analysis) {
      List<Finding> ownFindings =
          Suppressions.apply(analysis.findings(), configuration, request.workingDirectory);
      listener.document(
          index,
          new Analyzer.DocumentAnalysis(
              analysis.displayPath(),
              analysis.document(),
              ownFindings,
              analysis.evidence(),
              analysis.errors(),
              analysis.facts()));
      // the document is not kept: only its findings wait for the files before it
      Analyzer.DocumentAnalysis withoutDocument =
          new Analyzer.DocumentAnalysis(
              analysis.displayPath(),
              null,
              ownFindings,
              analysis.evidence(),
              analysis.errors(),
              null);
      listener.analysed(done.incrementAndGet(), total, analysis.displayPath());
      settle(index, withoutDocument);
    }

    private synchronized void settle(int index, Analyzer.DocumentAnalysis analysis) {
      waiting[index] = analysis;
      while (next < total && waiting[next] != null) {
        Analyzer.DocumentAnalysis ready = waiting[next];
        waiting[next] = null;
        List<Finding> findings = new ArrayList<>();
        for (Finding finding : ready.findings()) {
          String place = finding.ruleId() + " " + finding.file() + "#" + finding.pointer();
          if (firstReporter.computeIfAbsent(place, key -> next) == next) {
            findings.add(finding);
          }
        }
        if (baseline != null) {
          // the baseline's keys hold the file, and each place is settled once: matching file by
          // file matches as the whole run does
          findings =
              baseline
                  .match(
                      new AnalysisResult(findings, List.of(), List.of(), List.of(), List.of()),
                      request.workingDirectory)
                  .result()
                  .findings();
        }
        listener.settled(next, ready.displayPath(), List.copyOf(findings), ready.errors());
        next++;
      }
    }
  }
}
