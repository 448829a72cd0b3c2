package io.github.threatlint.core.report;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.text.OutputText;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * GitHub Actions workflow commands, so findings show as annotations on the pull request without
 * code scanning: {@code ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message}, one
 * per active finding ({@code error}, {@code warning}, or {@code notice} for notes), one {@code
 * ::error} per tool error, then the summary line as plain log text.
 *
 * <p>Values are escaped as the Actions runner reads them: {@code %}, CR and LF everywhere (other
 * control characters as {@link OutputText#line} shows them), and {@code :} and {@code ,} in
 * properties too. GitHub's columns are inclusive and only allowed when the annotation starts and
 * ends on the same line, so a region over several lines gives lines only. File paths are relative
 * to the working directory, which is the repository root in a workflow.
 */
public final class GitHubReporter implements Reporter {
  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    // escaped once per rule and per file, not per finding: thousands of findings share them
    Map<String, String> titles = new HashMap<>();
    for (EnabledRule rule : result.rules()) {
      titles.put(rule.id(), property(rule.descriptor().info().title() + " (" + rule.id() + ")"));
    }
    Map<String, String> files = new HashMap<>();
    for (Finding finding : result.findings()) {
      if (finding.isSuppressed()) {
        continue;
      }
      out.write(
          "::"
              + command(finding.level())
              + " file="
              + files.computeIfAbsent(finding.file(), GitHubReporter::property)
              + position(finding.region())
              + ",title="
              + titles.computeIfAbsent(finding.ruleId(), GitHubReporter::property)
              + "::"
              + data(message(finding))
              + "\n");
    }
    for (ToolError error : result.errors()) {
      StringBuilder line = new StringBuilder("::error file=").append(property(error.file()));
      if (error.line() > 0) {
        line.append(",line=").append(error.line());
        if (error.column() > 0) {
          line.append(",col=").append(error.column());
        }
      }
      line.append(",title=")
          .append(property(ReportContext.TOOL_NAME + " error"))
          .append("::")
          .append(data(error.oneLine()));
      out.write(line + "\n");
    }
    out.write(TextReporter.summary(result) + "\n");
  }

  /** The message, then each place it refers to on a line of its own, as the text output shows. */
  private static String message(Finding finding) {
    StringBuilder message = new StringBuilder(finding.message());
    for (Finding.Related place : finding.related()) {
      message.append("\nalso at ").append(TextReporter.alsoAt(place));
    }
    return message.toString();
  }

  private static String position(Region region) {
    StringBuilder position = new StringBuilder(",line=").append(region.startLine());
    if (region.startLine() == region.endLine()) {
      position.append(",col=").append(region.startColumn());
    }
    position.append(",endLine=").append(region.endLine());
    if (region.startLine() == region.endLine()) {
      position.append(",endColumn=").append(Math.max(region.startColumn(), region.endColumn() - 1));
    }
    return position.toString();
  }

  private static String command(Level level) {
    switch (level) {
      case ERROR:
        return "error";
      case WARNING:
        return "warning";
      default:
        return "notice";
    }
  }

  /**
   * Escapes a command's message: {@code %}, CR and LF as the runner decodes them, other controls as
   * {@link OutputText#line}.
   */
  static String data(String text) {
    return OutputText.line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
  }

  /** Escapes a command's property value: as {@link #data} and also {@code :} and {@code ,}. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
