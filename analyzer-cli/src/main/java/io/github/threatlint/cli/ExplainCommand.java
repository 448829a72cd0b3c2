package io.github.threatlint.cli;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.docs.RuleDocs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint explain RULE-ID}: prints the rule's documentation page (Markdown), the same as
 * docs/rules/RULE-ID.md.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Prints the documentation of a rule: what it flags, why it matters, examples, options and how to "
            + "suppress it (Markdown).")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Cli.Environment environment;

  ExplainCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Parameters(
      paramLabel = "RULE-ID",
      description = "The rule, such as operation-security-missing (see 'threatlint rules').")
  String ruleId;

  @Override
  public Integer call() {
    RuleDescriptor rule;
    try {
      rule =
          ConfiguredRules.catalog(environment.workingDirectory()).stream()
              .filter(r -> r.id().equals(ruleId))
              .findFirst()
              .orElse(null);
    } catch (ConfigurationException e) {
      spec.commandLine().getErr().println(e.oneLine());
      return ExitCodes.ERROR;
    }
    if (rule == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown rule '" + ruleId + "' (see 'threatlint rules')");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(RuleDocs.page(rule));
    out.flush();
    return ExitCodes.CLEAN;
  }
}
