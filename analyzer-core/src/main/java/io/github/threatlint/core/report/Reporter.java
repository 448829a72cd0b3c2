package io.github.threatlint.core.report;

import io.github.threatlint.core.engine.AnalysisResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Formats a result. Reporters only format: they decide nothing about findings. */
public interface Reporter {
  void write(AnalysisResult result, ReportContext context, Writer out) throws IOException;

  /**
   * Writes the report as UTF-8, for a file: the text encoded, unless the format writes its bytes
   * itself (a long report then spares the writing thread the encoder's pass).
   */
  default void write(AnalysisResult result, ReportContext context, OutputStream out)
      throws IOException {
    // buffered: a text report writes many short pieces, each a call into the encoder otherwise
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    write(result, context, writer);
    writer.flush();
  }

  /**
   * What this format leaves out of the result (such as SARIF's cut to GitHub's limit), one sentence
   * each, for the caller to tell the user on stderr. Empty when the report is complete.
   */
  default List<String> omissions(AnalysisResult result) {
    return List.of();
  }
}
