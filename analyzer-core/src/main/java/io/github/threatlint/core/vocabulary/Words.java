package io.github.threatlint.core.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Word-boundary aware matching of names written in camelCase, PascalCase, snake_case, kebab-case or
 * with dots: {@code clientSecret}, {@code client_secret} and {@code Client-Secret} all read as the
 * words [client, secret]; {@code IBANNumber} as [iban, number].
 */
public final class Words {
  /**
   * Names are split again and again (every property name against every rule's term list, the same
   * names in every operation), so the words of short names are kept. The cache is bounded: a
   * directory of specs has far fewer distinct names than this, and past it names are split afresh.
   */
  private static final int CACHED_NAME_LENGTH = 64;

  private static final int CACHE_SIZE = 100_000;
  private static final Map<String, List<String>> WORDS = new ConcurrentHashMap<>();
  private static final Map<String, String> COMPACT = new ConcurrentHashMap<>();

  private Words() {}

  /** The lower-case words of a name, as an unmodifiable list. */
  public static List<String> split(String name) {
    if (name == null) {
      return List.of();
    }
    if (name.length() > CACHED_NAME_LENGTH) {
      return splitText(name);
    }
    List<String> words = WORDS.get(name);
    if (words == null) {
      words = splitText(name);
      if (WORDS.size() < CACHE_SIZE) {
        WORDS.put(name, words);
      }
    }
    return words;
  }

  private static List<String> splitText(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, word);
        continue;
      }
      if (word.length() > 0) {
        char previous = name.charAt(i - 1);
        boolean lowerToUpper =
            Character.isUpperCase(c)
                && (Character.isLowerCase(previous) || Character.isDigit(previous));
        boolean acronymEnd =
            Character.isUpperCase(c)
                && Character.isUpperCase(previous)
                && i + 1 < name.length()
                && Character.isLowerCase(name.charAt(i + 1))
                && !versionedAcronym(name, i);
        boolean digitToLetter = Character.isLetter(c) && Character.isDigit(previous);
        if (lowerToUpper || acronymEnd || digitToLetter) {
          flush(words, word);
        }
      }
      word.append(Character.toLowerCase(c));
    }
    flush(words, word);
    return List.copyOf(words);
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

  /**
   * The words joined without separators: {@code client_secret} and {@code clientSecret} both give
   * {@code clientsecret}.
   */
  public static String compact(String name) {
    if (name == null || name.length() > CACHED_NAME_LENGTH) {
      return String.join("", split(name));
    }
    String compact = COMPACT.get(name);
    if (compact == null) {
      compact = String.join("", split(name));
      if (COMPACT.size() < CACHE_SIZE) {
        COMPACT.put(name, compact);
      }
    }
    return compact;
  }

  /**
   * True when the name contains one of the terms as whole words. A term is itself a name ({@code
   * "client_secret"}, {@code "apiKey"}) and matches a run of consecutive words, so {@code "token"}
   * matches {@code access_token} and {@code tokenType} but not {@code tokenizer}.
   */
  public static boolean containsAny(String name, List<String> terms) {
    return matchingTerm(name, terms) != null;
  }

  /** The first term the name contains as whole words, or null. */
  public static String matchingTerm(String name, List<String> terms) {
    Terms prepared = TERMS.get(terms);
    if (prepared == null) {
      prepared = new Terms(terms);
      if (TERMS.size() < MAX_TERM_LISTS) {
        TERMS.put(List.copyOf(terms), prepared);
      }
    }
    return prepared.firstIn(name);
  }

  /**
   * Rules hold a few term lists each (constants and options); more than this means lists made per
   * call.
   */
  private static final int MAX_TERM_LISTS = 1_000;

  /** What {@link Terms} remember for a name that contains none of their terms. */
  private static final String NONE = new String("");

  /** Term lists prepared once: rules match every name of a document against the same few lists. */
  private static final Map<List<String>, Terms> TERMS = new ConcurrentHashMap<>();

  /**
   * A term list indexed by the words of each term and by the words joined, so that matching a name
   * costs a few lookups per word instead of a pass over every term.
   */
  private static final class Terms {
    private final List<String> terms;
    private final Map<List<String>, Integer> byWords = new HashMap<>();
    private final Map<String, Integer> byJoinedWords = new HashMap<>();
    private int mostWords;
    private int longestJoined;

    /**
     * The answer for each short name asked about, {@link #NONE} for none: the same property and
     * parameter names are matched against the same list in every schema and operation. Bounded as
     * {@link #WORDS} is.
     */
    private final Map<String, String> firstByName = new ConcurrentHashMap<>();

    Terms(List<String> terms) {
      this.terms = List.copyOf(terms);
      for (int i = 0; i < this.terms.size(); i++) {
        List<String> termWords = split(this.terms.get(i));
        if (termWords.isEmpty()) {
          continue;
        }
        String joined = String.join("", termWords);
        byWords.putIfAbsent(termWords, i);
        byJoinedWords.putIfAbsent(joined, i);
        mostWords = Math.max(mostWords, termWords.size());
        longestJoined = Math.max(longestJoined, joined.length());
      }
    }

    /** The term earliest in the list that the name contains ({@link #firstIn(List)}), or null. */
    String firstIn(String name) {
      if (name == null || name.length() > CACHED_NAME_LENGTH) {
        return firstIn(split(name));
      }
      String known = firstByName.get(name);
      if (known == null) {
        String first = firstIn(split(name));
        known = first == null ? NONE : first;
        if (firstByName.size() < CACHE_SIZE) {
          firstByName.put(name, known);
        }
      }
      return known == NONE ? null : known;
    }

    /**
     * The term earliest in the list that the words contain as a run, or whose joined form a run
     * spells.
     */
    String firstIn(List<String> words) {
      int first = Integer.MAX_VALUE;
      for (int start = 0; start < words.size(); start++) {
        for (int end = start + 1; end <= words.size() && end - start <= mostWords; end++) {
          first =
              Math.min(first, byWords.getOrDefault(words.subList(start, end), Integer.MAX_VALUE));
        }
        // a term written as one word ("apikey") also matches its split form ("api_key")
        StringBuilder joined = new StringBuilder();
        for (int end = start; end < words.size() && joined.length() < longestJoined; end++) {
          joined.append(words.get(end));
          first = Math.min(first, byJoinedWords.getOrDefault(joined.toString(), Integer.MAX_VALUE));
        }
      }
      return first == Integer.MAX_VALUE ? null : terms.get(first);
    }
  }

  /** True when the whole name equals one of the terms, ignoring case and separators. */
  public static boolean isAny(String name, List<String> terms) {
    Set<String> compactTerms = COMPACT_TERMS.get(terms);
    if (compactTerms == null) {
      List<String> compacts = new ArrayList<>();
      for (String term : terms) {
        compacts.add(compact(term));
      }
      compactTerms = Set.copyOf(compacts);
      if (COMPACT_TERMS.size() < MAX_TERM_LISTS) {
        COMPACT_TERMS.put(List.copyOf(terms), compactTerms);
      }
    }
    return compactTerms.contains(compact(name));
  }

  /** The compact forms of term lists, made once as {@link #TERMS} are. */
  private static final Map<List<String>, Set<String>> COMPACT_TERMS = new ConcurrentHashMap<>();

  /**
   * True when the name is one of the terms behind a vendor prefix: {@code X-Bank-Request-Id} ends
   * with the words of {@code X-Request-ID} once the term's own leading "x" is dropped. What is left
   * of the term must have at least {@code minWords} words, so that a short term does not match
   * every name that happens to end with it.
   */
  public static boolean endsWithAny(String name, List<String> terms, int minWords) {
    List<String> words = split(name);
    for (String term : terms) {
      List<String> core = split(term);
      if (!core.isEmpty() && core.get(0).equals("x")) {
        core = core.subList(1, core.size());
      }
      if (core.size() >= Math.max(1, minWords)
          && words.size() > core.size()
          && words.subList(words.size() - core.size(), words.size()).equals(core)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

  /**
   * The text with each run of white space (line breaks too) made one blank, as a message quotes
   * prose or a fingerprint compares it. The expression is compiled once: {@code String.replaceAll}
   * compiles its own at every call.
   */
  public static String collapseWhiteSpace(String text) {
    return WHITE_SPACE.matcher(text).replaceAll(" ");
  }

  public static String lower(String text) {
    return text == null ? "" : text.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code text} (null: none) contains {@code phrase}, written in lower case, in any ASCII
   * case: for a phrase of ASCII letters, blanks and punctuation, what {@code
   * lower(text).contains(phrase)} finds, without the lower-case copy of the text. A rule that reads
   * every description of a document before a case-blind expression asks this first.
   */
  public static boolean containsInAnyCase(String text, String phrase) {
    if (text == null) {
      return false;
    }
    char first = phrase.charAt(0);
    for (int at = 0, last = text.length() - phrase.length(); at <= last; at++) {
      if (lowerAscii(text.charAt(at)) == first && inAnyCaseAt(text, at, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inAnyCaseAt(String text, int at, String phrase) {
    for (int i = 1; i < phrase.length(); i++) {
      if (lowerAscii(text.charAt(at + i)) != phrase.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char lowerAscii(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
