package io.github.threatlint.cli;

/** The documented exit codes, as eslint, ruff and vacuum use them. */
public final class ExitCodes {
  /** Nothing at or above the --fail-on level. */
  public static final int CLEAN = 0;

  /** Findings at or above the --fail-on level. */
  public static final int FINDINGS = 1;

  /** Usage, configuration, input or internal error. */
  public static final int ERROR = 2;

  private ExitCodes() {}
}
