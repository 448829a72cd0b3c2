package io.github.threatlint.cli;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.ruleset.Rulesets;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules {@code threatlint rules} and {@code explain} describe: the built-in ones, plus those of
 * the plugins and rulesets the configuration found from the working directory names (as {@code
 * check} finds it, with the working directory as root).
 */
final class ConfiguredRules {
  private ConfiguredRules() {}

  static List<RuleDescriptor> catalog(Path workingDirectory) throws ConfigurationException {
    Path file = ConfigurationLoader.find(workingDirectory).orElse(null);
    if (file == null) {
      return BuiltInRules.all();
    }
    Configuration configuration =
        new ConfigurationLoader(
                BuiltInRules.all(), new Rulesets(workingDirectory), workingDirectory)
            .load(file, workingDirectory.relativize(file.toAbsolutePath()).toString());
    return configuration.catalog(BuiltInRules.all());
  }
}
