package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The profiles of the catalog. {@code recommended}: every rule at its default level, rules whose
 * default is off stay off. {@code sfti}: recommended, with the SFTI levels where a rule has one.
 * {@code strict}: every rule on, at its SFTI or default level, and at least {@code note}.
 */
public enum Profile {
  RECOMMENDED,
  SFTI,
  STRICT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Profile parse(String text) {
    for (Profile profile : values()) {
      if (profile.label().equals(text)) {
        return profile;
      }
    }
    return null;
  }

  /** The level a rule has in this profile; {@code OFF} when the profile leaves it off. */
  public Level levelOf(RuleInfo info) {
    Level sfti = info.sftiLevel() == Level.OFF ? info.level() : info.sftiLevel();
    switch (this) {
      case RECOMMENDED:
        return info.level();
      case SFTI:
        return sfti;
      default:
        return sfti == Level.OFF ? Level.NOTE : sfti;
    }
  }

  /** The rules this profile enables, in the given order, with their default options. */
  public List<EnabledRule> enable(List<RuleDescriptor> rules) {
    List<EnabledRule> enabled = new ArrayList<>();
    for (RuleDescriptor rule : rules) {
      Level level = levelOf(rule.info());
      if (level != Level.OFF) {
        enabled.add(new EnabledRule(rule, level, Map.of()));
      }
    }
    return enabled;
  }
}
