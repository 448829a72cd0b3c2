package io.github.threatlint.maven;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one {@code check} needs, taken from the Mojo's parameters and the project.
 *
 * @param projectDirectory the module's folder: the default folder of {@code specs}
 * @param displayRoot paths in the log and in reports are relative to this folder (where Maven was started)
 * @param specs which files to check
 * @param root the folder that references to other files may not leave
 * @param configLocation the configuration file, or null
 * @param profile the rule profile when the configuration names none
 * @param formats the report formats to write
 * @param outputDirectory where reports go
 * @param failOn {@code error}, {@code warning}, {@code note} or {@code none}
 * @param failOnViolation false to report findings without failing the build
 * @param baseline the baseline file, or null
 */
public record CheckRequest(Path projectDirectory, Path displayRoot, SpecFileSet specs, Path root, Path configLocation,
    String profile, List<String> formats, Path outputDirectory, String failOn, boolean failOnViolation, Path baseline) {}
