package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands built with picocli's programmatic API ({@link CommandModel}) print what their
 * annotated model printed, word for word: every command's help, errors on bad options and values,
 * the version and the completion scripts. The expected texts in src/test/resources/cli-model were
 * printed by the jar of the annotated model (main at cf0b207), not a terminal, no colour variable.
 * When an option or a help text changes on purpose, rewrite them with {@code
 * -Dthreatlint.updateGolden=true} and review the diff.
 */
class CommandModelTest {
  private static final Path CASES = Path.of("src/test/resources/cli-model");

  static Stream<String> cases() throws IOException {
    return Files.readAllLines(CASES.resolve("cases.txt"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("#"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void printsWhatTheAnnotatedModelPrinted(String line) throws IOException {
    String[] words = line.split(" ");
    String name = words[0];
    String[] args = Arrays.copyOfRange(words, 1, words.length);
    CliRun run = CliRun.runIn(Path.of(""), Map.of(), args);
    String printed = "exit: " + run.exit() + "\n--- out\n" + run.out() + "--- err\n" + run.err();
    Path expected = CASES.resolve(name + ".txt");
    if (Boolean.getBoolean("threatlint.updateGolden")) {
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
    }
    assertThat(printed)
        .as("%s; if the change is intended, rerun with -Dthreatlint.updateGolden=true", expected)
        .isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
