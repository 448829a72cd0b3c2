package io.github.threatlint.core.config;

import java.nio.file.Path;

/**
 * Findings name files as reports show them (relative to the working directory). Configuration globs
 * and baseline entries name them relative to their own file's folder instead, so that they mean the
 * same files from whichever directory the analyzer runs.
 */
final class ReportPaths {
  private ReportPaths() {}

  /**
   * {@code displayPath} (relative to {@code workingDirectory}) made relative to {@code base}, with
   * forward slashes.
   */
  static String relativeTo(Path base, Path workingDirectory, String displayPath) {
    try {
      Path absolute = workingDirectory.toAbsolutePath().resolve(displayPath).normalize();
      Path folder = base.toAbsolutePath().normalize();
      return folder.relativize(absolute).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      // InvalidPathException: a name that is no path (<stdin> on Windows); or another drive or file
      // system:
      // keep the name as reports show it
      return displayPath.replace('\\', '/');
    }
  }
}
