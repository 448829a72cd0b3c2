package io.github.threatlint.core.config;

import io.github.threatlint.core.api.RuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads the rulesets a configuration names ({@code rulesets:}) into rules. The configuration only
 * names the files; {@code core.check} gives the reader that knows their format (Spectral's), so
 * that the configuration's own rule settings can name the rules the rulesets declare.
 */
@FunctionalInterface
public interface RulesetReader {
  /** For callers that read no rulesets: naming one is an error. */
  RulesetReader NONE =
      (files, takenIds, skipBroken) -> {
        RulesetFile first = files.get(0);
        throw new ConfigurationException(
            first.configDisplayPath(),
            first.line(),
            first.column(),
            "rulesets are read by threatlint check, report and lsp and the Maven plugin only");
      };

  /**
   * The rules of the files, in order (a later rule of the same name replaces an earlier one).
   *
   * @param takenIds ids the rules may not have (the built-in rules')
   * @param skipBroken leave out a rule that cannot run with a warning, instead of failing
   */
  Rules read(List<RulesetFile> files, Set<String> takenIds, boolean skipBroken)
      throws ConfigurationException;

  /**
   * A ruleset named by the configuration: its path, how messages name it, and where the
   * configuration names it.
   */
  record RulesetFile(
      Path path, String displayPath, String configDisplayPath, int line, int column) {}

  /** The rules read, and one warning line per rule left out. */
  record Rules(List<RuleDescriptor> rules, List<String> warnings) {
    public static final Rules NONE = new Rules(List.of(), List.of());
  }
}
