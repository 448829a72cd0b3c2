package io.github.threatlint.core.report;

import io.github.threatlint.core.docs.DocsUrl;
import java.nio.file.Path;

/**
 * What reporters need besides the findings: the tool's version, the folder report paths are
 * relative to (SARIF's {@code %SRCROOT%}), whether the terminal takes colour, the SARIF category,
 * and where the rules' documentation pages are.
 */
public record ReportContext(
    String toolVersion, Path sourceRoot, boolean color, String sarifCategory, DocsUrl docsUrl) {
  public static final String TOOL_NAME = "threatlint";

  /** A context with the project's own documentation pages. */
  public ReportContext(String toolVersion, Path sourceRoot, boolean color, String sarifCategory) {
    this(toolVersion, sourceRoot, color, sarifCategory, DocsUrl.DEFAULT);
  }

  /** Where a rule's documentation page lives. */
  public String ruleHelpUri(String ruleId) {
    return docsUrl.of(ruleId);
  }
}
