package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.ToolError;
import io.github.threatlint.core.report.ReportContext;
import io.github.threatlint.core.report.TextReporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress and findings as they come, on a terminal (here a fake one: two writers); never on a
 * pipe.
 */
class TerminalProgressTest {
  private static final String ERASE = "\r\u001B[K";

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final TerminalProgress progress =
      new TerminalProgress(
          new PrintWriter(out),
          new PrintWriter(err),
          new TextReporter(),
          new ReportContext("test", Path.of("/"), false, null));

  @Test
  void theStatusLineCountsFilesAndIsErasedBeforeFindingsAndAtTheEnd() {
    progress.analysed(1, 3, "b.yaml");
    progress.settled(0, "a.yaml", List.of(), List.of());
    progress.analysed(2, 3, "a.yaml");
    progress.settled(0, "a.yaml", List.of(finding("a.yaml", 4)), List.of());
    progress.settled(
        1,
        "b.yaml",
        List.of(finding("b.yaml", 7)),
        List.of(new ToolError("b.yaml", 0, 0, "r", "/x", "boom")));
    progress.analysed(3, 3, "c.yaml");
    progress.finish();

    assertThat(out.toString())
        .isEqualTo("a.yaml:4:1: error [rule] problem\nb.yaml:7:1: error [rule] problem\n");
    assertThat(err.toString())
        .isEqualTo(
            ERASE
                + "threatlint: 1/3 files, b.yaml"
                + ERASE
                + "threatlint: 2/3 files, a.yaml"
                + ERASE
                + "threatlint: 2/3 files, a.yaml"
                + ERASE
                + "b.yaml: error: rule r failed at /x: boom\n"
                + "threatlint: 2/3 files, a.yaml"
                + ERASE
                + "threatlint: 3/3 files, c.yaml"
                + ERASE);
  }

  @Test
  void oneFileShowsNoStatusLine() {
    progress.analysed(1, 1, "a.yaml");
    progress.settled(0, "a.yaml", List.of(finding("a.yaml", 4)), List.of());
    progress.finish();

    assertThat(out.toString()).isEqualTo("a.yaml:4:1: error [rule] problem\n");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void onATerminalTheReportIsTheSameLinesAndOnAPipeNothingChanges(@TempDir Path folder)
      throws IOException {
    for (String name : List.of("a.yaml", "b.yaml", "c.yaml")) {
      Files.writeString(
          folder.resolve(name),
          "openapi: 3.0.3\ninfo: {title: "
              + name
              + ", version: '1'}\n"
              + "paths:\n  /x:\n    get:\n      responses:\n        '200': {description: ok}\n");
    }
    CliRun pipe = run(folder, false);
    CliRun terminal = run(folder, true);

    assertThat(terminal.exit()).isEqualTo(pipe.exit());
    assertThat(terminal.out()).isEqualTo(pipe.out());
    assertThat(pipe.err()).isEmpty();
    assertThat(terminal.err()).contains("threatlint: 3/3 files, ").endsWith(ERASE);
  }

  private static CliRun run(Path folder, boolean terminal) {
    return terminal
        ? CliRun.runOnTerminal(folder, "check", ".")
        : CliRun.runIn(folder, "check", ".");
  }

  private static Finding finding(String file, int line) {
    return new Finding(
        "rule", Level.ERROR, "problem", file, "/x", new Region(line, 1, line, 2), null);
  }
}
