package io.github.threatlint.core.config;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which rules run, at which level, with which options. Later sources win:
 *
 * <ol>
 *   <li>the profile: the one given explicitly (command line, plugin parameter), else the
 *       configuration's {@code extends}, else {@code recommended};
 *   <li>the configuration's {@code rules}: a level replaces the profile's ({@code off} switches the
 *       rule off); options alone keep the profile's level, and switch on a rule the profile leaves
 *       off at the level {@code strict} gives it, since options mean the rule is wanted;
 *   <li>{@code enable}: a rule that is off runs at the level {@code strict} gives it;
 *   <li>{@code disable}: the rule does not run, whatever else says.
 * </ol>
 */
public final class RuleSelection {
  private final List<RuleDescriptor> catalog;

  public RuleSelection(List<RuleDescriptor> catalog) {
    this.catalog = List.copyOf(catalog);
  }

  /** The profile a run uses: the explicit one, else the configuration's, else recommended. */
  public static Profile effectiveProfile(Profile explicit, Configuration configuration) {
    if (explicit != null) {
      return explicit;
    }
    return configuration.profile() != null ? configuration.profile() : Profile.RECOMMENDED;
  }

  /**
   * The enabled rules in catalog order.
   *
   * @param explicitProfile the profile chosen by the user for this run, or null
   * @param enable rule ids to switch on (checked: an unknown id is an error)
   * @param disable rule ids to switch off (checked likewise)
   */
  public List<EnabledRule> select(
      Profile explicitProfile,
      Configuration configuration,
      Collection<String> enable,
      Collection<String> disable)
      throws ConfigurationException {
    for (String id : enable) {
      require(id);
    }
    for (String id : disable) {
      require(id);
    }
    Profile profile = effectiveProfile(explicitProfile, configuration);
    List<EnabledRule> rules = new ArrayList<>();
    for (RuleDescriptor rule : catalog) {
      if (disable.contains(rule.id())) {
        continue;
      }
      Level level = profile.levelOf(rule.info());
      Map<String, Object> options = Map.of();
      Configuration.RuleSetting setting = configuration.rules().get(rule.id());
      if (setting != null) {
        options = setting.options();
        if (setting.level() != null) {
          level = setting.level();
        } else if (level == Level.OFF && !options.isEmpty()) {
          level = Profile.STRICT.levelOf(rule.info());
        }
      }
      if (level == Level.OFF && enable.contains(rule.id())) {
        level = Profile.STRICT.levelOf(rule.info());
      }
      if (level != Level.OFF) {
        rules.add(new EnabledRule(rule, level, options));
      }
    }
    return rules;
  }

  /** The rule with this id; an unknown id is an error that suggests the closest one. */
  public RuleDescriptor require(String id) throws ConfigurationException {
    for (RuleDescriptor rule : catalog) {
      if (rule.id().equals(id)) {
        return rule;
      }
    }
    throw new ConfigurationException(
        null,
        0,
        0,
        "unknown rule '"
            + id
            + "'"
            + Suggestions.didYouMean(id, catalog.stream().map(RuleDescriptor::id).toList())
            + "; 'threatlint rules' lists the rule ids");
  }
}
