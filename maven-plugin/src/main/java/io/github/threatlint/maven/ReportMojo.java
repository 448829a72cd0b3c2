package io.github.threatlint.maven;

import io.github.threatlint.core.Version;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.output.OutputFile;
import io.github.threatlint.core.threatmodel.ReportAudit;
import io.github.threatlint.core.threatmodel.ReportLinks;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import io.github.threatlint.core.threatmodel.ThreatModels;
import io.github.threatlint.core.threatmodel.ThreatReportFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the threat-model report of the project's specifications (SFTI API threat model:
 * information assets, threat agents, every threat scenario with its findings, the mitigations the
 * specification shows or the controls to verify, OWASP API Security Top 10 2023 coverage), as
 * {@code threatlint report} does on the command line, through the same analysis as {@code check}.
 * Findings do not fail the build; unreadable specifications and a broken configuration do.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", threadSafe = true, requiresProject = true)
public class ReportMojo extends ThreatlintMojo {
  /** The report's file name in {@code outputDirectory}, without extension. */
  static final String REPORT_NAME = "threatlint-report";

  /**
   * The report formats to write to {@code outputDirectory}: {@code html} ({@code
   * threatlint-report.html}) and {@code markdown} ({@code threatlint-report.md}). Comma-separated
   * from the command line. When the {@code profile} parameter and the configuration name no
   * profile, the report uses {@code sfti}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.reportFormats", defaultValue = "html,markdown")
  List<String> reportFormats;

  /**
   * Where the report is written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "threatlint.outputDirectory",
      defaultValue = "${project.build.directory}/threatlint")
  File outputDirectory;

  /**
   * The report's title, shown in its audit trail (default: the titles of the APIs).
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.reportTitle")
  String reportTitle;

  /**
   * Who owns the threat model (a person or a team), shown in the report's audit trail.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.reportOwner")
  String reportOwner;

  @Override
  public void execute() throws MojoExecutionException {
    if (skipped()) {
      return;
    }
    try {
      write(parameters(List.of(), outputDirectory.toPath(), "none", false, null, null));
    } catch (InvalidCheckException e) {
      throw new MojoExecutionException("threatlint: " + e.getMessage(), e);
    }
  }

  /** Writes the report; returns the files written (none when no specification matches). */
  List<Path> write(CheckParameters request) throws InvalidCheckException {
    List<ThreatReportFormat> formats = parseFormats();
    List<Path> specifications = CheckRunner.findSpecifications(request, getLog());
    if (specifications.isEmpty()) {
      return List.of();
    }
    ThreatModels models = new ThreatModels(ThreatCatalogue.sfti());
    CheckResult check =
        CheckRunner.check(
            request, specifications, getLog(), Profile.SFTI, "for its threat-model report", models);
    for (ToolError error : check.result().errors()) {
      getLog().error(error.oneLine());
    }
    if (models.models().isEmpty()) {
      throw new InvalidCheckException(
          "no specification could be analysed (listed above); no report written");
    }
    ReportAudit audit;
    try {
      audit =
          models.audit(
              ReportAudit.generationTime(System.getenv()), Version.get(), reportTitle, reportOwner);
    } catch (IllegalArgumentException e) {
      throw new InvalidCheckException(e.getMessage(), e);
    }
    List<Path> written = new ArrayList<>();
    for (ThreatReportFormat format : formats) {
      Path target =
          request
              .outputDirectory()
              .resolve(REPORT_NAME + (format == ThreatReportFormat.HTML ? ".html" : ".md"));
      try {
        ReportLinks links =
            ReportLinks.forReport(request.displayRoot(), target, check.configuration().docsUrl());
        OutputFile.write(
            target,
            request.projectDirectory(),
            writer -> format.write(models.models(), links, audit, writer));
      } catch (IOException e) {
        throw new InvalidCheckException(
            "cannot write the threat-model report to "
                + CheckRunner.display(request, target)
                + ": "
                + e,
            e);
      }
      written.add(target);
    }
    getLog()
        .info(
            "threatlint: threat-model report of "
                + CheckRunner.plural(models.models().size(), "specification")
                + ": "
                + String.join(
                    ", ", written.stream().map(file -> CheckRunner.display(request, file)).toList())
                + ".");
    if (!check.result().errors().isEmpty()) {
      ToolError first = check.result().errors().get(0);
      String more =
          check.result().errors().size() == 1
              ? ""
              : " (and " + (check.result().errors().size() - 1) + " more problems, listed above)";
      throw new InvalidCheckException(first.oneLine() + more);
    }
    return written;
  }

  private List<ThreatReportFormat> parseFormats() throws InvalidCheckException {
    Set<ThreatReportFormat> formats = new LinkedHashSet<>();
    for (String name : reportFormats == null ? List.<String>of() : reportFormats) {
      if (name.isBlank()) {
        continue;
      }
      ThreatReportFormat format = ThreatReportFormat.parse(name.trim().toLowerCase(Locale.ROOT));
      if (format == null) {
        throw new InvalidCheckException(
            "reportFormats (threatlint.reportFormats) takes html and markdown, not '"
                + name.trim()
                + "'");
      }
      formats.add(format);
    }
    if (formats.isEmpty()) {
      throw new InvalidCheckException(
          "reportFormats (threatlint.reportFormats) is empty: name html, markdown or both");
    }
    return List.copyOf(formats);
  }
}
