package io.github.threatlint.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint completion bash|zsh}: prints the shell completion script picocli generates from
 * the commands and options themselves, so it never lags behind them. One script serves both shells:
 * it loads zsh's bash-completion emulation when zsh runs it.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = {
      "Prints the completion script of threatlint's commands and options for bash or zsh.",
      "bash: add  source <(threatlint completion bash)  to ~/.bashrc.",
      "zsh: add  source <(threatlint completion zsh)  to ~/.zshrc."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "bash or zsh.")
  String shell;

  /** The shells the script serves. */
  static final class Shells extends java.util.ArrayList<String> {
    Shells() {
      super(java.util.List.of("bash", "zsh"));
    }
  }

  @Override
  public Integer call() {
    if (!new Shells().contains(shell)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "completion is available for bash and zsh, not '" + shell + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("threatlint", spec.root().commandLine()));
    out.flush();
    return ExitCodes.CLEAN;
  }
}
