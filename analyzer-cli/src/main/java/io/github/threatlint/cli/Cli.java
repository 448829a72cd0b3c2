package io.github.threatlint.cli;

import io.github.threatlint.core.Version;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Builds the command line: one factory, so tests run commands in-process and read what they
 * printed. Failures map to the documented exit codes; no stack trace reaches the user.
 */
@Command(
    name = "threatlint",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Finds security problems in OpenAPI and Swagger specifications, mapped to the SFTI API threat model "
            + "and the OWASP API Security Top 10.",
    scope = CommandLine.ScopeType.INHERIT,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at or above the --fail-on level",
      "1:findings at or above the --fail-on level",
      "2:usage, configuration, input or internal error"
    })
public final class Cli implements Runnable {
  /**
   * The subcommands, in the order help lists them. They are added by {@link #create}, not named in
   * the annotation: picocli reads the annotations of every command it is given (40 ms of CPU at a
   * cold start for the seven a check does not use), so a run of one command builds only that one.
   */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          CheckCommand.class,
          RulesCommand.class,
          ExplainCommand.class,
          ReportCommand.class,
          InitCommand.class,
          LspCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  /** Commands that read the whole command tree: help of another command, the completion script. */
  private static final Set<Class<?>> READ_ALL_COMMANDS =
      Set.of(CompletionCommand.class, CommandLine.HelpCommand.class);

  @Spec CommandSpec spec;

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
  private static List<Class<?>> subcommandsFor(String[] args) {
    for (Class<?> command : SUBCOMMANDS) {
      if (args.length > 0
          && !READ_ALL_COMMANDS.contains(command)
          && command.getAnnotation(Command.class).name().equals(args[0])) {
        return List.of(command);
      }
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
      List<Class<?>> subcommands) {
    Environment environment =
        new Environment(stdin, env, workingDirectory.toAbsolutePath().normalize(), terminal);
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            if (type == CheckCommand.class) {
              return type.cast(new CheckCommand(environment));
            }
            if (type == ReportCommand.class) {
              return type.cast(new ReportCommand(environment));
            }
            if (type == InitCommand.class) {
              return type.cast(new InitCommand(environment));
            }
            if (type == RulesCommand.class) {
              return type.cast(new RulesCommand(environment));
            }
            if (type == ExplainCommand.class) {
              return type.cast(new ExplainCommand(environment));
            }
            if (type == LspCommand.class) {
              return type.cast(new LspCommand(environment));
            }
            return CommandLine.defaultFactory().create(type);
          }
        };
    CommandLine commandLine = new CommandLine(new Cli(), factory);
    subcommands.forEach(commandLine::addSubcommand);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          err.println("threatlint: " + e.getMessage());
          err.println(
              "Try 'threatlint "
                  + (e.getCommandLine().getCommandName().equals("threatlint")
                      ? ""
                      : e.getCommandLine().getCommandName() + " ")
                  + "--help' for more information.");
          return ExitCodes.ERROR;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          err.println("threatlint: internal error: " + e);
          return ExitCodes.ERROR;
        });
    boolean colour = Colour.AUTO.enabled(env, Colour.terminal());
    commandLine.setColorScheme(
        CommandLine.Help.defaultColorScheme(
            colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
    return commandLine;
  }

  /** Prints the version from the jar. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"threatlint " + Version.get()};
    }
  }
}
