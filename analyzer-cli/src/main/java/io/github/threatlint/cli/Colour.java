package io.github.threatlint.cli;

import java.util.Locale;
import java.util.Map;

/**
 * Whether output is coloured: the one place that decides it, for the text report of {@code check}
 * and for the help. {@code --color always} or {@code never} decides alone; with {@code auto} (the
 * default) a non-empty NO_COLOR (https://no-color.org) turns colour off, a non-empty FORCE_COLOR
 * (https://force-color.org) turns it on, since CI logs show colour but are no terminal, and
 * otherwise colour goes to a terminal that is not TERM=dumb.
 */
enum Colour {
  AUTO,
  ALWAYS,
  NEVER;

  /** The words of {@code --color}, for its help and for shell completion. */
  static final class Words extends java.util.ArrayList<String> {
    Words() {
      super(java.util.List.of("auto", "always", "never"));
    }
  }

  /** The choice a {@code --color} word names, or null when it names none. */
  static Colour parse(String word) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "always" -> ALWAYS;
      case "never" -> NEVER;
      default -> null;
    };
  }

  boolean enabled(Map<String, String> environment, boolean terminal) {
    if (this != AUTO) {
      return this == ALWAYS;
    }
    if (isSet(environment.get("NO_COLOR"))) {
      return false;
    }
    if (isSet(environment.get("FORCE_COLOR"))) {
      return true;
    }
    return terminal && !"dumb".equals(environment.get("TERM"));
  }

  /**
   * Whether standard output is a terminal (on Java 17 there is a console only when neither stream
   * is redirected).
   */
  static boolean terminal() {
    return System.console() != null;
  }

  private static boolean isSet(String variable) {
    return variable != null && !variable.isEmpty();
  }
}
