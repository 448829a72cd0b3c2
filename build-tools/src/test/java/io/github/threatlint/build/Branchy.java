package io.github.threatlint.build;

import java.util.ArrayList;
import java.util.List;

/**
 * A class for {@link ClassFileUpgradeTest} to turn into a Java 5 class file and back: loops, an
 * exception handler and values of different types merged at one point, which is what stack map
 * frames describe. Written without lambdas, string concatenation or nested classes, which a Java 5
 * class file cannot hold.
 */
public final class Branchy {
  private Branchy() {}

  /** Counts the elements of {@code words} that are numbers, summing them. */
  public static long sumOfNumbers(String[] words) {
    long sum = 0;
    for (String word : words) {
      try {
        sum += Long.parseLong(word);
      } catch (NumberFormatException e) {
        sum += 0;
      }
    }
    return sum;
  }

  /** A list or a string builder, merged into one local of their common supertype. */
  public static String describe(boolean asList, int count) {
    Object made = asList ? new ArrayList<String>() : new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (made instanceof List) {
        @SuppressWarnings("unchecked")
        List<String> list = (List<String>) made;
        list.add("x");
      } else {
        ((StringBuilder) made).append('x');
      }
    }
    return made.toString();
  }
}
