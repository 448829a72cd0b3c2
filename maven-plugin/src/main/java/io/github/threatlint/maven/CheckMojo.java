package io.github.threatlint.maven;

import io.github.threatlint.core.api.Level;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
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
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = true)
public class CheckMojo extends AbstractMojo {

  /**
   * The specifications to check: a folder ({@code directory}, default the project's folder) with
   * {@code includes} and {@code excludes} patterns ({@code *}, {@code **}, {@code ?} and
   * {@code {a,b}}). By default {@code src/main/openapi/**}{@code /*.{yaml,yml,json}} and
   * {@code src/main/resources/**}{@code /{openapi,swagger}*.{yaml,yml,json}}. Matched files without a
   * top-level {@code openapi} or {@code swagger} key are fragments that specifications reference and
   * are not checked on their own. From the command line, a comma-separated list of includes.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.specs")
  SpecFileSet specs;

  /**
   * The folder that {@code $ref}s to other files may not leave (references to URLs are never
   * fetched). In a multi-module build whose specifications share files across modules, set it to the
   * top folder, e.g. {@code ${maven.multiModuleProjectDirectory}}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.root", defaultValue = "${project.basedir}")
  File root;

  /**
   * The threatlint configuration file: the profile it {@code extends}, rule levels and options, and
   * ignores with reasons (see the README). By default {@code .threatlint.yaml} ({@code .yml},
   * {@code .json}) in the module's folder or the nearest folder above it, so one file at the top of a
   * multi-module project serves every module; none found, the rules of {@code profile} apply.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.configLocation")
  File configLocation;

  /**
   * The rule profile: {@code recommended} (every rule at its default level), {@code sfti} (the levels
   * of the SFTI API threat model) or {@code strict} (every rule on). By default the profile the
   * configuration file {@code extends}, else {@code recommended}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.profile")
  String profile;

  /**
   * The reports to write to {@code outputDirectory}: {@code text} ({@code threatlint.txt}),
   * {@code json} ({@code threatlint.json}), {@code sarif} ({@code threatlint.sarif}, for GitHub code
   * scanning), {@code junit} ({@code threatlint-junit.xml}) and {@code markdown}
   * ({@code threatlint.md}). Comma-separated from the command line; an empty list writes no report.
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
  @Parameter(property = "threatlint.outputDirectory", defaultValue = "${project.build.directory}/threatlint")
  File outputDirectory;

  /**
   * The lowest level that fails the build: {@code error}, {@code warning}, {@code note}, or
   * {@code none} to never fail on findings.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.failOn", defaultValue = "error")
  String failOn;

  /**
   * Whether findings at or above {@code failOn} fail the build. With {@code false} they are logged and
   * reported only. Unreadable specifications and a broken configuration fail the build either way.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.failOnViolation", defaultValue = "true")
  boolean failOnViolation;

  /**
   * A baseline file, as written by {@code threatlint check --write-baseline FILE}: the findings it
   * records are reported as suppressed and do not fail the build, so that only new findings do. None
   * by default.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.baseline")
  File baseline;

  /**
   * Skips the check.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File projectDirectory;

  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRootDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("threatlint: skipped (threatlint.skip).");
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

  CheckRequest request() {
    Path project = projectDirectory.toPath();
    Path displayRoot = executionRootDirectory == null ? project : executionRootDirectory.toPath();
    return new CheckRequest(project, displayRoot, specs == null ? new SpecFileSet() : specs,
        (root == null ? projectDirectory : root).toPath(), configLocation == null ? null : configLocation.toPath(),
        profile, formats, outputDirectory.toPath(), failOn, failOnViolation, baseline == null ? null : baseline.toPath());
  }

  private static String failureMessage(CheckOutcome outcome, long failing) {
    Level threshold = outcome.threshold();
    List<String> files = outcome.failingFiles();
    String where = files.size() <= 3 ? String.join(", ", files) : files.size() + " specifications";
    String textReport = outcome.reports().stream().filter(report -> report.endsWith(".txt")).findFirst()
        .map(report -> ", and in " + report).orElse("");
    boolean one = failing == 1;
    return "threatlint found " + CheckRunner.plural(failing, "security problem") + " at level " + threshold.label()
        + (threshold == Level.ERROR ? "" : " or above") + " in " + where
        + (one ? " (listed above with its file:line:col" : " (each listed above with its file:line:col") + textReport + "). "
        + (one ? "Fix it as the message says" : "Fix them as the messages say")
        + ", or accept findings for now in a baseline file (parameter baseline; see the threatlint README).";
  }
}
