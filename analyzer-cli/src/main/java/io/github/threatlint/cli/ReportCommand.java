package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.output.OutputFile;
import io.github.threatlint.core.threatmodel.ReportAudit;
import io.github.threatlint.core.threatmodel.ReportLinks;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import io.github.threatlint.core.threatmodel.ThreatModel;
import io.github.threatlint.core.threatmodel.ThreatModels;
import io.github.threatlint.core.threatmodel.ThreatReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code threatlint report}: the threat-model report of the SFTI white paper for each
 * specification: assets, agents, every scenario with its status, OWASP 2023 coverage and a summary.
 */
final class ReportCommand implements Callable<Integer> {
  private final CommandSpec spec;

  final AnalysisOptions analysis = new AnalysisOptions();

  List<String> specs = new ArrayList<>();
  String format;
  Path output;
  String title;
  String owner;

  private final Cli.Environment environment;

  ReportCommand(Cli.Environment environment) {
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
            "report",
            "Writes a threat-model report (SFTI API threat model): information assets, threat agents, every threat "
                + "scenario with findings, mitigations evidenced in the spec or controls to verify, OWASP API Security Top 10 2023 "
                + "coverage, and a summary of the top risks.",
            "0:the report was written (findings do not change the exit code)",
            "2:usage, input or internal error");
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
                        "Specification files, folders or globs (in a folder or glob, the files with a top-level 'openapi' or "
                            + "'swagger' key)."),
                this,
                "specs")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-f", "--format")
                    .paramLabel("FORMAT")
                    .type(String.class)
                    .description(
                        "html or markdown (default: from the --output file name, else markdown)."),
                this,
                "format")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("-o", "--output")
                    .paramLabel("FILE")
                    .type(Path.class)
                    .description("Write the report to FILE instead of standard output."),
                this,
                "output")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--title")
                    .paramLabel("TEXT")
                    .type(String.class)
                    .description(
                        "The report's title (default: the APIs' titles), shown in its audit trail."),
                this,
                "title")
            .build());
    spec.addOption(
        CommandModel.bound(
                OptionSpec.builder("--owner")
                    .paramLabel("TEXT")
                    .type(String.class)
                    .description(
                        "Who owns the threat model (a person or team), shown in the audit trail."),
                this,
                "owner")
            .build());
    return CommandModel.addHelpOptions(spec);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ThreatReportFormat chosen = chooseFormat();
    Instant generated;
    try {
      generated = ReportAudit.generationTime(environment.variables());
    } catch (IllegalArgumentException e) {
      err.println("threatlint: " + e.getMessage());
      return ExitCodes.ERROR;
    }
    Path workingDirectory = environment.workingDirectory();
    CheckRequest request =
        analysis
            .withDocuments(
                analysis.request(workingDirectory, Profile.SFTI), workingDirectory, specs)
            .threads(1)
            .build();
    ThreatModels built = new ThreatModels(ThreatCatalogue.sfti());
    CheckResult check;
    try {
      check = analysis.run(request, built, workingDirectory);
    } catch (CheckException e) {
      err.println(e.getMessage());
      return ExitCodes.ERROR;
    }
    List<ToolError> errors = built.errors();
    List<ThreatModel> models = built.models();
    for (ToolError error : errors) {
      err.println(error.oneLine());
    }
    if (models.isEmpty()) {
      err.println("threatlint: no specification could be analysed; no report written");
      return ExitCodes.ERROR;
    }

    Path target = output == null ? null : workingDirectory.resolve(output.toString());
    ReportLinks links =
        ReportLinks.forReport(workingDirectory, target, check.configuration().docsUrl());
    ReportAudit audit = built.audit(generated, Version.get(), title, owner);
    try {
      if (output == null) {
        StringWriter text = new StringWriter();
        chosen.write(models, links, audit, text);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      } else {
        OutputFile.write(
            target, workingDirectory, writer -> chosen.write(models, links, audit, writer));
      }
    } catch (IOException e) {
      err.println("threatlint: cannot write the report to " + output + ": " + e.getMessage());
      return ExitCodes.ERROR;
    }
    return errors.isEmpty() ? ExitCodes.CLEAN : ExitCodes.ERROR;
  }

  private ThreatReportFormat chooseFormat() {
    if (format != null) {
      ThreatReportFormat parsed = ThreatReportFormat.parse(format);
      if (parsed == null) {
        throw usage("--format takes html or markdown, not '" + format + "'");
      }
      return parsed;
    }
    if (output != null
        && ThreatReportFormat.fromFileName(output.getFileName().toString()) != null) {
      return ThreatReportFormat.fromFileName(output.getFileName().toString());
    }
    return ThreatReportFormat.MARKDOWN;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
