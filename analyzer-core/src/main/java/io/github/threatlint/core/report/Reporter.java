package io.github.threatlint.core.report;

import io.github.threatlint.core.engine.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** Formats a result. Reporters only format: they decide nothing about findings. */
public interface Reporter {
  void write(AnalysisResult result, ReportContext context, Writer out) throws IOException;
}
