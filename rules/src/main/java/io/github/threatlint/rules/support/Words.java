package io.github.threatlint.rules.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word-boundary aware matching of names written in camelCase, PascalCase, snake_case, kebab-case
 * or with dots: {@code clientSecret}, {@code client_secret} and {@code Client-Secret} all read as
 * the words [client, secret]; {@code IBANNumber} as [iban, number].
 */
public final class Words {
  private Words() {}

  /** The lower-case words of a name. */
  public static List<String> split(String name) {
    List<String> words = new ArrayList<>();
    if (name == null) {
      return words;
    }
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        char previous = name.charAt(i - 1);
        boolean lowerToUpper = Character.isUpperCase(c) && (Character.isLowerCase(previous) || Character.isDigit(previous));
        boolean acronymEnd = Character.isUpperCase(c) && Character.isUpperCase(previous)
            && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
            && !versionedAcronym(name, i);
        boolean digitToLetter = Character.isLetter(c) && Character.isDigit(previous);
        if (lowerToUpper || acronymEnd || digitToLetter) {
          flush(words, word);
        }
      }
      word.append(Character.toLowerCase(c));
    }
    flush(words, word);
    return words;
  }

  /**
   * An acronym ending in one lower-case letter and a digit ({@code IPv4}, {@code SNMPv3}): the
   * letter and the digit belong to the acronym, so {@code IPv4Address} reads [ipv4, address].
   */
  private static boolean versionedAcronym(String name, int upper) {
    return upper + 2 < name.length() && Character.isDigit(name.charAt(upper + 2));
  }

  private static void flush(List<String> words, StringBuilder word) {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
    }
  }

  /** The words joined without separators: {@code client_secret} and {@code clientSecret} both give {@code clientsecret}. */
  public static String compact(String name) {
    return String.join("", split(name));
  }

  /**
   * True when the name contains one of the terms as whole words. A term is itself a name
   * ({@code "client_secret"}, {@code "apiKey"}) and matches a run of consecutive words, so
   * {@code "token"} matches {@code access_token} and {@code tokenType} but not {@code tokenizer}.
   */
  public static boolean containsAny(String name, List<String> terms) {
    return matchingTerm(name, terms) != null;
  }

  /** The first term the name contains as whole words, or null. */
  public static String matchingTerm(String name, List<String> terms) {
    List<String> words = split(name);
    for (String term : terms) {
      List<String> termWords = split(term);
      if (termWords.isEmpty() || termWords.size() > words.size()) {
        continue;
      }
      for (int start = 0; start + termWords.size() <= words.size(); start++) {
        if (words.subList(start, start + termWords.size()).equals(termWords)) {
          return term;
        }
      }
      // a term written as one word ("apikey") also matches its split form ("api_key")
      String joinedTerm = String.join("", termWords);
      for (int start = 0; start < words.size(); start++) {
        StringBuilder joined = new StringBuilder();
        for (int end = start; end < words.size() && joined.length() < joinedTerm.length(); end++) {
          joined.append(words.get(end));
          if (joined.toString().equals(joinedTerm)) {
            return term;
          }
        }
      }
    }
    return null;
  }

  /** True when the whole name equals one of the terms, ignoring case and separators. */
  public static boolean isAny(String name, List<String> terms) {
    String compact = compact(name);
    for (String term : terms) {
      if (compact(term).equals(compact)) {
        return true;
      }
    }
    return false;
  }

  public static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }
}
