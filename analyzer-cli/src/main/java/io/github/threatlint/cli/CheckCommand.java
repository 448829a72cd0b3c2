package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.config.Baseline;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.Timings;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.output.OutputFile;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporter;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.report.SarifReporter;
import io.github.threatlint.core.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code threatlint check}: analyses specifications and reports findings. */
final class CheckCommand implements Callable<Integer> {
  private final CommandSpec spec;

  final AnalysisOptions analysis = new AnalysisOptions();

  List<String> specs = new ArrayList<>();
  List<String> formats = new ArrayList<>();
  Path output;
  String failOn;
  boolean quiet;
  boolean showSuppressed;
  String baseline;
  String writeBaseline;
  boolean pruneBaseline;
  String stdinFilename;
  Integer jobs;
  String sarifCategory;
  String color;
  boolean timings;

  private final Cli.Environment environment;

  CheckCommand(Cli.Environment environment) {
    this.environment = environment;
    this.spec = newModel();
  }

  /** picocli's model of this command, bound to this object. */
  CommandSpec model() {
    return spec;
  }

  /** This command's model (rather than its annotations: {@link CommandModel}). */
  private CommandSpec newModel() {
    CommandSpec spec =
        CommandModel.command(
            this,
            "check",
            "Analyses OpenAPI 3.x and Swagger 2.0 specifications (YAML or JSON) and reports security findings.",
            "0:nothing at or above the --fail-on level",
            "1:findings at or above the --fail-on level",
            "2:usage, configuration, input or internal error");
    analysis.addTo(spec);
    spec.addPositional(
        CommandModel.bound(
                PositionalParamSpec.builder()
                    .paramLabel("SPEC")
                    .arity("1..*")
                    .required(true)
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "Specification files, folders or globs to analyse (in a folder or glob, the files with a top-level "
                            + "'openapi' or 'swagger' key); '-' reads standard input (name it with --stdin-filename)."),
                this,
                "specs")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-f", "--format")
                    .paramLabel("FORMAT[=FILE]")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "Output format: text (default), json, sarif, github (workflow annotations), junit or markdown. "
                            + "Repeat for several; FORMAT=FILE writes that format to FILE, e.g. --format text --format sarif=threatlint.sarif."),
                this,
                "formats")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-o", "--output")
                    .paramLabel("FILE")
                    .type(Path.class)
                    .description(
                        "Write the (single) format that has no FILE of its own to FILE instead of standard output."),
                this,
                "output")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--fail-on")
                    .paramLabel("LEVEL")
                    .defaultValue("error")
                    .type(String.class)
                    .description(
                        "Exit with 1 when a finding is at or above LEVEL: error (default), warning, note or none."),
                this,
                "failOn")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-q", "--quiet")
                    .type(boolean.class)
                    .description(
                        "Text output lists only findings at or above the --fail-on level, without the summary line."),
                this,
                "quiet")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--show-suppressed")
                    .type(boolean.class)
                    .description(
                        "Text output also lists suppressed and baselined findings, marked with the reason. They still never count for --fail-on."),
                this,
                "showSuppressed")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--baseline")
                    .paramLabel("FILE")
                    .type(String.class)
                    .description(
                        "Report only findings that are not in this baseline; the others are marked as baselined."),
                this,
                "baseline")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--write-baseline")
                    .paramLabel("FILE")
                    .type(String.class)
                    .description(
                        "Record the current findings (those not suppressed) in FILE, to be used with --baseline."),
                this,
                "writeBaseline")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--prune-baseline")
                    .type(boolean.class)
                    .description(
                        "With --baseline: remove from the baseline file the entries no finding matches any more (fixed)."),
                this,
                "pruneBaseline")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--stdin-filename")
                    .paramLabel("NAME")
                    .defaultValue("<stdin>")
                    .type(String.class)
                    .description("The name reports give to standard input."),
                this,
                "stdinFilename")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-j", "--jobs")
                    .paramLabel("N")
                    .type(Integer.class)
                    .description("Files analysed at once (default: the number of cores)."),
                this,
                "jobs")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--sarif-category")
                    .paramLabel("ID")
                    .type(String.class)
                    .description(
                        "Write runs[0].automationDetails.id in SARIF (distinguishes several analyses of one repository)."),
                this,
                "sarifCategory")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--color")
                    .paramLabel("WHEN")
                    .defaultValue("auto")
                    .completionCandidates(new Colour.Words())
                    .type(String.class)
                    .description(
                        "Colour the levels of the text output: auto (default: on a terminal, or with FORCE_COLOR set; never with "
                            + "NO_COLOR set), always or never."),
                this,
                "color")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--timings")
                    .hidden(true)
                    .type(boolean.class)
                    .description("Print the time spent per phase on stderr (for the benchmark)."),
                this,
                "timings")
            .build());
    return CommandModel.addHelpOptions(spec);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Level threshold = "none".equals(failOn) ? Level.OFF : Level.parse(failOn);
    if (threshold == null) {
      throw usage("--fail-on takes error, warning, note or none, not '" + failOn + "'");
    }
    Colour colour = Colour.parse(this.color);
    if (colour == null) {
      throw usage(
          "--color takes " + String.join(", ", new Colour.Words()) + ", not '" + this.color + "'");
    }
    Map<String, Path> outputs = parseFormats();
    if (pruneBaseline && baseline == null) {
      throw usage("--prune-baseline needs --baseline FILE");
    }
    if (pruneBaseline && writeBaseline != null) {
      throw usage("--prune-baseline and --write-baseline both rewrite a baseline; use one");
    }
    Path workingDirectory = environment.workingDirectory();
    if (jobs != null && jobs < 1) {
      throw usage("--jobs takes a positive number of files, not " + jobs);
    }
    CheckRequest.Builder request =
        analysis
            .request(workingDirectory, Profile.RECOMMENDED)
            .threads(jobs == null ? Runtime.getRuntime().availableProcessors() : jobs)
            .baseline(baseline == null ? null : workingDirectory.resolve(baseline))
            .timeRules(timings);
    if (specs.contains("-")) {
      if (specs.size() > 1) {
        throw usage("'-' (standard input) cannot be combined with files");
      }
      request.stdin(environment.stdin(), stdinFilename);
    } else {
      analysis.withDocuments(request, workingDirectory, specs);
    }
    boolean coloured = colour.enabled(environment.variables(), Colour.terminal());
    ReportContext context =
        new ReportContext(Version.get(), workingDirectory, coloured, sarifCategory);
    // on a terminal, the text report on standard output comes file by file, with progress on stderr
    TerminalProgress progress =
        environment.terminal() && outputs.containsKey("text") && outputs.get("text") == null
            ? new TerminalProgress(out, err, textReporter(threshold), context)
            : null;

    // a SARIF report's rules' help is made on a spare core while the analysis runs
    SarifHelp sarifHelp = progress == null && outputs.containsKey("sarif") ? new SarifHelp() : null;
    CheckResult check;
    try {
      check =
          analysis.run(
              request.build(),
              progress != null ? progress : sarifHelp != null ? sarifHelp : CheckListener.NONE,
              workingDirectory);
    } catch (CheckException e) {
      err.println(e.getMessage());
      return ExitCodes.ERROR;
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    AnalysisResult result = check.result();
    // rulesetErrors: warn: the ruleset rules left out, one line each
    for (String warning : check.configuration().warnings()) {
      err.println(warning);
    }
    // the configuration, read by the check, says where the rules' pages are
    context =
        new ReportContext(
            Version.get(),
            workingDirectory,
            coloured,
            sarifCategory,
            check.configuration().docsUrl());
    if (progress == null) {
      for (ToolError error : result.errors()) {
        err.println(error.oneLine());
      }
    }
    try {
      result = applyBaseline(check, workingDirectory, err);
    } catch (IOException e) {
      err.println("threatlint: cannot write the baseline: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    long reportStart = System.nanoTime();
    for (Map.Entry<String, Path> entry : outputs.entrySet()) {
      Reporter reporter =
          entry.getKey().equals("text")
              ? textReporter(threshold)
              : entry.getKey().equals("sarif") && sarifHelp != null
                  ? sarifHelp.reporter
                  : Reporters.byName(entry.getKey());
      try {
        if (entry.getValue() == null && progress != null) {
          // the findings are printed already
          ((TextReporter) reporter).writeSummary(result, out);
          out.flush();
        } else if (entry.getValue() == null) {
          StringWriter text = new StringWriter();
          reporter.write(result, context, text);
          out.print(text);
          out.flush();
        } else {
          AnalysisResult reported = result;
          ReportContext reportContext = context;
          OutputFile.writeBytes(
              entry.getValue(),
              workingDirectory,
              bytes -> reporter.write(reported, reportContext, bytes));
        }
        for (String omission : reporter.omissions(result)) {
          err.println("threatlint: warning: " + omission);
        }
      } catch (IOException e) {
        err.println(
            "threatlint: cannot write the "
                + entry.getKey()
                + " report to "
                + entry.getValue()
                + ": "
                + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
    if (timings) {
      check.timings().add(Timings.Phase.REPORT, System.nanoTime() - reportStart);
      err.println("timings: " + check.timings().summary());
      err.println("slowest rules: " + check.timings().slowestRules(8));
      err.println("shared facts: " + check.timings().slowestFacts(8));
    }
    if (!result.errors().isEmpty()) {
      return ExitCodes.ERROR;
    }
    if (threshold != Level.OFF && result.count(threshold) > 0) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.CLEAN;
  }

  /**
   * Starts making the SARIF help of the selected rules when the analysis starts. Only with no
   * progress on a terminal (its listener follows the files), which is the case that is timed: CI.
   */
  private static final class SarifHelp implements CheckListener {
    private Reporter reporter = Reporters.byName("sarif");

    @Override
    public void started(Configuration configuration, Profile profile, List<EnabledRule> rules) {
      reporter = SarifReporter.preparing(rules, configuration.docsUrl());
    }

    @Override
    public boolean followsFiles() {
      return false;
    }
  }

  /**
   * The text reporter of the options: --show-suppressed, and --quiet (only findings at or above
   * --fail-on, no summary).
   */
  private TextReporter textReporter(Level threshold) {
    return new TextReporter(showSuppressed, quiet ? threshold : null);
  }

  private Map<String, Path> parseFormats() {
    Map<String, Path> outputs = new LinkedHashMap<>();
    List<String> requested = formats.isEmpty() ? List.of("text") : formats;
    boolean outputUsed = false;
    for (String format : requested) {
      int equals = format.indexOf('=');
      String name = equals < 0 ? format : format.substring(0, equals);
      if (Reporters.byName(name) == null) {
        throw usage(
            "unknown format '"
                + name
                + "' (choose from "
                + String.join(", ", Reporters.names())
                + ")");
      }
      // output files are named relative to the command's working directory, as every other path
      Path target =
          equals < 0 ? null : environment.workingDirectory().resolve(format.substring(equals + 1));
      if (target == null && output != null && !outputUsed) {
        target = environment.workingDirectory().resolve(output.toString());
        outputUsed = true;
      }
      if (outputs.containsKey(name)) {
        throw usage("the format '" + name + "' is given twice");
      }
      outputs.put(name, target);
    }
    int toStdout = 0;
    for (Path target : outputs.values()) {
      if (target == null) {
        toStdout++;
      }
    }
    if (toStdout > 1) {
      throw usage(
          "only one format can go to standard output; give the others a file (FORMAT=FILE)");
    }
    return outputs;
  }

  /**
   * --baseline marked the findings it holds as baselined; here its fixed entries are reported, or
   * pruned. --write-baseline records the findings not suppressed otherwise and then applies what it
   * wrote.
   */
  private AnalysisResult applyBaseline(CheckResult check, Path workingDirectory, PrintWriter err)
      throws IOException {
    AnalysisResult result = check.result();
    // a file that failed has no findings: rewriting a baseline now would drop its entries as if
    // fixed
    boolean complete = result.errors().isEmpty();
    if (check.baseline() != null) {
      Baseline accepted = check.baseline();
      Baseline.Match match = check.baselineMatch();
      if (pruneBaseline && !complete) {
        err.println(
            "threatlint: the baseline "
                + accepted.displayPath()
                + " is not pruned, since files or rules failed.");
      } else if (pruneBaseline) {
        if (!match.fixed().isEmpty()) {
          accepted
              .withEntries(match.matched())
              .write(workingDirectory.resolve(baseline), workingDirectory);
        }
        err.println(
            "threatlint: pruned "
                + match.fixed().size()
                + " fixed "
                + (match.fixed().size() == 1 ? "entry" : "entries")
                + " from the baseline "
                + accepted.displayPath()
                + "; "
                + match.matched().size()
                + " remain.");
      } else if (!match.fixed().isEmpty() && !quiet && complete) {
        boolean one = match.fixed().size() == 1;
        err.println(
            "threatlint: "
                + match.fixed().size()
                + (one ? " entry" : " entries")
                + " of the baseline "
                + accepted.displayPath()
                + (one ? " no longer matches" : " no longer match")
                + " a finding (fixed); remove "
                + (one ? "it" : "them")
                + " with --prune-baseline:");
        for (Baseline.Entry entry : match.fixed()) {
          err.println("  fixed: " + entry.label());
        }
      }
    }
    if (writeBaseline != null && !complete) {
      err.println(
          "threatlint: the baseline "
              + writeBaseline
              + " is not written, since files or rules failed.");
    } else if (writeBaseline != null) {
      Path file = workingDirectory.resolve(writeBaseline);
      Baseline written =
          Baseline.of(
              check.beforeBaseline().findings(),
              file,
              CheckRequest.displayPath(workingDirectory, file),
              workingDirectory);
      written.write(file, workingDirectory);
      err.println(
          "threatlint: wrote "
              + written.entries().size()
              + " "
              + (written.entries().size() == 1 ? "finding" : "findings")
              + " to the baseline "
              + written.displayPath()
              + ".");
      result = written.match(check.beforeBaseline(), workingDirectory).result();
    }
    return result;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
