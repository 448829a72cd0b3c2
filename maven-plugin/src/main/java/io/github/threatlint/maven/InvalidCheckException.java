package io.github.threatlint.maven;

/**
 * A check that cannot run or finish: a broken parameter or configuration, an unreadable
 * specification.
 */
public final class InvalidCheckException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidCheckException(String oneLineReason) {
    super(oneLineReason);
  }

  public InvalidCheckException(String oneLineReason, Throwable cause) {
    super(oneLineReason, cause);
  }
}
