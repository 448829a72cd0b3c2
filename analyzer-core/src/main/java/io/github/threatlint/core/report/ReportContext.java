package io.github.threatlint.core.report;

import java.nio.file.Path;

/**
 * What reporters need besides the findings: the tool's version, the folder report paths are
 * relative to (SARIF's {@code %SRCROOT%}), and whether the terminal takes colour.
 */
public record ReportContext(String toolVersion, Path sourceRoot, boolean color, String sarifCategory) {
  public static final String TOOL_NAME = "threatlint";
}
