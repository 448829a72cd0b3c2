package io.github.threatlint.core.report;

import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.rule.Level;
import java.io.IOException;
import java.io.Writer;

/**
 * One line per active finding, {@code path:line:col: level [rule-id] message}, in file and
 * position order, then a summary line. Colour only when the context says the terminal takes it.
 * Suppressed findings are left out, unless the reporter is made to show them: then they are listed
 * too, each ending with {@code (suppressed: reason)}.
 */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001B[0m";
  private final boolean showSuppressed;

  public TextReporter() {
    this(false);
  }

  public TextReporter(boolean showSuppressed) {
    this.showSuppressed = showSuppressed;
  }

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    for (Finding finding : result.findings()) {
      if (finding.isSuppressed() && !showSuppressed) {
        continue;
      }
      out.write(OutputText.line(finding.file()) + ":" + finding.region().startLine() + ":" + finding.region().startColumn() + ": ");
      out.write(context.color() ? colour(finding.level()) + finding.level().label() + RESET : finding.level().label());
      out.write(" [" + finding.ruleId() + "] " + OutputText.line(finding.message()));
      if (finding.isSuppressed()) {
        out.write(" (suppressed: " + OutputText.line(finding.suppression().reason()) + ")");
      }
      out.write("\n");
    }
    out.write(summary(result) + "\n");
  }

  static String summary(AnalysisResult result) {
    long errors = result.count(Level.ERROR, true);
    long warnings = result.count(Level.WARNING, true);
    long notes = result.count(Level.NOTE, true);
    long total = errors + warnings + notes;
    int files = result.files().size();
    StringBuilder line = new StringBuilder();
    line.append(total == 0 ? "No findings" : total + (total == 1 ? " finding" : " findings"));
    if (total > 0) {
      line.append(" (").append(errors).append(errors == 1 ? " error, " : " errors, ")
          .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
          .append(notes).append(notes == 1 ? " note)" : " notes)");
    }
    line.append(" in ").append(files).append(files == 1 ? " file" : " files");
    long suppressed = result.suppressedCount();
    if (suppressed > 0) {
      line.append("; ").append(suppressed).append(" suppressed");
    }
    if (!result.errors().isEmpty()) {
      line.append("; ").append(result.errors().size()).append(result.errors().size() == 1 ? " file or rule failed" : " files or rules failed");
    }
    return line.append('.').toString();
  }

  private static String colour(Level level) {
    switch (level) {
      case ERROR:
        return "\u001B[31m";
      case WARNING:
        return "\u001B[33m";
      default:
        return "\u001B[36m";
    }
  }
}
