package io.github.threatlint.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // a console means standard input and output are a terminal; TERM=dumb cannot redraw a progress
    // line
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    int exit;
    try {
      exit =
          Cli.run(
              args, out, err, System.in, System.getenv(), Path.of("").toAbsolutePath(), terminal);
    } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
      // picocli hands on errors: without this the JVM prints a stack trace and exits with 1, which
      // CI reads as findings
      err.println("threatlint: internal error: " + e);
      exit = ExitCodes.ERROR;
    }
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
