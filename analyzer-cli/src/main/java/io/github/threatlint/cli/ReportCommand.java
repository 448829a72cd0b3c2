package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.Suppressions;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.threatmodel.ReportLinks;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import io.github.threatlint.core.threatmodel.ThreatModel;
import io.github.threatlint.core.threatmodel.ThreatModelBuilder;
import io.github.threatlint.core.threatmodel.ThreatReportFormat;
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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint report}: the threat-model report of the SFTI white paper for each specification:
 * assets, agents, every scenario with its status, OWASP 2023 coverage and a summary.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = "Writes a threat-model report (SFTI API threat model): information assets, threat agents, every threat "
        + "scenario with findings, mitigations evidenced in the spec or controls to verify, OWASP API Security Top 10 2023 "
        + "coverage, and a summary of the top risks.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:the report was written (findings do not change the exit code)",
        "2:usage, input or internal error"})
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final Cli.Environment environment;

  ReportCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Mixin
  AnalysisOptions analysis;

  @Parameters(paramLabel = "SPEC", arity = "1..*",
      description = "Specification files, folders or globs (in a folder or glob, the files with a top-level 'openapi' or "
          + "'swagger' key).")
  List<String> specs = new ArrayList<>();

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "html or markdown (default: from the --output file name, else markdown).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ThreatReportFormat chosen = chooseFormat();
    Path workingDirectory = environment.workingDirectory();
    AnalysisOptions.Selection selection;
    try {
      selection = analysis.select(workingDirectory, Profile.SFTI);
    } catch (ConfigurationException e) {
      err.println(e.oneLine());
      return ExitCodes.ERROR;
    }
    List<EnabledRule> rules = selection.rules();
    Profile selected = selection.profile();
    Analyzer analyzer = new Analyzer(rules, analysis.maxFileBytes(), Runtime.getRuntime().availableProcessors(),
        analysis.specFiles(workingDirectory)::forDocument);
    List<Analyzer.Input> inputs = new ArrayList<>();
    for (Path path : analysis.findDocuments(workingDirectory, specs)) {
      inputs.add(new Analyzer.Input(path, CheckCommand.displayPath(workingDirectory, path)));
    }

    ThreatCatalogue catalogue = ThreatCatalogue.sfti();
    List<ToolError> errors = new ArrayList<>();
    List<ThreatModel> models = new ArrayList<>();
    // each model is built on the analyzer's worker thread, next to its analysis, where deep documents have the stack they need
    for (Analysed analysed : analyzer.analyzeDocuments(inputs, analysis -> new Analysed(analysis.errors(),
        analysis.document() == null ? null
            : ThreatModelBuilder.build(catalogue, analysis.document(),
                Suppressions.apply(analysis.findings(), selection.configuration(), workingDirectory), rules, selected.label())))) {
      errors.addAll(analysed.errors());
      if (analysed.model() != null) {
        models.add(analysed.model());
      }
    }
    for (ToolError error : errors) {
      err.println(error.oneLine());
    }
    if (models.isEmpty()) {
      err.println("threatlint: no specification could be analysed; no report written");
      return ExitCodes.ERROR;
    }

    Path target = output == null ? null : workingDirectory.resolve(output.toString());
    ReportLinks links = ReportLinks.forReport(workingDirectory, target, selection.configuration().docsUrl());
    try {
      if (output == null) {
        StringWriter text = new StringWriter();
        chosen.write(models, links, Version.get(), text);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        if (target.getParent() != null) {
          Files.createDirectories(target.getParent());
        }
        try (Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8)) {
          chosen.write(models, links, Version.get(), writer);
        }
      }
    } catch (IOException e) {
      err.println("threatlint: cannot write the report to " + output + ": " + e.getMessage());
      return ExitCodes.ERROR;
    }
    return errors.isEmpty() ? ExitCodes.CLEAN : ExitCodes.ERROR;
  }

  /** One specification's tool errors and threat model (null when it could not be analysed). */
  private record Analysed(List<ToolError> errors, ThreatModel model) {}

  private ThreatReportFormat chooseFormat() {
    if (format != null) {
      ThreatReportFormat parsed = ThreatReportFormat.parse(format);
      if (parsed == null) {
        throw usage("--format takes html or markdown, not '" + format + "'");
      }
      return parsed;
    }
    if (output != null && ThreatReportFormat.fromFileName(output.getFileName().toString()) != null) {
      return ThreatReportFormat.fromFileName(output.getFileName().toString());
    }
    return ThreatReportFormat.MARKDOWN;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
