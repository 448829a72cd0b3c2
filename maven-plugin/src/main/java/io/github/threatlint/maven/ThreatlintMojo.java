package io.github.threatlint.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The parameters the {@code check} and {@code report} goals share: what to analyse, and with which
 * rules.
 */
abstract class ThreatlintMojo extends AbstractMojo {

  /**
   * The specifications to check: a folder ({@code directory}, default the project's folder) with
   * {@code includes} and {@code excludes} patterns ({@code *}, {@code **}, {@code ?} and {@code
   * {a,b}}). By default {@code src/main/openapi/**}{@code /*.{yaml,yml,json}} and {@code
   * src/main/resources/**}{@code /{openapi,swagger}*.{yaml,yml,json}}. Matched files without a
   * top-level {@code openapi} or {@code swagger} key are fragments that specifications reference
   * and are not checked on their own. From the command line, a comma-separated list of includes.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.specs")
  SpecFileSet specs;

  /**
   * The folder that {@code $ref}s to other files may not leave (references to URLs are never
   * fetched). In a multi-module build whose specifications share files across modules, set it to
   * the top folder, e.g. {@code ${maven.multiModuleProjectDirectory}}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.root", defaultValue = "${project.basedir}")
  File root;

  /**
   * The threatlint configuration file: the profile it {@code extends}, rule levels and options, and
   * ignores with reasons (see the README). By default {@code .threatlint.yaml} ({@code .yml},
   * {@code .json}) in the module's folder or the nearest folder above it, so one file at the top of
   * a multi-module project serves every module; none found, the rules of {@code profile} apply.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.configLocation")
  File configLocation;

  /**
   * The rule profile: {@code recommended} (every rule at its default level), {@code sfti} (the
   * levels of the SFTI API threat model) or {@code strict} (every rule on). By default the profile
   * the configuration file {@code extends}, else {@code recommended}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.profile")
  String profile;

  /**
   * Rules to run although the profile or the configuration leaves them off (at the level the strict
   * profile gives them), as {@code threatlint check --enable}. Comma-separated from the command
   * line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.enable")
  List<String> enable = new ArrayList<>();

  /**
   * Rules not to run, whatever the profile and the configuration say, as {@code threatlint check
   * --disable}. Comma-separated from the command line.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.disable")
  List<String> disable = new ArrayList<>();

  /**
   * Skips the goal.
   *
   * @since 0.1.0
   */
  @Parameter(property = "threatlint.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File projectDirectory;

  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRootDirectory;

  /** True, and says so, when the goal is skipped. */
  boolean skipped() {
    if (skip) {
      getLog().info("threatlint: skipped (threatlint.skip).");
    }
    return skip;
  }

  CheckParameters parameters(
      List<String> formats,
      Path outputDirectory,
      String failOn,
      boolean failOnViolation,
      Path baseline,
      String sarifCategory) {
    Path project = projectDirectory.toPath();
    Path displayRoot = executionRootDirectory == null ? project : executionRootDirectory.toPath();
    return new CheckParameters(
        project,
        displayRoot,
        specs == null ? new SpecFileSet() : specs,
        (root == null ? projectDirectory : root).toPath(),
        configLocation == null ? null : configLocation.toPath(),
        profile,
        enable,
        disable,
        formats,
        outputDirectory,
        failOn,
        failOnViolation,
        baseline,
        sarifCategory);
  }
}
