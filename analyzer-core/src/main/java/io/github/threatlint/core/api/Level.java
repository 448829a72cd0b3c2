package io.github.threatlint.core.api;

import java.util.Locale;

/** How serious a finding is; {@code OFF} disables a rule. Ordered from least to most serious. */
public enum Level {
  OFF,
  NOTE,
  WARNING,
  ERROR;

  /** The lower-case name used in configuration, reports and SARIF. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Level other) {
    return compareTo(other) >= 0;
  }

  /** Parses {@code off|note|warning|error}; null when the text is none of them. */
  public static Level parse(String text) {
    if (text == null) {
      return null;
    }
    for (Level level : values()) {
      if (level.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return level;
      }
    }
    return null;
  }
}
