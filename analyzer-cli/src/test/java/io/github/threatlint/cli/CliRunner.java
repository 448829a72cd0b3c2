package io.github.threatlint.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
final class CliRunner {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    return runWithStdin("", args);
  }

  static Run runWithStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of());
    return new Run(exit, out.toString(), err.toString());
  }

  private CliRunner() {}
}
