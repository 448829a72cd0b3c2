package io.github.threatlint.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code check} or {@code report} needs, taken from the Mojo's parameters and the
 * project.
 *
 * @param projectDirectory the module's folder: the default folder of {@code specs}
 * @param displayRoot paths in the log and in reports are relative to this folder (where Maven was
 *     started)
 * @param specs which files to check
 * @param root the folder that references to other files may not leave
 * @param configLocation the configuration file, or null
 * @param profile the rule profile when the configuration names none
 * @param enable rules to run although the profile or configuration leaves them off
 * @param disable rules not to run
 * @param formats the report formats to write
 * @param outputDirectory where reports go
 * @param failOn {@code error}, {@code warning}, {@code note} or {@code none}
 * @param failOnViolation false to report findings without failing the build
 * @param baseline the baseline file, or null
 * @param sarifCategory the SARIF {@code runs[0].automationDetails.id}, or null
 */
public record CheckParameters(
    Path projectDirectory,
    Path displayRoot,
    SpecFileSet specs,
    Path root,
    Path configLocation,
    String profile,
    List<String> enable,
    List<String> disable,
    List<String> formats,
    Path outputDirectory,
    String failOn,
    boolean failOnViolation,
    Path baseline,
    String sarifCategory) {}
