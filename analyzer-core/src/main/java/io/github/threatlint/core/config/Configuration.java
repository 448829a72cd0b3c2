package io.github.threatlint.core.config;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.vocabulary.Glob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated configuration file: the profile it extends, per rule a level and options, the
 * file-based ignores, and where the rules' documentation pages are. {@code directory} is the folder
 * the file globs of ignores are relative to. Everything in here has been checked against the rule
 * catalog by {@link ConfigurationLoader}.
 *
 * @param displayPath how messages name the file; null for the empty configuration
 * @param directory the folder of the file; null for the empty configuration
 * @param profile the profile named by {@code extends}, or null when the file names none
 * @param rules the settings per rule id, in the order of the file
 * @param ignores the file-based ignores, in the order of the file
 * @param docsUrl the links to rule pages: {@code docsUrl} of the file, else {@link DocsUrl#DEFAULT}
 * @param timeLimit the time limit per file ({@code timeLimit}), or null when the file sets none
 * @param rulesetRules the rules declared by the rulesets the file names ({@code rulesets:})
 * @param warnings one line per ruleset rule left out ({@code rulesetErrors: warn})
 * @param pluginRules the rules of the plugin jars the file names ({@code plugins:})
 */
public record Configuration(
    String displayPath,
    Path directory,
    Profile profile,
    Map<String, RuleSetting> rules,
    List<Ignore> ignores,
    DocsUrl docsUrl,
    Duration timeLimit,
    List<RuleDescriptor> rulesetRules,
    List<String> warnings,
    List<RuleDescriptor> pluginRules) {

  /** No file: the default profile, no settings, no ignores. */
  public static final Configuration EMPTY =
      new Configuration(null, null, null, Map.of(), List.of());

  /** A configuration with the default documentation links. */
  public Configuration(
      String displayPath,
      Path directory,
      Profile profile,
      Map<String, RuleSetting> rules,
      List<Ignore> ignores) {
    this(displayPath, directory, profile, rules, ignores, DocsUrl.DEFAULT);
  }

  /** A configuration that names no rulesets. */
  public Configuration(
      String displayPath,
      Path directory,
      Profile profile,
      Map<String, RuleSetting> rules,
      List<Ignore> ignores,
      DocsUrl docsUrl) {
    this(
        displayPath,
        directory,
        profile,
        rules,
        ignores,
        docsUrl,
        null,
        List.of(),
        List.of(),
        List.of());
  }

  /** The rules a run can select from: {@code builtIn}, then the plugins', then the rulesets'. */
  public List<RuleDescriptor> catalog(List<RuleDescriptor> builtIn) {
    if (rulesetRules.isEmpty() && pluginRules.isEmpty()) {
      return builtIn;
    }
    List<RuleDescriptor> all = new ArrayList<>(builtIn);
    all.addAll(pluginRules);
    all.addAll(rulesetRules);
    return List.copyOf(all);
  }

  /**
   * The setting of one rule. {@code level} is null when only options are given (the profile's level
   * applies); {@code options} holds values already converted to the options' types.
   */
  public record RuleSetting(Level level, Map<String, Object> options) {}

  /**
   * Findings of {@code ruleId} in files matching {@code file} (relative to the configuration's
   * folder), and when {@code pointer} is given at JSON pointers matching it, are suppressed for
   * {@code reason}.
   */
  public record Ignore(Glob file, String ruleId, Glob pointer, String reason) {
    public boolean matches(String relativeFile, String ruleId, String findingPointer) {
      return this.ruleId.equals(ruleId)
          && file.matches(relativeFile)
          && (pointer == null || pointer.matches(findingPointer));
    }
  }
}
