package io.github.threatlint.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the command line in-process and keeps what it printed. */
record CliRun(int exit, String out, String err) {
  static CliRun run(String... args) {
    return runWithInput(InputStream.nullInputStream(), args);
  }

  static CliRun runWithInput(String stdin, String... args) {
    return runWithInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
  }

  private static CliRun runWithInput(InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), stdin, Map.of("NO_COLOR", "1"));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
