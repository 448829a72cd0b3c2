package io.github.threatlint.core.threatmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a field, parameter or header name, in lower case: {@code dateOfBirth}, {@code date_of_birth}
 * and {@code Date-Of-Birth} all give {@code [date, of, birth]}; {@code PSU-IP-Address} gives
 * {@code [psu, ip, address]} and {@code IBANNumber} gives {@code [iban, number]}.
 */
final class NameWords {
  private NameWords() {}

  static List<String> of(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }
      if (word.length() > 0) {
        char previous = name.charAt(i - 1);
        boolean lowerToUpper = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
        // the last capital of an acronym starts the next word: IBANNumber -> IBAN Number
        boolean acronymEnd = Character.isUpperCase(c) && Character.isUpperCase(previous) && i + 1 < name.length()
            && Character.isLowerCase(name.charAt(i + 1));
        boolean letterDigit = Character.isDigit(c) != Character.isDigit(previous);
        if (lowerToUpper || acronymEnd || letterDigit) {
          flush(word, words);
        }
      }
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  /** Whether {@code phrase} (words separated by spaces) occurs as consecutive words of {@code words}. */
  static boolean contains(List<String> words, List<String> phrase) {
    for (int start = 0; start + phrase.size() <= words.size(); start++) {
      if (words.subList(start, start + phrase.size()).equals(phrase)) {
        return true;
      }
    }
    return false;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
