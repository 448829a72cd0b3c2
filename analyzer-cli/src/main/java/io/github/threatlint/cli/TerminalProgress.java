package io.github.threatlint.cli;

import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A run's text output on a terminal, as it happens: each file's findings are printed as soon as
 * that file and all before it are analysed (in the order of the whole report), and a status line on
 * standard error says how many files of how many are done and which came last. The status line is
 * erased before anything else is printed, and at the end. Only for a terminal: a pipe or a file
 * gets the report at once, as before.
 *
 * <p>A few lines of our own rather than a progress-bar library: one line redrawn with a carriage
 * return is all it takes, and a library would bring a terminal toolkit into the jar.
 */
final class TerminalProgress implements CheckListener {
  /** Carriage return, then erase to the end of the line. */
  private static final String ERASE_LINE = "\r\u001B[K";

  private final PrintWriter out;
  private final PrintWriter err;
  private final TextReporter reporter;
  private final ReportContext context;
  private String status = "";

  TerminalProgress(PrintWriter out, PrintWriter err, TextReporter reporter, ReportContext context) {
    this.out = out;
    this.err = err;
    this.reporter = reporter;
    this.context = context;
  }

  @Override
  public synchronized void analysed(int done, int total, String displayPath) {
    if (total > 1) {
      status = "threatlint: " + done + "/" + total + " files, " + displayPath;
      err.print(ERASE_LINE + status);
      err.flush();
    }
  }

  @Override
  public synchronized void settled(
      int index, String displayPath, List<Finding> findings, List<ToolError> errors) {
    if (findings.isEmpty() && errors.isEmpty()) {
      return;
    }
    eraseStatus();
    try {
      reporter.writeFindings(findings, context, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    for (ToolError error : errors) {
      err.println(error.oneLine());
    }
    if (!status.isEmpty()) {
      err.print(status);
    }
    err.flush();
  }

  /** Erases the status line for good: the run is over. */
  synchronized void finish() {
    eraseStatus();
    status = "";
  }

  private void eraseStatus() {
    if (!status.isEmpty()) {
      err.print(ERASE_LINE);
      err.flush();
    }
  }
}
