package io.github.threatlint.maven;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.check.SpecFinder;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.RulePlugins;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.output.OutputFile;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporter;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.report.TextReporter;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
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
 * Runs one {@code check}: finds the specifications, analyses them in-process through threatlint's
 * one entry point ({@link Check}), writes the reports with the reporters of the command line and
 * logs the findings. It decides nothing about the build; the Mojo turns the outcome into success or
 * failure.
 */
public final class CheckRunner {
  /**
   * The file each format is written to, in the output directory (every format the plugin writes has
   * one).
   */
  private static final Map<String, String> REPORT_FILES =
      Map.of(
          "text",
          "threatlint.txt",
          "json",
          "threatlint.json",
          "sarif",
          "threatlint.sarif",
          "junit",
          "threatlint-junit.xml",
          "markdown",
          "threatlint.md");

  private final Log log;

  public CheckRunner(Log log) {
    this.log = log;
  }

  public CheckOutcome run(CheckParameters request) throws InvalidCheckException {
    Level threshold = parseFailOn(request.failOn());
    List<String> formats = checkFormats(request.formats());
    parseProfile(request.profile());
    List<Path> specifications = findSpecifications(request);
    if (specifications.isEmpty()) {
      return new CheckOutcome(null, threshold, List.of());
    }
    CheckResult check = check(request, specifications, log);
    AnalysisResult result = check.result();
    if (check.baselineMatch() != null && !check.baselineMatch().fixed().isEmpty()) {
      int fixed = check.baselineMatch().fixed().size();
      log.info(
          "threatlint: "
              + fixed
              + (fixed == 1 ? " entry" : " entries")
              + " of the baseline "
              + check.baseline().displayPath()
              + " no longer match a finding (fixed); they can be removed from it.");
    }

    DocsUrl docsUrl = check.configuration().docsUrl();
    List<Path> reports = writeReports(request, formats, result, docsUrl);
    logFindings(result, docsUrl);
    for (ToolError error : result.errors()) {
      log.error(error.oneLine());
    }
    logSummary(request, result, reports);

    if (!result.errors().isEmpty()) {
      ToolError first = result.errors().get(0);
      String more =
          result.errors().size() == 1
              ? ""
              : " (and " + (result.errors().size() - 1) + " more problems, listed above)";
      throw new InvalidCheckException(first.oneLine() + more);
    }
    return new CheckOutcome(
        result, threshold, reports.stream().map(report -> display(request, report)).toList());
  }

  /** The specifications the {@code specs} parameter names; none is no failure, the log says why. */
  static List<Path> findSpecifications(CheckParameters request, Log log)
      throws InvalidCheckException {
    SpecFinder.Scan scan;
    try {
      scan = request.specs().scan(request.projectDirectory());
    } catch (IOException e) {
      throw new InvalidCheckException(
          "cannot list the specifications under "
              + display(request, request.specs().baseDirectory(request.projectDirectory()))
              + ": "
              + e.getMessage(),
          e);
    }
    if (!scan.fragments().isEmpty() && log.isDebugEnabled()) {
      for (Path fragment : scan.fragments()) {
        log.debug(
            "threatlint: "
                + display(request, fragment)
                + " has no top-level openapi or swagger key; "
                + "it is checked through the specifications that reference it");
      }
    }
    if (scan.documents().isEmpty()) {
      Path base = request.specs().baseDirectory(request.projectDirectory());
      boolean projectFolder = base.equals(request.projectDirectory().toAbsolutePath().normalize());
      log.info(
          "threatlint: no OpenAPI or Swagger specification matches "
              + String.join(" or ", request.specs().effectiveIncludes())
              + (projectFolder ? "" : " in " + display(request, base))
              + (scan.fragments().isEmpty()
                  ? ""
                  : " ("
                      + plural(scan.fragments().size(), "matched file")
                      + " without a top-level openapi or swagger key, so fragments only)")
              + "; nothing to check.");
    }
    return scan.documents();
  }

  private List<Path> findSpecifications(CheckParameters request) throws InvalidCheckException {
    return findSpecifications(request, log);
  }

  /**
   * Runs threatlint's one entry point on the specifications, in the build's JVM and without network
   * (a check must not depend on it), and logs what it checks once the configuration is read.
   */
  static CheckResult check(CheckParameters request, List<Path> specifications, Log log)
      throws InvalidCheckException {
    return check(
        request,
        specifications,
        log,
        Profile.RECOMMENDED,
        "for security problems",
        CheckListener.NONE);
  }

  /**
   * @param fallbackProfile the profile when neither the parameter nor the configuration names one
   * @param purpose what the log says the specifications are analysed for
   * @param also hears of the run as well (the threat models of the report goal)
   */
  /**
   * The built-in rules and those of the rule plugins among the plugin's {@code <dependencies>}
   * (their {@code RuleProvider} services on the plugin's class path).
   */
  private static List<RuleDescriptor> catalog() throws InvalidCheckException {
    List<RuleDescriptor> rules = new ArrayList<>(BuiltInRules.all());
    try {
      rules.addAll(RulePlugins.of(CheckRunner.class.getClassLoader()));
    } catch (RulePlugins.PluginException e) {
      throw new InvalidCheckException("a rule plugin among the dependencies " + e.getMessage(), e);
    }
    return List.copyOf(rules);
  }

  static CheckResult check(
      CheckParameters request,
      List<Path> specifications,
      Log log,
      Profile fallbackProfile,
      String purpose,
      CheckListener also)
      throws InvalidCheckException {
    Profile explicitProfile = parseProfile(request.profile());
    CheckRequest.Builder check =
        CheckRequest.builder(request.displayRoot(), catalog())
            .files(specifications)
            .configSearchFrom(request.projectDirectory())
            .profile(explicitProfile)
            .fallbackProfile(fallbackProfile)
            .enable(request.enable() == null ? List.of() : request.enable())
            .disable(request.disable() == null ? List.of() : request.disable())
            .baseline(request.baseline())
            .root(request.root())
            .threads(Math.min(specifications.size(), Runtime.getRuntime().availableProcessors()));
    if (request.configLocation() != null) {
      check.configFile(request.configLocation(), display(request, request.configLocation()));
    }
    CheckListener announce =
        new CheckListener() {
          @Override
          public void started(
              Configuration configuration, Profile profile, List<EnabledRule> rules) {
            log.info(
                "threatlint "
                    + Version.get()
                    + ": checking "
                    + describe(request, specifications)
                    + " "
                    + purpose
                    + " (profile "
                    + profile.label()
                    + (configuration.displayPath() == null
                        ? ""
                        : ", configuration " + configuration.displayPath())
                    + (request.baseline() == null
                        ? ""
                        : ", baseline " + display(request, request.baseline()))
                    + ").");
            // rulesetErrors: warn: the ruleset rules left out
            configuration.warnings().forEach(log::warn);
            also.started(configuration, profile, rules);
          }

          @Override
          public void document(int index, Analyzer.DocumentAnalysis analysis) {
            also.document(index, analysis);
          }

          @Override
          public boolean wantsFacts() {
            return also.wantsFacts();
          }

          @Override
          public boolean wantsEvidence() {
            return also.wantsEvidence();
          }
        };
    try {
      return Check.run(check.build(), announce);
    } catch (CheckException e) {
      throw new InvalidCheckException(
          switch (e.setting()) {
            case CONFIGURATION_FILE ->
                e.getMessage() + " (configLocation, threatlint.configLocation)";
            case ENABLE ->
                e.getMessage()
                    .replaceFirst(
                        "^unknown rule '[^']*'", "enable (threatlint.enable) names the $0");
            case DISABLE ->
                e.getMessage()
                    .replaceFirst(
                        "^unknown rule '[^']*'", "disable (threatlint.disable) names the $0");
            case ROOT -> "root (threatlint.root) " + request.root() + " is not an existing folder";
            default -> e.getMessage();
          },
          e);
    }
  }

  static Level parseFailOn(String failOn) throws InvalidCheckException {
    String value = failOn == null ? "" : failOn.trim().toLowerCase(Locale.ROOT);
    if (value.equals("none")) {
      return Level.OFF;
    }
    Level level = Level.parse(value);
    if (level == null || level == Level.OFF) {
      throw new InvalidCheckException(
          "failOn (threatlint.failOn) takes error, warning, note or none, not '" + failOn + "'");
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
        throw new InvalidCheckException(
            "formats (threatlint.formats): the github format prints workflow commands to "
                + "standard output, which the Maven log would prefix; upload threatlint.sarif to GitHub code scanning instead");
      }
      if (Reporters.byName(name) == null) {
        throw new InvalidCheckException(
            "formats (threatlint.formats) has the unknown format '"
                + format.trim()
                + "' (choose from "
                + String.join(
                    ", ", Reporters.names().stream().filter(n -> !n.equals("github")).toList())
                + ")");
      }
      checked.add(name);
    }
    return List.copyOf(checked);
  }

  /** The profile the user chose, or null to take the configuration's {@code extends}. */
  static Profile parseProfile(String profileName) throws InvalidCheckException {
    if (profileName == null || profileName.isBlank()) {
      return null;
    }
    Profile profile = Profile.parse(profileName.trim().toLowerCase(Locale.ROOT));
    if (profile == null) {
      throw new InvalidCheckException(
          "profile (threatlint.profile) takes recommended, sfti or strict, not '"
              + profileName
              + "'");
    }
    return profile;
  }

  private List<Path> writeReports(
      CheckParameters request, List<String> formats, AnalysisResult result, DocsUrl docsUrl)
      throws InvalidCheckException {
    removeStaleReports(request, formats);
    List<Path> written = new ArrayList<>();
    for (String format : formats) {
      Reporter reporter = Reporters.byName(format);
      Path target =
          request
              .outputDirectory()
              .resolve(REPORT_FILES.getOrDefault(format, "threatlint." + format));
      AnalysisResult shown = result;
      ReportContext context =
          new ReportContext(
              Version.get(), request.displayRoot(), false, request.sarifCategory(), docsUrl);
      if (format.equals("sarif")) {
        Path root =
            RepositoryPaths.sarifRoot(result, request.displayRoot(), request.projectDirectory());
        shown = RepositoryPaths.relativeTo(result, request.displayRoot(), root);
        context = new ReportContext(Version.get(), root, false, request.sarifCategory(), docsUrl);
      }
      try {
        AnalysisResult report = shown;
        ReportContext writtenContext = context;
        OutputFile.writeBytes(
            target,
            request.projectDirectory(),
            bytes -> reporter.write(report, writtenContext, bytes));
        for (String omission : reporter.omissions(shown)) {
          log.warn("threatlint: " + display(request, target) + ": " + omission);
        }
      } catch (IOException e) {
        throw new InvalidCheckException(
            "cannot write the " + format + " report to " + display(request, target) + ": " + e, e);
      }
      written.add(target);
    }
    return written;
  }

  /**
   * Deletes the reports a previous check wrote in a format no longer asked for, so that the output
   * folder never holds a report that is not of this run. Only threatlint's own file names.
   */
  private void removeStaleReports(CheckParameters request, List<String> formats)
      throws InvalidCheckException {
    for (Map.Entry<String, String> report : REPORT_FILES.entrySet()) {
      Path stale = request.outputDirectory().resolve(report.getValue());
      try {
        if (!formats.contains(report.getKey()) && Files.deleteIfExists(stale)) {
          log.info(
              "threatlint: removed "
                  + display(request, stale)
                  + ", a report of a previous run in a format no longer asked for.");
        }
      } catch (IOException e) {
        throw new InvalidCheckException(
            "cannot remove the stale report " + display(request, stale) + ": " + e, e);
      }
    }
  }

  /** One line per active finding, at the log level of its own level. */
  private void logFindings(AnalysisResult result, DocsUrl docsUrl) {
    Set<String> ruleIds = new LinkedHashSet<>();
    for (Finding finding : result.findings()) {
      if (finding.isSuppressed()) {
        continue;
      }
      String line = TextReporter.logLine(finding);
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

  private void logSummary(CheckParameters request, AnalysisResult result, List<Path> reports) {
    long errors = result.count(Level.ERROR, true);
    long warnings = result.count(Level.WARNING, true);
    long notes = result.count(Level.NOTE, true);
    long total = errors + warnings + notes;
    int files = result.files().size();
    StringBuilder summary = new StringBuilder("threatlint: ");
    summary.append(
        total == 0
            ? "no findings"
            : plural(total, "finding")
                + " ("
                + plural(errors, "error")
                + ", "
                + plural(warnings, "warning")
                + ", "
                + plural(notes, "note")
                + ")");
    summary.append(" in ").append(plural(files, "specification"));
    if (!result.errors().isEmpty()) {
      summary
          .append("; ")
          .append(result.errors().size())
          .append(result.errors().size() == 1 ? " problem" : " problems")
          .append(" stopped the check (listed above)");
    }
    long suppressed = result.suppressedCount();
    if (suppressed > 0) {
      summary.append("; ").append(suppressed).append(" suppressed");
    }
    summary.append('.');
    if (!reports.isEmpty()) {
      summary
          .append(" Reports: ")
          .append(
              String.join(", ", reports.stream().map(report -> display(request, report)).toList()))
          .append('.');
    }
    log.info(summary.toString());
  }

  /** The files by name when there are a few, else how many there are. */
  static String describe(CheckParameters request, List<Path> files) {
    if (files.isEmpty() || files.size() > 3) {
      return plural(files.size(), "specification");
    }
    return String.join(", ", files.stream().map(file -> display(request, file)).toList());
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /**
   * A path as the log and reports show it: relative to where Maven was started when it is inside
   * (as reports name files).
   */
  static String display(CheckParameters request, Path path) {
    return CheckRequest.displayPath(request.displayRoot().toAbsolutePath().normalize(), path);
  }
}
