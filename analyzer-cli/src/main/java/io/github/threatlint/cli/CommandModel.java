package io.github.threatlint.cli;

import java.lang.reflect.Field;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * picocli's model of a command built with its programmatic API, for the root command and those CI
 * runs ({@code check}, {@code report}). From annotations picocli reads each field's annotations by
 * reflection, through proxies that no class-data archive of JDK 17 holds: 45-90 ms of the main
 * thread of every cold run before the file is read (docs/performance.md, rounds 9 and 10). The
 * commands people type (rules, explain, init, lsp, completion, help) keep their annotations.
 * CommandModelTest compares every command's help, errors and completion script with the annotated
 * model's.
 */
final class CommandModel {
  private CommandModel() {}

  /**
   * A command named {@code name}, its version and the exit codes ("code:meaning") its help lists.
   * Its options are added in the order picocli met the annotated fields they replace (the order of
   * the completion script), then {@link #addHelpOptions}.
   */
  static CommandSpec command(Object command, String name, String description, String... exitCodes) {
    CommandSpec spec =
        CommandSpec.wrapWithoutInspection(command)
            .name(name)
            .versionProvider(new Cli.VersionProvider());
    spec.usageMessage()
        .description(description)
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(UsageMessageSpec.keyValuesMap(exitCodes));
    return spec;
  }

  /**
   * {@code -h/--help} and {@code -V/--version}, as picocli's {@code mixinStandardHelpOptions} adds
   * them: last, which is their place in the completion script.
   */
  static CommandSpec addHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .type(boolean.class)
            .initialValue(false)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .type(boolean.class)
            .initialValue(false)
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /**
   * {@code option} bound to the field named {@code field} of {@code command}: picocli reads it
   * through the field (its value before parsing is the one picocli resets it to) and writes it
   * there. The field is found by reflection, without its annotations (the proxies above), and not
   * through a getter and a setter lambda per option: linking those (52 for check) at every start
   * kept the main thread 9 ms longer before it reads the file (from Main to the analysis in the
   * class-load log: 64 against 55 ms, medians of 12 runs of the wealth sample and 8 of Stripe;
   * docs/performance.md, round 16). CommandModelTest builds every option, so a field named wrongly
   * fails there.
   */
  static OptionSpec.Builder bound(OptionSpec.Builder option, Object command, String field) {
    FieldAccess access = new FieldAccess(command, field);
    return option.getter(access).setter(access).initialValue(access.get());
  }

  /** {@code parameter} bound to a field of its command, as an option is. */
  static PositionalParamSpec.Builder bound(
      PositionalParamSpec.Builder parameter, Object command, String field) {
    FieldAccess access = new FieldAccess(command, field);
    return parameter.getter(access).setter(access).initialValue(access.get());
  }

  /** A field as picocli's getter and setter. */
  private static final class FieldAccess implements IGetter, ISetter {
    private final Object command;
    private final Field field;

    FieldAccess(Object command, String name) {
      this.command = command;
      try {
        this.field = command.getClass().getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name, e);
      }
      field.setAccessible(true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      try {
        return (T) field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public <T> T set(T value) {
      T previous = get();
      try {
        field.set(command, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      return previous;
    }
  }
}
