package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.engine.Timings;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.model.ExternalFiles;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.Reporter;
import io.github.threatlint.core.report.Reporters;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code threatlint check}: analyses specifications and reports findings. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Analyses OpenAPI 3.x and Swagger 2.0 specifications (YAML or JSON) and reports security findings.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:nothing at or above the --fail-on level",
        "1:findings at or above the --fail-on level",
        "2:usage, configuration, input or internal error"})
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SPEC", arity = "1..*",
      description = "Specification files to analyse; '-' reads standard input (name it with --stdin-filename).")
  List<String> specs = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT[=FILE]",
      description = "Output format: text (default), json, sarif, github (workflow annotations), junit or markdown. "
          + "Repeat for several; FORMAT=FILE writes that format to FILE, e.g. --format text --format sarif=threatlint.sarif.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the (single) format that has no FILE of its own to FILE instead of standard output.")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error",
      description = "Exit with 1 when a finding is at or above LEVEL: error (default), warning, note or none.")
  String failOn;

  @Option(names = {"-q", "--quiet"},
      description = "Text output lists only findings at or above the --fail-on level, without the summary line.")
  boolean quiet;

  @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "recommended",
      description = "Rule profile: recommended (default), sfti or strict.")
  String profile;

  @Option(names = "--enable", paramLabel = "RULE", description = "Also run this rule (at its default level, or note). Repeatable.")
  List<String> enable = new ArrayList<>();

  @Option(names = "--disable", paramLabel = "RULE", description = "Do not run this rule. Repeatable.")
  List<String> disable = new ArrayList<>();

  @Option(names = "--stdin-filename", paramLabel = "NAME", defaultValue = "<stdin>",
      description = "The name reports give to standard input.")
  String stdinFilename;

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "64m",
      description = "Refuse files larger than this (suffixes k, m, g; default 64m).")
  String maxFileSize;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files analysed at once (default: the number of cores).")
  Integer jobs;

  @Option(names = "--sarif-category", paramLabel = "ID",
      description = "Write runs[0].automationDetails.id in SARIF (distinguishes several analyses of one repository).")
  String sarifCategory;

  @Option(names = "--timings", hidden = true, description = "Print the time spent per phase on stderr (for the benchmark).")
  boolean timings;

  private final Cli.Environment environment;

  CheckCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Level threshold = "none".equals(failOn) ? Level.OFF : Level.parse(failOn);
    if (threshold == null) {
      throw usage("--fail-on takes error, warning, note or none, not '" + failOn + "'");
    }
    Map<String, Path> outputs = parseFormats();
    List<EnabledRule> rules = selectRules();
    Analyzer analyzer = new Analyzer(rules, parseSize(maxFileSize), jobs == null ? Runtime.getRuntime().availableProcessors() : jobs,
        file -> ExternalFiles.NONE);

    AnalysisResult result;
    Path workingDirectory = environment.workingDirectory();
    if (specs.contains("-")) {
      if (specs.size() > 1) {
        throw usage("'-' (standard input) cannot be combined with files");
      }
      result = analyzer.analyze(environment.stdin(), stdinFilename);
    } else {
      List<Analyzer.Input> inputs = new ArrayList<>();
      for (String spec : specs) {
        Path path = workingDirectory.resolve(spec);
        inputs.add(new Analyzer.Input(path, displayPath(workingDirectory, path)));
      }
      result = analyzer.analyze(inputs);
    }

    for (ToolError error : result.errors()) {
      err.println(error.oneLine());
    }
    boolean color = environment.variables().get("NO_COLOR") == null && System.console() != null
        && !"dumb".equals(environment.variables().get("TERM"));
    long reportStart = System.nanoTime();
    ReportContext context = new ReportContext(Version.get(), workingDirectory, color, sarifCategory);
    for (Map.Entry<String, Path> entry : outputs.entrySet()) {
      Reporter reporter = Reporters.byName(entry.getKey());
      AnalysisResult shown = entry.getKey().equals("text") && quiet ? onlyAtOrAbove(result, threshold) : result;
      try {
        if (entry.getValue() == null) {
          StringWriter text = new StringWriter();
          writeReport(reporter, shown, context, text, entry.getKey());
          out.print(text);
          out.flush();
        } else {
          Path target = entry.getValue();
          if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
          }
          try (Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
            writeReport(reporter, shown, context, writer, entry.getKey());
          }
        }
        for (String omission : reporter.omissions(shown)) {
          err.println("threatlint: warning: " + omission);
        }
      } catch (IOException e) {
        err.println("threatlint: cannot write the " + entry.getKey() + " report to " + entry.getValue() + ": " + e.getMessage());
        return ExitCodes.ERROR;
      }
    }
    if (timings) {
      Timings.add(Timings.Phase.REPORT, System.nanoTime() - reportStart);
      err.println("timings: " + Timings.summary());
    }
    if (!result.errors().isEmpty()) {
      return ExitCodes.ERROR;
    }
    if (threshold != Level.OFF && result.count(threshold) > 0) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.CLEAN;
  }

  private void writeReport(Reporter reporter, AnalysisResult result, ReportContext context, Writer writer, String format)
      throws IOException {
    if (format.equals("text") && quiet) {
      for (String line : render(reporter, result, context).split("\n")) {
        if (!line.isEmpty() && !isSummary(line)) {
          writer.write(line + "\n");
        }
      }
      return;
    }
    reporter.write(result, context, writer);
  }

  private static boolean isSummary(String line) {
    return line.startsWith("No findings") || line.matches("\\d+ findings? .*");
  }

  private static String render(Reporter reporter, AnalysisResult result, ReportContext context) throws IOException {
    StringWriter text = new StringWriter();
    reporter.write(result, context, text);
    return text.toString();
  }

  private static AnalysisResult onlyAtOrAbove(AnalysisResult result, Level threshold) {
    List<Finding> kept = result.findings().stream()
        .filter(f -> threshold == Level.OFF || f.level().atLeast(threshold)).toList();
    return new AnalysisResult(kept, result.errors(), result.files(), result.rules());
  }

  private Map<String, Path> parseFormats() {
    Map<String, Path> outputs = new LinkedHashMap<>();
    List<String> requested = formats.isEmpty() ? List.of("text") : formats;
    boolean outputUsed = false;
    for (String format : requested) {
      int equals = format.indexOf('=');
      String name = equals < 0 ? format : format.substring(0, equals);
      if (Reporters.byName(name) == null) {
        throw usage("unknown format '" + name + "' (choose from " + String.join(", ", Reporters.names()) + ")");
      }
      Path target = equals < 0 ? null : Path.of(format.substring(equals + 1));
      if (target == null && output != null && !outputUsed) {
        target = output;
        outputUsed = true;
      }
      if (outputs.containsKey(name)) {
        throw usage("the format '" + name + "' is given twice");
      }
      outputs.put(name, target);
    }
    long toStdout = outputs.values().stream().filter(p -> p == null).count();
    if (toStdout > 1) {
      throw usage("only one format can go to standard output; give the others a file (FORMAT=FILE)");
    }
    return outputs;
  }

  private List<EnabledRule> selectRules() {
    Profile selected = Profile.parse(profile);
    if (selected == null) {
      throw usage("unknown profile '" + profile + "' (choose from recommended, sfti, strict)");
    }
    for (String id : enable) {
      if (BuiltInRules.byId(id) == null) {
        throw usage("unknown rule '" + id + "' in --enable (see 'threatlint rules')");
      }
    }
    for (String id : disable) {
      if (BuiltInRules.byId(id) == null) {
        throw usage("unknown rule '" + id + "' in --disable (see 'threatlint rules')");
      }
    }
    List<EnabledRule> rules = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (disable.contains(rule.id())) {
        continue;
      }
      Level level = selected.levelOf(rule.info());
      if (level == Level.OFF && enable.contains(rule.id())) {
        level = Profile.STRICT.levelOf(rule.info());
      }
      if (level != Level.OFF) {
        rules.add(new EnabledRule(rule, level, Map.of()));
      }
    }
    return rules;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private long parseSize(String text) {
    String value = text.trim().toLowerCase(java.util.Locale.ROOT);
    long factor = 1;
    if (value.endsWith("k") || value.endsWith("m") || value.endsWith("g")) {
      factor = value.endsWith("k") ? 1024L : value.endsWith("m") ? 1024L * 1024 : 1024L * 1024 * 1024;
      value = value.substring(0, value.length() - 1);
    }
    try {
      long size = Long.parseLong(value) * factor;
      if (size <= 0) {
        throw new NumberFormatException();
      }
      return size;
    } catch (NumberFormatException e) {
      throw usage("--max-file-size takes a positive size such as 64m, not '" + text + "'");
    }
  }

  static String displayPath(Path workingDirectory, Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(workingDirectory)) {
      return workingDirectory.relativize(absolute).toString().replace('\\', '/');
    }
    return path.toString().replace('\\', '/');
  }

  static long defaultMaxBytes() {
    return SourceReader.DEFAULT_MAX_BYTES;
  }
}
