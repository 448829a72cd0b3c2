package io.github.threatlint.core.vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
   * Names are asked about again and again (every property name against every rule's term list, the
   * same names in every operation), so what is worked out for a short name is kept: its words, and
   * the answers of the term lists asked about it. The cache is bounded: a directory of specs has
   * far fewer distinct names than this, and past it names are split afresh.
   */
  private static final int CACHED_NAME_LENGTH = 64;

  private static final int CACHE_SIZE = 100_000;

  /**
   * Sized for a large document's names (Stripe: 2,400, GitHub: 4,000), so that it is not grown
   * while the rules run: growing the maps it replaced (one for each kind of question) ran
   * interpreted, about 3.5 ms of a cold Stripe run.
   */
  private static final Map<String, Name> NAMES = new ConcurrentHashMap<>(8_192);

  private Words() {}

  /**
   * What is known of one short name: its words, and, once asked, the words joined and the first
   * term of each {@link Terms} list it contains. One map holds all of them: Stripe's walk asks
   * about names 60,000 times (split, compact and the term lists, each a map of its own before).
   * Filled in as threads ask: a field or slot another thread has not seen yet is worked out again,
   * to the same value.
   */
  private static final class Name {
    private final List<String> words;
    private String compact;

    /** By {@link Terms#id}: the first term of that list, {@link #NONE} for none, null unasked. */
    private String[] firstTerms = new String[0];

    Name(List<String> words) {
      this.words = words;
    }
  }

  /** What the cache holds of a short name, worked out on the first call; null for a long name. */
  private static Name known(String name) {
    if (name.length() > CACHED_NAME_LENGTH) {
      return null;
    }
    Name known = NAMES.get(name);
    if (known == null) {
      known = new Name(splitText(name));
      if (NAMES.size() < CACHE_SIZE) {
        NAMES.put(name, known);
      }
    }
    return known;
  }

  /** The lower-case words of a name, as an unmodifiable list. */
  public static List<String> split(String name) {
    if (name == null) {
      return List.of();
    }
    Name known = known(name);
    return known == null ? splitText(name) : known.words;
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
    Name known = name == null ? null : known(name);
    if (known == null) {
      return String.join("", split(name));
    }
    String compact = known.compact;
    if (compact == null) {
      compact = String.join("", known.words);
      known.compact = compact;
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
    return Terms.of(terms).firstIn(name);
  }

  /** True when the whole name equals one of the terms, ignoring case and separators. */
  public static boolean isAny(String name, List<String> terms) {
    return Terms.of(terms).compacts.contains(compact(name));
  }

  /**
   * Rules hold a few term lists each (constants and options); more than this means lists made per
   * call.
   */
  private static final int MAX_TERM_LISTS = 1_000;

  /** What {@link Name} remembers for a term list none of whose terms the name contains. */
  private static final String NONE = new String("");

  /**
   * A term list indexed by the words of each term and by the words joined, so that matching a name
   * costs a few lookups per word instead of a pass over every term; prepared once per list, since
   * rules match every name of a document against the same few lists.
   */
  private static final class Terms {
    /** Term lists prepared, by their terms. */
    private static final Map<List<String>, Terms> BY_TERMS = new ConcurrentHashMap<>();

    /**
     * The unmodifiable list each of {@link #BY_TERMS} was prepared for (a constant or an option,
     * usually), by identity: hashing a list of up to 60 terms at every call cost more than the
     * answer it looked up (Stripe: 34,000 calls). Only the first list of each content: a rule that
     * writes {@code List.of(...)} in a call makes a new list at every call. Copied on write: a list
     * is added once, read at every call.
     */
    private static volatile Map<List<String>, Terms> byIdentity = new IdentityHashMap<>();

    /** The index of this list in each {@link Name#firstTerms}, {@link #NOT_KEPT} for none. */
    private final int id;

    private static final int NOT_KEPT = -1;

    private final List<String> terms;
    private final Set<String> compacts;
    private final Map<List<String>, Integer> byWords = new HashMap<>();
    private final Map<String, Integer> byJoinedWords = new HashMap<>();
    private int mostWords;
    private int longestJoined;

    private Terms(List<String> terms, int id) {
      this.id = id;
      this.terms = terms;
      List<String> compacts = new ArrayList<>();
      for (int i = 0; i < terms.size(); i++) {
        compacts.add(compact(terms.get(i)));
        List<String> termWords = split(terms.get(i));
        if (termWords.isEmpty()) {
          continue;
        }
        String joined = String.join("", termWords);
        byWords.putIfAbsent(termWords, i);
        byJoinedWords.putIfAbsent(joined, i);
        mostWords = Math.max(mostWords, termWords.size());
        longestJoined = Math.max(longestJoined, joined.length());
      }
      this.compacts = Set.copyOf(compacts);
    }

    static Terms of(List<String> list) {
      Terms terms = byIdentity.get(list);
      if (terms == null) {
        terms = BY_TERMS.get(list);
        if (terms == null) {
          terms = prepare(list);
        }
      }
      return terms;
    }

    private static synchronized Terms prepare(List<String> list) {
      Terms terms = BY_TERMS.get(list);
      if (terms != null) {
        return terms;
      }
      // a copy: the caller's list may change later (List.copyOf returns an unmodifiable list as is)
      List<String> copy = List.copyOf(list);
      if (BY_TERMS.size() >= MAX_TERM_LISTS) {
        return new Terms(copy, NOT_KEPT);
      }
      terms = new Terms(copy, BY_TERMS.size());
      BY_TERMS.put(copy, terms);
      if (copy == list) {
        Map<List<String>, Terms> more = new IdentityHashMap<>(byIdentity);
        more.put(list, terms);
        byIdentity = more;
      }
      return terms;
    }

    /** The term earliest in the list that the name contains ({@link #firstIn(List)}), or null. */
    String firstIn(String name) {
      Name known = name == null ? null : known(name);
      if (known == null || id == NOT_KEPT) {
        return firstIn(split(name));
      }
      String[] firstTerms = known.firstTerms;
      String first = id < firstTerms.length ? firstTerms[id] : null;
      if (first == null) {
        first = firstIn(known.words);
        if (first == null) {
          first = NONE;
        }
        if (id >= firstTerms.length) {
          firstTerms = Arrays.copyOf(firstTerms, Math.max(id + 1, BY_TERMS.size()));
          known.firstTerms = firstTerms;
        }
        firstTerms[id] = first;
      }
      return first == NONE ? null : first;
    }

    /**
     * The term earliest in the list that the words contain as a run, or whose joined form a run
     * spells.
     */
    String firstIn(List<String> words) {
      int first = Integer.MAX_VALUE;
      // one builder for every run, and a word alone looked up as itself: a builder and a string
      // per word were 1.2 MB of the 2.9 MB this allocated in a cold Stripe JSON run
      StringBuilder joined = new StringBuilder();
      for (int start = 0; start < words.size(); start++) {
        for (int end = start + 1; end <= words.size() && end - start <= mostWords; end++) {
          first = earlier(first, byWords.get(words.subList(start, end)));
        }
        // a term written as one word ("apikey") also matches its split form ("api_key")
        String word = words.get(start);
        first = earlier(first, byJoinedWords.get(word));
        joined.setLength(0);
        joined.append(word);
        for (int end = start + 1; end < words.size() && joined.length() < longestJoined; end++) {
          joined.append(words.get(end));
          first = earlier(first, byJoinedWords.get(joined.toString()));
        }
      }
      return first == Integer.MAX_VALUE ? null : terms.get(first);
    }

    /** No default value: {@code Integer.MAX_VALUE} boxed is a new object at every call. */
    private static int earlier(int first, Integer index) {
      return index != null && index < first ? index : first;
    }
  }

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
