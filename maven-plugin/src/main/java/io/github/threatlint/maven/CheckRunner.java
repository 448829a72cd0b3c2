package io.github.threatlint.maven;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.config.Baseline;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.RuleSelection;
import io.github.threatlint.core.config.Suppressions;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporter;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.resolve.SpecFiles;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.rules.BuiltInRules;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one {@code check}: finds the specifications, analyses them in-process with the same engine
 * as the command line, writes the reports and logs the findings. It decides nothing about the build;
 * the Mojo turns the outcome into success or failure.
 */
public final class CheckRunner {
  /** The file each format is written to, in the output directory; others get {@code threatlint.<format>}. */
  private static final Map<String, String> REPORT_FILES = Map.of(
      "text", "threatlint.txt", "json", "threatlint.json", "sarif", "threatlint.sarif",
      "junit", "threatlint-junit.xml", "markdown", "threatlint.md");

  private final Log log;

  public CheckRunner(Log log) {
    this.log = log;
  }

  public CheckOutcome run(CheckRequest request) throws InvalidCheckException {
    Level threshold = parseFailOn(request.failOn());
    List<String> formats = checkFormats(request.formats());
    Profile explicitProfile = parseProfile(request.profile());
    Configuration configuration;
    List<EnabledRule> rules;
    Baseline baseline;
    try {
      configuration = loadConfiguration(request);
      rules = new RuleSelection(BuiltInRules.all()).select(explicitProfile, configuration, List.of(), List.of());
      baseline = request.baseline() == null ? null : Baseline.read(request.baseline(), display(request, request.baseline()));
    } catch (ConfigurationException e) {
      throw new InvalidCheckException(e.oneLine(), e);
    }

    SpecFileSet.Scan scan;
    try {
      scan = request.specs().scan(request.projectDirectory());
    } catch (IOException e) {
      throw new InvalidCheckException("cannot list the specifications under "
          + display(request, request.specs().baseDirectory(request.projectDirectory())) + ": " + e.getMessage(), e);
    }
    if (!scan.fragments().isEmpty() && log.isDebugEnabled()) {
      for (Path fragment : scan.fragments()) {
        log.debug("threatlint: " + display(request, fragment) + " has no top-level openapi or swagger key; "
            + "it is checked through the specifications that reference it");
      }
    }
    if (scan.specifications().isEmpty()) {
      Path base = request.specs().baseDirectory(request.projectDirectory());
      boolean projectFolder = base.equals(request.projectDirectory().toAbsolutePath().normalize());
      log.info("threatlint: no OpenAPI or Swagger specification matches " + String.join(" or ", request.specs().effectiveIncludes())
          + (projectFolder ? "" : " in " + display(request, base))
          + (scan.fragments().isEmpty() ? "" : " (" + plural(scan.fragments().size(), "matched file")
              + " without a top-level openapi or swagger key, so fragments only)")
          + "; nothing to check.");
      return new CheckOutcome(null, threshold, List.of());
    }

    log.info("threatlint " + Version.get() + ": checking " + describe(request, scan.specifications())
        + " for security problems (profile " + RuleSelection.effectiveProfile(explicitProfile, configuration).label()
        + (configuration.displayPath() == null ? "" : ", configuration " + configuration.displayPath())
        + (baseline == null ? "" : ", baseline " + baseline.displayPath()) + ").");

    List<Analyzer.Input> inputs = new ArrayList<>();
    for (Path file : scan.specifications()) {
      inputs.add(new Analyzer.Input(file, display(request, file)));
    }
    SpecFiles referencedFiles;
    try {
      // the build never fetches remote references: a check must not depend on the network
      referencedFiles = new SpecFiles(request.root(), request.displayRoot(), SourceReader.DEFAULT_MAX_BYTES, RemoteFiles.OFF);
    } catch (IOException e) {
      throw new InvalidCheckException("root (threatlint.root) " + request.root() + " is not an existing folder", e);
    }
    int threads = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
    Analyzer analyzer = new Analyzer(rules, SourceReader.DEFAULT_MAX_BYTES, threads, referencedFiles::forDocument);
    AnalysisResult result = Suppressions.apply(analyzer.analyze(inputs), configuration, request.displayRoot());
    if (baseline != null) {
      Baseline.Match match = baseline.match(result, request.displayRoot());
      result = match.result();
      if (!match.fixed().isEmpty()) {
        int fixed = match.fixed().size();
        log.info("threatlint: " + fixed + (fixed == 1 ? " entry" : " entries")
            + " of the baseline " + baseline.displayPath() + " no longer match a finding (fixed); they can be removed from it.");
      }
    }

    List<Path> reports = writeReports(request, formats, result, configuration.docsUrl());
    logFindings(result, configuration.docsUrl());
    for (ToolError error : result.errors()) {
      log.error(error.oneLine());
    }
    logSummary(request, result, reports);

    if (!result.errors().isEmpty()) {
      ToolError first = result.errors().get(0);
      String more = result.errors().size() == 1 ? "" : " (and " + (result.errors().size() - 1) + " more problems, listed above)";
      throw new InvalidCheckException(first.oneLine() + more);
    }
    return new CheckOutcome(result, threshold, reports.stream().map(report -> display(request, report)).toList());
  }

  static Level parseFailOn(String failOn) throws InvalidCheckException {
    String value = failOn == null ? "" : failOn.trim().toLowerCase(Locale.ROOT);
    if (value.equals("none")) {
      return Level.OFF;
    }
    Level level = Level.parse(value);
    if (level == null || level == Level.OFF) {
      throw new InvalidCheckException("failOn (threatlint.failOn) takes error, warning, note or none, not '" + failOn + "'");
    }
    return level;
  }

  private static List<String> checkFormats(List<String> formats) throws InvalidCheckException {
    Set<String> checked = new LinkedHashSet<>();
    for (String format : formats == null ? List.<String>of() : formats) {
      String name = format.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("github")) {
        throw new InvalidCheckException("formats (threatlint.formats): the github format prints workflow commands to "
            + "standard output, which the Maven log would prefix; upload threatlint.sarif to GitHub code scanning instead");
      }
      if (Reporters.byName(name) == null) {
        throw new InvalidCheckException("formats (threatlint.formats) has the unknown format '" + format.trim()
            + "' (choose from " + String.join(", ", Reporters.names().stream().filter(n -> !n.equals("github")).toList()) + ")");
      }
      checked.add(name);
    }
    return List.copyOf(checked);
  }

  /** The profile the user chose, or null to take the configuration's {@code extends}. */
  private static Profile parseProfile(String profileName) throws InvalidCheckException {
    if (profileName == null || profileName.isBlank()) {
      return null;
    }
    Profile profile = Profile.parse(profileName.trim().toLowerCase(Locale.ROOT));
    if (profile == null) {
      throw new InvalidCheckException("profile (threatlint.profile) takes recommended, sfti or strict, not '" + profileName + "'");
    }
    return profile;
  }

  /** The file of {@code configLocation}, else the one found from the module's folder upward, else none. */
  private static Configuration loadConfiguration(CheckRequest request) throws ConfigurationException {
    Path file = request.configLocation();
    if (file != null && !Files.isRegularFile(file)) {
      throw new ConfigurationException(display(request, file), 0, 0,
          "no such configuration file (configLocation, threatlint.configLocation)");
    }
    if (file == null) {
      file = ConfigurationLoader.find(request.projectDirectory()).orElse(null);
      if (file == null) {
        return Configuration.EMPTY;
      }
    }
    return new ConfigurationLoader(BuiltInRules.all()).load(file, display(request, file));
  }

  private List<Path> writeReports(CheckRequest request, List<String> formats, AnalysisResult result, DocsUrl docsUrl)
      throws InvalidCheckException {
    ReportContext context = new ReportContext(Version.get(), request.displayRoot(), false, null, docsUrl);
    List<Path> written = new ArrayList<>();
    for (String format : formats) {
      Reporter reporter = Reporters.byName(format);
      Path target = request.outputDirectory().resolve(REPORT_FILES.getOrDefault(format, "threatlint." + format));
      try {
        Files.createDirectories(request.outputDirectory());
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
          reporter.write(result, context, writer);
        }
        for (String omission : reporter.omissions(result)) {
          log.warn("threatlint: " + display(request, target) + ": " + omission);
        }
      } catch (IOException e) {
        throw new InvalidCheckException("cannot write the " + format + " report to " + display(request, target) + ": " + e, e);
      }
      written.add(target);
    }
    return written;
  }

  /** One line per active finding, at the log level of its own level. */
  private void logFindings(AnalysisResult result, DocsUrl docsUrl) {
    Set<String> ruleIds = new LinkedHashSet<>();
    for (Finding finding : result.findings()) {
      if (finding.isSuppressed()) {
        continue;
      }
      String line = finding.file() + ":" + finding.region().startLine() + ":" + finding.region().startColumn()
          + ": [" + finding.ruleId() + "] " + finding.message();
      switch (finding.level()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        default -> log.info(line);
      }
      ruleIds.add(finding.ruleId());
    }
    for (String ruleId : ruleIds) {
      log.info("threatlint: why " + ruleId + " matters and how to fix it: " + docsUrl.of(ruleId));
    }
  }

  private void logSummary(CheckRequest request, AnalysisResult result, List<Path> reports) {
    long errors = result.count(Level.ERROR, true);
    long warnings = result.count(Level.WARNING, true);
    long notes = result.count(Level.NOTE, true);
    long total = errors + warnings + notes;
    int files = result.files().size();
    StringBuilder summary = new StringBuilder("threatlint: ");
    summary.append(total == 0 ? "no findings" : plural(total, "finding") + " (" + plural(errors, "error") + ", "
        + plural(warnings, "warning") + ", " + plural(notes, "note") + ")");
    summary.append(" in ").append(plural(files, "specification"));
    if (!result.errors().isEmpty()) {
      summary.append("; ").append(result.errors().size()).append(result.errors().size() == 1 ? " problem" : " problems")
          .append(" stopped the check (listed above)");
    }
    long suppressed = result.suppressedCount();
    if (suppressed > 0) {
      summary.append("; ").append(suppressed).append(" suppressed");
    }
    summary.append('.');
    if (!reports.isEmpty()) {
      summary.append(" Reports: ").append(String.join(", ", reports.stream().map(report -> display(request, report)).toList())).append('.');
    }
    log.info(summary.toString());
  }

  /** The files by name when there are a few, else how many there are. */
  static String describe(CheckRequest request, List<Path> files) {
    if (files.isEmpty() || files.size() > 3) {
      return plural(files.size(), "specification");
    }
    return String.join(", ", files.stream().map(file -> display(request, file)).toList());
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** A path as the log and reports show it: relative to where Maven was started when it is inside. */
  static String display(CheckRequest request, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path root = request.displayRoot().toAbsolutePath().normalize();
    if (absolute.startsWith(root) && !absolute.equals(root)) {
      return root.relativize(absolute).toString().replace(File.separatorChar, '/');
    }
    return absolute.toString();
  }
}
