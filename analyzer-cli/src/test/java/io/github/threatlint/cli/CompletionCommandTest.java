package io.github.threatlint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script is loaded by a real bash (and zsh where installed) and completes commands
 * and option values.
 */
class CompletionCommandTest {
  @TempDir Path dir;

  private Path script(String shell) throws IOException {
    CliRun run = CliRun.run("completion", shell);
    assertThat(run.exit()).isZero();
    assertThat(run.err()).isEmpty();
    Path script = dir.resolve("threatlint-completion." + shell);
    Files.writeString(script, run.out());
    return script;
  }

  /**
   * Runs {@code commands} in {@code shell} (without the user's start-up files) after sourcing the
   * script; returns stdout.
   */
  private static String shell(Path script, String... commands)
      throws IOException, InterruptedException {
    String shell = script.getFileName().toString().endsWith("zsh") ? "zsh" : "bash";
    String noStartupFiles = shell.equals("zsh") ? "-f" : "--norc";
    Process process =
        new ProcessBuilder(
                shell,
                noStartupFiles,
                "-c",
                "source '" + script + "'\n" + String.join("\n", commands))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(shell + " finishes").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(shell + " output: " + output).isZero();
    return output;
  }

  private static boolean installed(String shell) {
    try {
      return new ProcessBuilder(shell, "-c", "true").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * What the script's completion function offers for the words typed so far (the last one being
   * completed). The function is called directly, not by readline, so compopt (which only works
   * inside a completion) is a no-op.
   */
  private static String complete(String... words) {
    return "compopt() { :; }; COMP_WORDS=("
        + String.join(" ", words)
        + "); COMP_CWORD="
        + (words.length - 1)
        + "; COMP_LINE='"
        + String.join(" ", words)
        + "'; COMP_POINT=${#COMP_LINE}; COMPREPLY=()"
        + "; _complete_threatlint; printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '; echo";
  }

  @Test
  void bashRegistersTheCompletionAndCompletesCommandsAndChoices()
      throws IOException, InterruptedException {
    Path script = script("bash");
    assertThat(shell(script, "complete -p threatlint"))
        .isEqualTo("complete -o default -F _complete_threatlint threatlint\n");
    assertThat(shell(script, complete("threatlint", "c")))
        .contains("check ")
        .contains("completion ");
    assertThat(shell(script, complete("threatlint", "check", "--col"))).isEqualTo("--color \n");
    assertThat(shell(script, complete("threatlint", "check", "--color", "''")))
        .isEqualTo("always auto never \n");
    assertThat(shell(script, complete("threatlint", "completion", "''"))).contains("bash zsh");
  }

  @Test
  void zshLoadsTheSameScriptThroughItsBashEmulation() throws IOException, InterruptedException {
    assumeTrue(installed("zsh"), "zsh is not installed");
    Path script = script("zsh");
    assertThat(shell(script, "print -r -- $_comps[threatlint]"))
        .isEqualTo("_bash_complete -F _complete_threatlint -o default\n");
  }

  @Test
  void otherShellsAreAUsageError() {
    CliRun run = CliRun.run("completion", "fish");
    assertThat(run.exit()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err())
        .startsWith("threatlint: completion is available for bash and zsh, not 'fish'\n");
  }
}
