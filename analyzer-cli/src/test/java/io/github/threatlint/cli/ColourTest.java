package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --color, NO_COLOR and FORCE_COLOR: when the levels of the text output are coloured. Tests run
 * without a terminal.
 */
class ColourTest {
  private static final String RED_ERROR = "\u001B[31merror\u001B[0m";

  @TempDir Path dir;

  private CliRun check(Map<String, String> environment, String... options) throws IOException {
    Files.writeString(
        dir.resolve("api.yaml"),
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n  /v1/a:\n    get:\n"
            + "      responses:\n        '200': {description: ok}\n"
            + "components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}\n");
    String[] args = new String[options.length + 2];
    args[0] = "check";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = "api.yaml";
    return CliRun.runIn(dir, environment, args);
  }

  private static Map<String, String> env(String... pairs) {
    Map<String, String> variables = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put(pairs[i], pairs[i + 1]);
    }
    return variables;
  }

  @Test
  void noColourWithoutATerminal() throws IOException {
    assertThat(check(env()).out()).contains("api.yaml:5:5: error [").doesNotContain("\u001B");
  }

  @Test
  void forceColorColoursOutputThatIsNoTerminal() throws IOException {
    assertThat(check(env("FORCE_COLOR", "1")).out())
        .contains("api.yaml:5:5: " + RED_ERROR + " [operation-security-missing]");
  }

  @Test
  void noColorWinsOverForceColor() throws IOException {
    assertThat(check(env("FORCE_COLOR", "1", "NO_COLOR", "1")).out()).doesNotContain("\u001B");
  }

  @Test
  void emptyVariablesAreUnset() throws IOException {
    assertThat(check(env("FORCE_COLOR", "")).out()).doesNotContain("\u001B");
    assertThat(check(env("NO_COLOR", "", "FORCE_COLOR", "1")).out()).contains(RED_ERROR);
  }

  @Test
  void theOptionDecidesAlone() throws IOException {
    assertThat(check(env("NO_COLOR", "1"), "--color=always").out()).contains(RED_ERROR);
    assertThat(check(env("FORCE_COLOR", "1"), "--color", "never").out()).doesNotContain("\u001B");
    assertThat(check(env("FORCE_COLOR", "1"), "--color=auto").out()).contains(RED_ERROR);
  }

  @Test
  void anUnknownChoiceIsAUsageError() throws IOException {
    CliRun run = check(env(), "--color=sometimes");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .startsWith("threatlint: --color takes auto, always, never, not 'sometimes'\n");
  }

  @Test
  void aTerminalTakesColourUnlessItIsDumb() {
    assertThat(Colour.AUTO.enabled(Map.of(), true)).isTrue();
    assertThat(Colour.AUTO.enabled(Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(Colour.AUTO.enabled(Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Colour.AUTO.enabled(Map.of(), false)).isFalse();
  }
}
