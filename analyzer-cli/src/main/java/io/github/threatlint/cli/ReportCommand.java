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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint report}: the threat-model report of the SFTI white paper for each
 * specification: assets, agents, every scenario with its status, OWASP 2023 coverage and a summary.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Writes a threat-model report (SFTI API threat model): information assets, threat agents, every threat "
            + "scenario with findings, mitigations evidenced in the spec or controls to verify, OWASP API Security Top 10 2023 "
            + "coverage, and a summary of the top risks.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written (findings do not change the exit code)",
      "2:usage, input or internal error"
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Cli.Environment environment;

  ReportCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Mixin AnalysisOptions analysis;

  @Parameters(
      paramLabel = "SPEC",
      arity = "1..*",
      description =
          "Specification files, folders or globs (in a folder or glob, the files with a top-level 'openapi' or "
              + "'swagger' key).")
  List<String> specs = new ArrayList<>();

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description = "html or markdown (default: from the --output file name, else markdown).")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "The report's title (default: the APIs' titles), shown in its audit trail.")
  String title;

  @Option(
      names = "--owner",
      paramLabel = "TEXT",
      description = "Who owns the threat model (a person or team), shown in the audit trail.")
  String owner;

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
