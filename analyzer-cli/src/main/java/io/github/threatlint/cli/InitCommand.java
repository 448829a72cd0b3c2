package io.github.threatlint.cli;

import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.ConfigurationSchema;
import io.github.threatlint.core.engine.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint init}: writes a commented {@code .threatlint.yaml} for a profile and, with
 * {@code --baseline}, records today's findings of the given specifications by running {@code check
 * --write-baseline} with that configuration, so that an existing API adopts threatlint in one
 * command.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description = {
      "Writes a commented .threatlint.yaml for a profile into the working directory. With --baseline, also records "
          + "today's findings of the SPECs in a baseline, so that from then on only new problems fail "
          + "(threatlint check --baseline FILE SPEC...).",
      "Existing files are never overwritten without --force."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the files were written",
      "2:a file exists (without --force), or a usage, input or internal error"
    })
final class InitCommand implements Callable<Integer> {
  /** The file init writes. */
  static final String CONFIGURATION_FILE = ".threatlint.yaml";

  static final String DEFAULT_BASELINE = "threatlint-baseline.json";

  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "PROFILE",
      defaultValue = "recommended",
      completionCandidates = Profiles.class,
      description = "The profile the configuration extends: recommended (default), sfti or strict.")
  String profile;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      arity = "0..1",
      preprocessor = AttachedFileOnly.class,
      description =
          "Also record today's findings of the SPECs in a baseline, as check --write-baseline does: in "
              + DEFAULT_BASELINE
              + ", or in FILE with --baseline=FILE.")
  String baseline;

  /**
   * The file of --baseline is only taken when attached (--baseline=FILE): a separate argument after
   * --baseline is the first SPEC, as in {@code threatlint init --baseline specs/api.yaml}.
   */
  static final class AttachedFileOnly implements CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(
        java.util.Stack<String> args,
        CommandSpec command,
        CommandLine.Model.ArgSpec option,
        java.util.Map<String, Object> info) {
      if (" ".equals(info.get("separator"))) {
        args.push(DEFAULT_BASELINE);
      }
      return false;
    }
  }

  @Option(
      names = "--force",
      description = "Overwrite " + CONFIGURATION_FILE + " and the baseline when they exist.")
  boolean force;

  @Parameters(
      paramLabel = "SPEC",
      arity = "0..*",
      description =
          "With --baseline: the specification files, folders or globs whose findings are recorded.")
  List<String> specs = new ArrayList<>();

  /** The profile names, for completion. */
  static final class Profiles extends ArrayList<String> {
    Profiles() {
      for (Profile each : Profile.values()) {
        add(each.label());
      }
    }
  }

  private final Cli.Environment environment;

  InitCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Profile chosen = Profile.parse(profile);
    if (chosen == null) {
      throw usage(
          "unknown profile '"
              + profile
              + "' (choose from "
              + String.join(", ", new Profiles())
              + ")");
    }
    if (baseline == null && !specs.isEmpty()) {
      throw usage("SPECs are only read with --baseline, to record their findings");
    }
    if (baseline != null && specs.isEmpty()) {
      throw usage("--baseline needs the SPECs whose findings it records");
    }
    Path directory = environment.workingDirectory();
    Path configuration = directory.resolve(CONFIGURATION_FILE);
    for (String name : ConfigurationLoader.FILE_NAMES) {
      Path existing = directory.resolve(name);
      if (Files.exists(existing) && !(force && existing.equals(configuration))) {
        err.println(
            "threatlint: "
                + name
                + " exists"
                + (name.equals(CONFIGURATION_FILE)
                    ? "; use --force to overwrite it"
                    : ", and threatlint would read it beside "
                        + CONFIGURATION_FILE
                        + "; remove it first"));
        return ExitCodes.ERROR;
      }
    }
    if (baseline != null && Files.exists(directory.resolve(baseline)) && !force) {
      err.println("threatlint: " + baseline + " exists; use --force to overwrite it");
      return ExitCodes.ERROR;
    }
    try {
      Files.writeString(configuration, configuration(chosen, baseline));
    } catch (IOException e) {
      err.println("threatlint: cannot write " + CONFIGURATION_FILE + ": " + e.getMessage());
      return ExitCodes.ERROR;
    }
    err.println("threatlint: wrote " + CONFIGURATION_FILE + " (profile " + chosen.label() + ").");
    if (baseline == null) {
      return ExitCodes.CLEAN;
    }
    return recordBaseline(err);
  }

  /**
   * Runs check --write-baseline with the new configuration; its report is not shown, its messages
   * are.
   */
  private int recordBaseline(PrintWriter err) {
    List<String> check =
        new ArrayList<>(
            List.of(
                "check",
                "--config",
                CONFIGURATION_FILE,
                "--write-baseline",
                baseline,
                "--fail-on",
                "none"));
    check.addAll(specs);
    PrintWriter discarded = new PrintWriter(Writer.nullWriter());
    int exit =
        Cli.create(
                discarded,
                err,
                environment.stdin(),
                environment.variables(),
                environment.workingDirectory())
            .execute(check.toArray(String[]::new));
    if (exit != ExitCodes.CLEAN) {
      err.println(
          "threatlint: the baseline was not recorded (see above); "
              + CONFIGURATION_FILE
              + " is written.");
      return ExitCodes.ERROR;
    }
    err.println(
        "threatlint: from now on, 'threatlint check --baseline "
            + baseline
            + " "
            + String.join(" ", specs)
            + "' fails only on new findings.");
    return ExitCodes.CLEAN;
  }

  /**
   * The commented configuration: every key the loader knows, the optional ones as examples to
   * uncomment.
   */
  static String configuration(Profile profile, String baseline) {
    String baselineNote =
        baseline == null
            ? ""
            : String.join(
                "\n",
                "#",
                "# Today's findings are recorded in "
                    + baseline
                    + ": check with --baseline "
                    + baseline,
                "# so that only new problems fail the build.",
                "");
    return String.join(
        "\n",
        "# yaml-language-server: $schema=" + ConfigurationSchema.URL,
        "# threatlint configuration, written by 'threatlint init'. Every key is explained in",
        "# https://github.com/threatlint/threatlint#configuration",
        baselineNote,
        "# The profile: recommended (the rules that are on by default), sfti (adds what the SFTI API threat",
        "# model asks for) or strict (every rule). 'threatlint rules --profile "
            + profile.label()
            + "' lists its rules.",
        "extends: " + profile.label(),
        "",
        "# Per rule id: off, note, warning or error, or {level, options}; 'threatlint explain RULE-ID' shows",
        "# a rule's options. For example:",
        "rules:",
        "  # security-schemes-missing: warning",
        "  # operation-security-missing:",
        "  #   level: error",
        "  #   options:",
        "  #     allowAnonymous: [\"/health\", \"/status/**\"]",
        "",
        "# Findings accepted in certain files, each with a reason. file: a glob relative to this folder;",
        "# pointer (optional): a glob over the JSON pointers of the findings. For example:",
        "ignore:",
        "  # - file: specs/legacy/**",
        "  #   rule: operation-security-missing",
        "  #   pointer: /paths/~1ping/**",
        "  #   reason: The legacy API is retired in June; its ping endpoint stays public until then.",
        "");
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
