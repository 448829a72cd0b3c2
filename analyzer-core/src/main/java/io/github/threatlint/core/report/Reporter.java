package io.github.threatlint.core.report;

import io.github.threatlint.core.engine.AnalysisResult;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Formats a result. Reporters only format: they decide nothing about findings. */
public interface Reporter {
  void write(AnalysisResult result, ReportContext context, Writer out) throws IOException;

  /**
   * What this format leaves out of the result (such as SARIF's cut to GitHub's limit), one sentence
   * each, for the caller to tell the user on stderr. Empty when the report is complete.
   */
  default List<String> omissions(AnalysisResult result) {
    return List.of();
  }
}
