package io.github.threatlint.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
final class CliRunner {
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    return runWithStdin("", args);
  }

  static Run runWithStdin(String stdin, String... args) {
    return execute(stdin, Path.of("").toAbsolutePath(), args);
  }

  /** Runs with {@code workingDirectory} as the working directory: the default root of references, where outputs go. */
  static Run runIn(Path workingDirectory, String... args) {
    return execute("", workingDirectory, args);
  }

  private static Run execute(String stdin, Path workingDirectory, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Map.of(), workingDirectory).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private CliRunner() {}
}
