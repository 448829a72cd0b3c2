package io.github.threatlint.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the command line in-process and keeps what it printed: the one harness of the CLI tests.
 * Without a terminal and with NO_COLOR set unless a test gives its own environment.
 */
record CliRun(int exit, String out, String err) {
  private static final Map<String, String> PLAIN = Map.of("NO_COLOR", "1");

  /** In the process's working directory. */
  static CliRun run(String... args) {
    return runIn(Path.of(""), args);
  }

  /** In the process's working directory, with {@code stdin} as standard input. */
  static CliRun runWithInput(String stdin, String... args) {
    return execute(input(stdin), PLAIN, Path.of(""), false, args);
  }

  /**
   * With {@code workingDirectory} as the working directory: the default root of references, where
   * outputs go.
   */
  static CliRun runIn(Path workingDirectory, String... args) {
    return execute(InputStream.nullInputStream(), PLAIN, workingDirectory, false, args);
  }

  /** In {@code workingDirectory} with these environment variables only. */
  static CliRun runIn(Path workingDirectory, Map<String, String> environment, String... args) {
    return execute(InputStream.nullInputStream(), environment, workingDirectory, false, args);
  }

  /**
   * In {@code workingDirectory} as the jar runs when standard output and error are one terminal.
   */
  static CliRun runOnTerminal(Path workingDirectory, String... args) {
    return execute(InputStream.nullInputStream(), PLAIN, workingDirectory, true, args);
  }

  private static CliRun execute(
      InputStream stdin,
      Map<String, String> environment,
      Path workingDirectory,
      boolean terminal,
      String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(
            args,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            stdin,
            environment,
            workingDirectory.toAbsolutePath(),
            terminal);
    return new CliRun(exit, out.toString(), err.toString());
  }

  private static InputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
