package io.github.threatlint.core.report;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.text.OutputText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One line per active finding, {@code path:line:col: level [rule-id] message}, in file and position
 * order, then a summary line. Colour only when the context says the terminal takes it. Suppressed
 * findings are left out, unless the reporter is made to show them: then they are listed too, each
 * ending with {@code (suppressed: reason)}. Quiet, it lists only the findings at or above a level,
 * without the summary line.
 */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001B[0m";
  private final boolean showSuppressed;
  private final Level quietBelow;

  public TextReporter() {
    this(false);
  }

  public TextReporter(boolean showSuppressed) {
    this(showSuppressed, null);
  }

  /**
   * @param showSuppressed list suppressed and baselined findings too, with the reason
   * @param quietAtOrAbove null for the full report; else only the findings at or above this level
   *     ({@link Level#OFF}: all of them), and no summary line
   */
  public TextReporter(boolean showSuppressed, Level quietAtOrAbove) {
    this.showSuppressed = showSuppressed;
    this.quietBelow = quietAtOrAbove;
  }

  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    writeFindings(result.findings(), context, out);
    writeSummary(result, out);
  }

  /**
   * The lines of these findings: what {@link #write} lists, for output that shows findings as they
   * come.
   */
  public void writeFindings(List<Finding> findings, ReportContext context, Writer out)
      throws IOException {
    for (Finding finding : findings) {
      if (finding.isSuppressed() && !showSuppressed
          || quietBelow != null
              && quietBelow != Level.OFF
              && !finding.level().atLeast(quietBelow)) {
        continue;
      }
      out.write(location(finding) + ": ");
      out.write(
          context.color()
              ? colour(finding.level()) + finding.level().label() + RESET
              : finding.level().label());
      out.write(" [" + finding.ruleId() + "] " + OutputText.line(finding.message()));
      if (finding.isSuppressed()) {
        out.write(" (suppressed: " + OutputText.line(finding.suppression().reason()) + ")");
      }
      out.write("\n");
      for (Finding.Related place : finding.related()) {
        out.write("    also at " + alsoAt(place) + "\n");
      }
    }
  }

  /**
   * {@code path:line:col: label}: a place the finding refers to, on its own indented line here and
   * after the message in the other reporters.
   */
  static String alsoAt(Finding.Related place) {
    return OutputText.line(place.file())
        + ":"
        + place.region().startLine()
        + ":"
        + place.region().startColumn()
        + ": "
        + OutputText.line(place.label());
  }

  /** The summary line that ends {@link #write} (none when quiet). */
  public void writeSummary(AnalysisResult result, Writer out) throws IOException {
    if (quietBelow == null) {
      out.write(summary(result) + "\n");
    }
  }

  /**
   * {@code path:line:col: [rule-id] message (also at ...)}: a finding's line for a log whose own
   * prefix shows the level (the Maven build log).
   */
  public static String logLine(Finding finding) {
    return location(finding)
        + ": ["
        + finding.ruleId()
        + "] "
        + OutputText.line(finding.message())
        + alsoAtSuffix(finding);
  }

  /**
   * {@code " (also at path:line:col: label; ...)"}: the places a finding refers to, after its
   * message on one line; empty when it refers to none.
   */
  static String alsoAtSuffix(Finding finding) {
    if (finding.related().isEmpty()) {
      return "";
    }
    List<String> places = finding.related().stream().map(TextReporter::alsoAt).toList();
    return " (also at " + String.join("; ", places) + ")";
  }

  private static String location(Finding finding) {
    return OutputText.line(finding.file())
        + ":"
        + finding.region().startLine()
        + ":"
        + finding.region().startColumn();
  }

  static String summary(AnalysisResult result) {
    // one pass, not a stream each (the directory corpus: 112,000 findings)
    long errors = 0;
    long warnings = 0;
    long notes = 0;
    long suppressed = 0;
    for (Finding finding : result.findings()) {
      if (finding.isSuppressed()) {
        suppressed++;
      } else if (finding.level() == Level.ERROR) {
        errors++;
      } else if (finding.level() == Level.WARNING) {
        warnings++;
      } else if (finding.level() == Level.NOTE) {
        notes++;
      }
    }
    long total = errors + warnings + notes;
    int files = result.files().size();
    StringBuilder line = new StringBuilder();
    line.append(total == 0 ? "No findings" : total + (total == 1 ? " finding" : " findings"));
    if (total > 0) {
      line.append(" (")
          .append(errors)
          .append(errors == 1 ? " error, " : " errors, ")
          .append(warnings)
          .append(warnings == 1 ? " warning, " : " warnings, ")
          .append(notes)
          .append(notes == 1 ? " note)" : " notes)");
    }
    line.append(" in ").append(files).append(files == 1 ? " file" : " files");
    if (suppressed > 0) {
      line.append("; ").append(suppressed).append(" suppressed");
    }
    if (!result.errors().isEmpty()) {
      line.append("; ")
          .append(result.errors().size())
          .append(result.errors().size() == 1 ? " file or rule failed" : " files or rules failed");
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
