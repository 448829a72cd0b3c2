package io.github.threatlint.cli;

import io.github.threatlint.cli.lsp.ThreatlintLanguageServer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code threatlint lsp}: the language server, speaking JSON-RPC on standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    description =
        "Runs the language server on standard input and output, for editors (see docs/editors.md).")
final class LspCommand implements Callable<Integer> {
  private final Cli.Environment environment;

  LspCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    // standard output carries the protocol alone: whatever else prints goes to standard error
    OutputStream protocol = System.out;
    System.setOut(new PrintStream(System.err, true));
    return ThreatlintLanguageServer.serve(environment.stdin(), protocol)
        ? ExitCodes.CLEAN
        : ExitCodes.ERROR;
  }
}
