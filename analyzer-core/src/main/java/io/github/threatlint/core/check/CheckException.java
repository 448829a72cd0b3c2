package io.github.threatlint.core.check;

/**
 * A check that cannot start: a setting of the request is wrong. {@link #setting()} tells which, so
 * that each front end names it in its own words (an option, a plugin parameter); the message is one
 * line and says what is wrong.
 */
public final class CheckException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The part of the request that is wrong. */
  public enum Setting {
    /** The configuration file given does not exist. */
    CONFIGURATION_FILE,
    /**
     * The configuration (given or found) cannot be used; the message is {@code file:line:col:
     * error: ...}.
     */
    CONFIGURATION,
    /** A rule to enable does not exist. */
    ENABLE,
    /** A rule to disable does not exist. */
    DISABLE,
    /** The baseline cannot be read; the message is {@code file:line:col: error: ...}. */
    BASELINE,
    /** The folder references may not leave is no folder. */
    ROOT
  }

  private final Setting setting;

  public CheckException(Setting setting, String message, Throwable cause) {
    super(message, cause);
    this.setting = setting;
  }

  public Setting setting() {
    return setting;
  }
}
