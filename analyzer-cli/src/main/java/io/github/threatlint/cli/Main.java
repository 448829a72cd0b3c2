package io.github.threatlint.cli;

import io.github.threatlint.rules.BuiltInRules;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("check") || args[0].equals("report"))) {
      readRuleMetadataAhead();
    }
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

  /**
   * Reads the built-in rules' metadata (87 rule classes and the index the build made of their
   * {@code @RuleInfo} annotations: 15-18 ms of a cold JVM, 30 when the annotations were read) on a
   * second thread while this one builds the command line, which an analysis waits for before it
   * reads its first file; this early the other core is idle. The JVM initialises {@link
   * BuiltInRules} once: whichever thread comes second waits for the first.
   */
  private static void readRuleMetadataAhead() {
    Thread reader = new Thread(BuiltInRules::all, "threatlint-rule-metadata");
    reader.setDaemon(true);
    reader.start();
  }
}
