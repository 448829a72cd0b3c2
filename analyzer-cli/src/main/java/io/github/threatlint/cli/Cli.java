package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command line: one factory, so tests run commands in-process and read what they
 * printed. Failures map to the documented exit codes; no stack trace reaches the user.
 */
public final class Cli implements Runnable {
  /**
   * The subcommands, in the order help lists them. Only the one a run names is built (picocli's
   * model of the seven a check does not use cost 40 ms of CPU at a cold start).
   */
  private static final List<String> SUBCOMMANDS =
      List.of("check", "rules", "explain", "report", "init", "lsp", "completion", "help");

  /** Commands that read the whole command tree: help of another command, the completion script. */
  private static final Set<String> READ_ALL_COMMANDS = Set.of("completion", "help");

  /** The root command's model; its scope passes its version and exit codes to the subcommands. */
  private final CommandSpec spec =
      CommandModel.addHelpOptions(
              CommandModel.command(
                  this,
                  "threatlint",
                  "Finds security problems in OpenAPI and Swagger specifications, mapped to the SFTI API threat model "
                      + "and the OWASP API Security Top 10.",
                  "0:nothing at or above the --fail-on level",
                  "1:findings at or above the --fail-on level",
                  "2:usage, configuration, input or internal error"))
          .scopeType(CommandLine.ScopeType.INHERIT);

  /**
   * Standard input, environment and working directory of this invocation, for the commands.
   * Relative paths given on the command line are resolved against {@code workingDirectory} (which
   * tests may put on an in-memory file system). {@code terminal}: standard output and error are a
   * terminal, so a long run may show its progress there.
   */
  record Environment(
      InputStream stdin, Map<String, String> variables, Path workingDirectory, boolean terminal) {}

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Missing command: try 'threatlint check SPEC...'");
  }

  public static int run(
      String[] args, PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env) {
    return run(args, out, err, stdin, env, Path.of("").toAbsolutePath(), false);
  }

  /**
   * Runs as the jar does, in {@code workingDirectory}: {@code terminal} when standard output and
   * error are one. Only the command {@code args} name is built, unless it reads the whole tree.
   */
  static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      InputStream stdin,
      Map<String, String> env,
      Path workingDirectory,
      boolean terminal) {
    return create(out, err, stdin, env, workingDirectory, terminal, subcommandsFor(args))
        .execute(args);
  }

  /** The command the first argument names, or all of them (help, a mistyped command). */
  private static List<String> subcommandsFor(String[] args) {
    if (args.length > 0 && SUBCOMMANDS.contains(args[0]) && !READ_ALL_COMMANDS.contains(args[0])) {
      return List.of(args[0]);
    }
    return SUBCOMMANDS;
  }

  public static CommandLine create(
      PrintWriter out, PrintWriter err, InputStream stdin, Map<String, String> env) {
    return create(out, err, stdin, env, Path.of("").toAbsolutePath());
  }

  public static CommandLine create(
      PrintWriter out,
      PrintWriter err,
      InputStream stdin,
      Map<String, String> env,
      Path workingDirectory) {
    return create(out, err, stdin, env, workingDirectory, false);
  }

  static CommandLine create(
      PrintWriter out,
      PrintWriter err,
      InputStream stdin,
      Map<String, String> env,
      Path workingDirectory,
      boolean terminal) {
    return create(out, err, stdin, env, workingDirectory, terminal, SUBCOMMANDS);
  }

  private static CommandLine create(
      PrintWriter out,
      PrintWriter err,
      InputStream stdin,
      Map<String, String> env,
      Path workingDirectory,
      boolean terminal,
      List<String> subcommands) {
    // no option has a java.time or java.sql type: picocli would otherwise look up 18 such classes
    // by reflection and initialise them in each CommandLine's constructor (about 5 ms of a cold
    // check's main thread before its file is read); it tests every name against this pattern
    // anyway. A pattern the user set is kept.
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", "java\\.(time|sql)\\..*");
    }
    Environment environment =
        new Environment(stdin, env, workingDirectory.toAbsolutePath().normalize(), terminal);
    CommandLine commandLine = new CommandLine(new Cli().spec);
    for (String name : subcommands) {
      commandLine.addSubcommand(name, subcommand(name, environment));
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    Failures failures = new Failures(err);
    commandLine.setExitCodeExceptionMapper(failures);
    commandLine.setParameterExceptionHandler(failures);
    commandLine.setExecutionExceptionHandler(failures);
    boolean colour = Colour.AUTO.enabled(env, Colour.terminal());
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return commandLine;
  }

  /**
   * The command named {@code name}: the model of those CI runs, or the object whose annotations
   * picocli reads.
   */
  private static Object subcommand(String name, Environment environment) {
    return switch (name) {
      case "check" -> new CheckCommand(environment).model();
      case "report" -> new ReportCommand(environment).model();
      case "rules" -> new RulesCommand(environment);
      case "explain" -> new ExplainCommand(environment);
      case "init" -> new InitCommand(environment);
      case "lsp" -> new LspCommand(environment);
      case "completion" -> new CompletionCommand();
      case "help" -> new CommandLine.HelpCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /**
   * How a failed run ends: a usage error's message and where to read more, or an internal error's
   * one line, each with exit code 2. A class, not three lambdas: picocli's handler interfaces are
   * compiled for Java 5, and the class-data archive's dump links such an interface when it makes a
   * lambda for it, which leaves the interface, picocli's own handlers and the lambdas out of the
   * archive: a cold run then loads them from the jar and spins the lambdas with ASM (docs/
   * performance.md, round 14).
   */
  private static final class Failures
      implements CommandLine.IExitCodeExceptionMapper,
          CommandLine.IParameterExceptionHandler,
          CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    Failures(PrintWriter err) {
      this.err = err;
    }

    @Override
    public int getExitCode(Throwable exception) {
      return ExitCodes.ERROR;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
      err.println("threatlint: " + e.getMessage());
      err.println(
          "Try 'threatlint "
              + (e.getCommandLine().getCommandName().equals("threatlint")
                  ? ""
                  : e.getCommandLine().getCommandName() + " ")
              + "--help' for more information.");
      return ExitCodes.ERROR;
    }

    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
      err.println("threatlint: internal error: " + e);
      return ExitCodes.ERROR;
    }
  }

  /** Prints the version from the jar. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"threatlint " + Version.get()};
    }
  }
}
