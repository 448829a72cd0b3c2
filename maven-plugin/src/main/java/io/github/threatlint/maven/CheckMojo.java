package io.github.threatlint.maven;

import io.github.threatlint.core.api.Level;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's OpenAPI 3.x and Swagger 2.0 specifications for security problems, with the
 * same engine and rules as the threatlint command line, in the build's own JVM and without network.
 * Findings are logged as {@code file:line:col} lines and written as reports; findings at or above
 * {@code failOn} fail the build.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresProject = true)
public class CheckMojo extends ThreatlintMojo {

  /**
   * The reports to write to {@code outputDirectory}: {@code text} ({@code threatlint.txt}), {@code
   * json} ({@code threatlint.json}), {@code sarif} ({@code threatlint.sarif}, for GitHub code
   * scanning), {@code junit} ({@code threatlint-junit.xml}) and {@code markdown} ({@code
   * threatlint.md}). Comma-separated from the command line; an empty list writes no report.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.formats", defaultValue = "text,sarif")
  List<String> formats;

  /**
   * Where the reports are written.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "threatlint.outputDirectory",
      defaultValue = "${project.build.directory}/threatlint")
  File outputDirectory;

  /**
   * The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or {@code
   * none} to never fail on findings.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.failOn", defaultValue = "error")
  String failOn;

  /**
   * Whether findings at or above {@code failOn} fail the build. With {@code false} they are logged
   * and reported only. Unreadable specifications and a broken configuration fail the build either
   * way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  /**
   * A baseline file, as written by {@code threatlint check --write-baseline FILE}: the findings it
   * records are reported as suppressed and do not fail the build, so that only new findings do.
   * None by default.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.baseline")
  File baseline;

  /**
   * The SARIF report's category ({@code runs[0].automationDetails.id}), which tells apart several
   * analyses of one repository in GitHub code scanning (one per module, say). None by default.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.sarifCategory")
  String sarifCategory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    CheckOutcome outcome;
    try {
      outcome = new CheckRunner(getLog()).run(request());
    } catch (InvalidCheckException e) {
      throw new MojoExecutionException("threatlint: " + e.getMessage(), e);
    }
    long failing = outcome.failingFindings();
    if (failing > 0 && failOnViolation) {
      throw new MojoFailureException(failureMessage(outcome, failing));
    }
  }

  CheckParameters request() {
    return parameters(
        formats,
        outputDirectory.toPath(),
        failOn,
        failOnViolation,
        baseline == null ? null : baseline.toPath(),
        sarifCategory);
  }

  private static String failureMessage(CheckOutcome outcome, long failing) {
    Level threshold = outcome.threshold();
    List<String> files = outcome.failingFiles();
    String where = files.size() <= 3 ? String.join(", ", files) : files.size() + " specifications";
    String textReport =
        outcome.reports().stream()
            .filter(report -> report.endsWith(".txt"))
            .findFirst()
            .map(report -> ", and in " + report)
            .orElse("");
    boolean one = failing == 1;
    return "threatlint found "
        + CheckRunner.plural(failing, "security problem")
        + " at level "
        + threshold.label()
        + (threshold == Level.ERROR ? "" : " or above")
        + " in "
        + where
        + (one
            ? " (listed above with its file:line:col"
            : " (each listed above with its file:line:col")
        + textReport
        + "). "
        + (one ? "Fix it as the message says" : "Fix them as the messages say")
        + ", or accept findings for now in a baseline file (parameter baseline; see the threatlint README).";
  }
}
