package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReporterTest {
  @Test
  void aFileGetsTheTextAsUtf8WithCharactersOutsideTheBmpAsTheirFourBytes() throws IOException {
    String message = "Property 'na\u00efve \uD83D\uDE00' of \"item\"\tis \u2028 bad";
    AnalysisResult result =
        TestRules.with(
            List.of(
                new Finding(
                    "test-alpha",
                    Level.WARNING,
                    message,
                    "specs/api.yaml",
                    "/info",
                    new Region(1, 1, 1, 5),
                    new Finding.Suppression(
                        Finding.Suppression.EXTERNAL, "accepted \uD83D\uDE00"))),
            List.of(),
            List.of("specs/api.yaml"));
    ReportContext context = new ReportContext("1.2.3", Path.of("/work/repo"), false, null);
    StringWriter text = new StringWriter();
    new JsonReporter().write(result, context, text);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    new JsonReporter().write(result, context, file);
    assertThat(file.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(text.toString()).contains("\uD83D\uDE00").endsWith("}\n");
  }
}
