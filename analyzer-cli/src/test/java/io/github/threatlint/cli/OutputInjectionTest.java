package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec text that tries to write its own lines into a CI log (GitHub Actions runs {@code
 * ::command::} lines), terminal escapes, bidirectional overrides and Markdown mentions: every
 * format keeps it on its line and visible.
 */
class OutputInjectionTest {
  private static final String HOSTILE =
      "x\\n::add-mask::secret\\r\\n::stop-commands::tok\\u001b[2J\\u202egnp.exe\\u0000 @octocat |";

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "github", "markdown", "junit"})
  void specTextStaysOnItsLine(String format) throws IOException {
    Path spec = dir.resolve("hostile.json");
    Files.writeString(
        spec,
        "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {\"/a"
            + HOSTILE
            + "\": {\"get\": {\"responses\": {\"200\": {\"description\": \"ok\"}}}}}}");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"openapi\": \"9" + HOSTILE + "\"}");
    CliRun run = CliRun.run("check", "--format", format, spec.toString(), broken.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out()).contains("add-mask").contains("stop-commands");
    assertThat(run.err()).contains("stop-commands");
    for (String output : List.of(run.out(), run.err())) {
      assertThat(output)
          .doesNotContain("\u001b")
          .doesNotContain("\u202e")
          .doesNotContain("\u0000")
          .doesNotContain("\r");
      for (String line : output.split("\n")) {
        if (line.startsWith("::")) {
          assertThat(line).matches("::(error|warning|notice) file=.*");
        }
      }
    }
    if (format.equals("markdown")) {
      assertThat(run.out()).doesNotContain("@octocat");
    }
  }
}
