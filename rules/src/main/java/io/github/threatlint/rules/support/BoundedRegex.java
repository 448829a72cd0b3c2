package io.github.threatlint.rules.support;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression an option of the configuration gives, matched with a budget of steps: an
 * expression that backtracks catastrophically ({@code ((a+)+)\1?} on {@code aaaa…!}) fails with an
 * error naming the option in milliseconds instead of hanging the run. Java's engine is kept (the
 * options say "Java syntax", back references included), and the budget counts the characters it
 * reads, which bounds its time.
 */
public final class BoundedRegex {
  /** Character reads allowed per character of input, plus a floor: real patterns need a handful. */
  private static final long STEPS_PER_CHAR = 1_000;

  private static final long MIN_STEPS = 100_000;

  private final Pattern pattern;
  private final String option;

  private BoundedRegex(Pattern pattern, String option) {
    this.pattern = pattern;
    this.option = option;
  }

  /**
   * @param option how error messages name the option, such as "option 'pattern' of
   *     oauth2-scope-naming"
   * @throws IllegalArgumentException when the expression does not compile
   */
  public static BoundedRegex compile(String regex, String option) {
    try {
      return new BoundedRegex(Pattern.compile(regex), option);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          option + " is not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * True when the whole text matches.
   *
   * @throws IllegalArgumentException when the match needs more steps than the budget allows
   */
  public boolean matches(String text) {
    long budget = MIN_STEPS + STEPS_PER_CHAR * text.length();
    try {
      return pattern.matcher(new CountedText(text, new long[] {budget})).matches();
    } catch (BudgetExceeded | StackOverflowError e) {
      throw new IllegalArgumentException(
          option
              + " takes too long on a value of "
              + text.length()
              + " characters (it backtracks catastrophically): simplify the expression",
          null);
    }
  }

  private static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  /** The text as the matcher reads it, one step per character read. */
  private record CountedText(String text, long[] remaining) implements CharSequence {
    @Override
    public char charAt(int index) {
      if (--remaining[0] < 0) {
        throw new BudgetExceeded();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new CountedText(text.substring(start, end), remaining);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
