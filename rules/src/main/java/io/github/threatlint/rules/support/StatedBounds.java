package io.github.threatlint.rules.support;

import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number's bound that its description states in words instead of declaring it: "less equal to 4"
 * (NextGenPSD2's frequencyPerDay), "max. 50", "up to a maximum of 100", "cannot exceed 500", "at
 * least 1", "a positive integer", "between 1 and 31", "Range is 1 to 100", "[0-100]", or a maximum
 * left to an agreement ("unless otherwise agreed bilaterally", "defined by the ASPSP"). The words
 * must be followed by a number: "the maximum number of results", a date, a version or "up to 4
 * decimal places" state no bound. Read sentence by sentence; bounded repetition, linear on any
 * text.
 */
public final class StatedBounds {
  /** A number as descriptions write it: -1, 4, 0.5, 10,000. */
  private static final String NUMBER = "-?\\d{1,15}+(?:[,.]\\d{1,15}+){0,4}+";

  /**
   * After the last number: not a date going on ("2020-11-06") and not a precision ("up to 4dp", "up
   * to 2 decimal places", "10 digits").
   */
  private static final String END =
      "(?!-\\d)(?!\\s{0,2}(?:dp\\b|decimal|digit|character|char\\b|chars\\b|byte|place))";

  /**
   * A comparison word that "no" or "not" in front of it does not turn around ("no less than 5": a
   * minimum); the look behind comes after the word, so that it runs only where the word is.
   */
  private static String notNegated(String words) {
    return "\\b" + words + "(?<!\\b(?:no|not|not be) " + words + ")";
  }

  /** "maximum", "maximum value is", "maximum page size is", "maximum of", "maximum:". */
  private static String extreme(String word) {
    return word + "(?:(?:\\s[a-z]{1,12}){0,2}\\s(?:is|of|=)|\\s?:)?";
  }

  /**
   * "at most 4", "less equal to 4", "cannot exceed 500", "maximum is 1000", "max. 50", "(100 max)".
   */
  private static final Pattern MAXIMUM =
      Pattern.compile(
          "(?:\\bat most|\\bup to(?: a maximum of)?|\\bno more than"
              + "|\\bnot (?:be )?(?:more|greater|larger|higher|bigger) than"
              + "|\\b(?:cannot|can ?not|can't|must not|may not|should not|shall not|does not|do not)"
              + " exceed"
              + "|"
              + notNegated("(?:less|lower|smaller)")
              + "(?: than)?(?: or)?(?: equals?)?(?: to)?"
              + "|\\blimited to|\\bcapped at|"
              + extreme("\\bmaxim(?:um|al)")
              + "|\\bmax\\.?(?: value)?(?: is)?:?|<=?|=<|\u2264)\\s{0,3}"
              + NUMBER
              + END
              + "|\\(\\s?"
              + NUMBER
              + "\\s{1,2}max(?:imum)?\\s?\\)",
          Pattern.CASE_INSENSITIVE);

  /**
   * One of these, in any case, is in every text that {@link #MAXIMUM} matches: a quick test before
   * it, as for {@link #POSITIVE_WORDS}.
   */
  private static final List<String> MAXIMUM_WORDS =
      List.of(
          "max",
          "up to",
          "most",
          "exceed",
          "less",
          "more",
          "<",
          "\u2264",
          "limited to",
          "capped at",
          "greater",
          "larger",
          "higher",
          "bigger",
          "lower",
          "smaller");

  /**
   * "at least 1", "greater or equal to 1", "minimum of 1", "&gt;= 0"; a "&gt;" only where it closes
   * no HTML tag ({@code <p>10</p>}).
   */
  private static final Pattern MINIMUM =
      Pattern.compile(
          "(?:\\bat least|\\bno less than|\\bnot (?:be )?(?:less|lower|smaller|fewer) than|"
              + notNegated("(?:greater|larger|higher|bigger)")
              + "(?: than)?(?: or)?(?: equals?)?(?: to)?|"
              + extreme("\\bminim(?:um|al)")
              + "|\\bmin\\.?(?: value)?(?: is)?:?|(?<![\\w\"'/])>=?|=>|\u2265)\\s{0,3}"
              + NUMBER
              + END,
          Pattern.CASE_INSENSITIVE);

  /** One of these, in any case, is in every text that {@link #MINIMUM} matches. */
  private static final List<String> MINIMUM_WORDS =
      List.of(
          "min", "least", ">", "\u2265", "less", "greater", "larger", "higher", "bigger", "lower",
          "smaller", "fewer");

  /** One of these is in every text that {@link #POSITIVE} matches: a quick test before it. */
  private static final List<String> POSITIVE_WORDS = List.of("positive", "negative");

  /** A minimum in words alone: "must be positive", "a positive integer", "non-negative". */
  private static final Pattern POSITIVE =
      Pattern.compile(
          "\\b(?:must|should|shall) be (?:a )?positive\\b|(?<!non-)\\bpositive"
              + " (?:integer|number|value)|\\bnon-?negative\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Both bounds: "between 1 and 31", "from 0 to 50000", "range 0 to 23", "values 1-12", "[0-100]",
   * "(0, 1]"; the lower one first ("the ActualSkew(3-1)" is a difference, not a range).
   */
  private static final List<Pattern> RANGES =
      List.of(
          range("\\bbetween\\s{1,3}", "\\s{1,3}(?:and|&)\\s{1,3}", END),
          range("\\bfrom\\s{1,3}", "\\s{1,3}(?:to|through|thru)\\s{1,3}", END),
          range(
              "\\b(?:range[sd]?|values?)(?:\\s(?:is|are|of|from))?\\s?:?\\s{1,3}",
              "\\s{0,3}(?:to|-|\u2013|\\.\\.)\\s{0,3}",
              END),
          range("[\\[(]\\s?", "\\s?(?:-|\u2013|\\.\\.|,)\\s?", "\\s?[\\])]"));

  /** One of these, in any case, is in every text that one of {@link #RANGES} matches. */
  private static final List<String> RANGE_WORDS =
      List.of("between", "from", "range", "value", "[", "(");

  private static Pattern range(String before, String between, String after) {
    return Pattern.compile(
        before + "(?<low>" + NUMBER + ")" + between + "(?<high>" + NUMBER + ")" + after,
        Pattern.CASE_INSENSITIVE);
  }

  /** One of these is in every text that {@link #AGREEMENT} matches: a quick test before it. */
  private static final List<String> AGREEMENT_WORDS =
      List.of("bilateral", "agreed", "contract", "aspsp", "bank", "institution", "servicer");

  private static final Pattern AGREEMENT =
      Pattern.compile(
          "\\bbilateral(?:ly)?\\b|\\bagreed (?:with|between|upon|in|by|per)\\b"
              + "|\\b(?:per|by|in the) contract\\b|\\bcontractual(?:ly)?\\b"
              + "|\\b(?:defined|set|configured|determined|specified) (?:by|per|with) (?:the |each )?"
              + "(?:aspsp|bank|account servicer|institution)\\b|\\bper aspsp\\b",
          Pattern.CASE_INSENSITIVE);

  /** The words of a bound in a sentence about an agreement. */
  private static final Pattern BOUND_WORD =
      Pattern.compile(
          "\\bmax|\\blimit|\\bat most\\b|\\bup to\\b|\\bexceed|\\bless\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * A condition up to its comma: "If 'limit' is set greater than 10000, it will be reset" states no
   * minimum, "(if limit is <= 0 or > 1000, the default is used)" no bound.
   */
  private static final Pattern CONDITION =
      Pattern.compile("\\b(?:if|when)\\b[^,;]{0,200}[,;]", Pattern.CASE_INSENSITIVE);

  /** Where one sentence ends and the next begins ("max. 50" goes on: no capital follows). */
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})|\\n\\s*\\n");

  /** A sentence longer than this is quoted by its stating words alone. */
  private static final int QUOTED_SENTENCE = 120;

  private StatedBounds() {}

  /**
   * What the text (null: none) states of the value's maximum, quoted: the sentence that states it,
   * or its stating words when the sentence is long; null when it states none.
   */
  public static String maximum(String text) {
    return stated(text, MAXIMUM, MAXIMUM_WORDS, AGREEMENT, AGREEMENT_WORDS, BOUND_WORD);
  }

  /**
   * What the text (null: none) states of the value's minimum, quoted as {@link #maximum}; or null.
   */
  public static String minimum(String text) {
    return stated(text, MINIMUM, MINIMUM_WORDS, POSITIVE, POSITIVE_WORDS, null);
  }

  /**
   * Whether the words that {@link #maximum} quoted leave the bound to an agreement ("If not
   * otherwise agreed bilaterally ..., less equal to 4"): a bound a standard leaves open on purpose.
   */
  public static boolean leftToAgreement(String quoted) {
    // the words first: Stripe asks of 104 quotes, which name no agreement
    return quoted != null
        && containsAnyInAnyCase(quoted, AGREEMENT_WORDS)
        && AGREEMENT.matcher(quoted).find();
  }

  /**
   * The first sentence that states the bound: with a number ({@code bound} or a range, outside a
   * condition), or in words alone ({@code inWords}, in a sentence that also has {@code alsoNamed}
   * when it is not null: an agreement must name a bound too).
   */
  private static String stated(
      String text,
      Pattern bound,
      List<String> wordsOfBound,
      Pattern inWords,
      List<String> wordsOfInWords,
      Pattern alsoNamed) {
    if (text == null) {
      return null;
    }
    // most descriptions have no number with the words of a bound or a range, and not the words of
    // a bound in words: tested once, without an expression, since in a cold run an expression's
    // first reads run interpreted (Stripe: of 97 texts read, 29 have a number, and of those 10 the
    // words of the bound, 25 of a range)
    boolean numbers = hasDigit(text);
    boolean bounds = numbers && containsAnyInAnyCase(text, wordsOfBound);
    boolean ranges = numbers && containsAnyInAnyCase(text, RANGE_WORDS);
    boolean words = containsAnyInAnyCase(text, wordsOfInWords);
    if (!bounds && !ranges && !words) {
      return null;
    }
    for (String sentence : SENTENCE_END.split(text)) {
      if ((bounds || ranges) && hasDigit(sentence)) {
        String stating = CONDITION.matcher(sentence).replaceAll(" ");
        Matcher matcher = bounds ? bound.matcher(stating) : null;
        if (matcher != null && matcher.find()) {
          return quote(sentence, matcher.group());
        }
        String range = ranges ? range(stating) : null;
        if (range != null) {
          return quote(sentence, range);
        }
      }
      Matcher matcher = words ? inWords.matcher(sentence) : null;
      if (matcher != null
          && matcher.find()
          && (alsoNamed == null || alsoNamed.matcher(sentence).find())) {
        return quote(sentence, matcher.group());
      }
    }
    return null;
  }

  /** The first range of {@link #RANGES} in the text whose lower bound comes first, or null. */
  private static String range(String text) {
    for (Pattern range : RANGES) {
      Matcher pair = range.matcher(text);
      while (pair.find()) {
        if (value(pair.group("low")) < value(pair.group("high"))) {
          return pair.group();
        }
      }
    }
    return null;
  }

  /** The value of a number as {@link #NUMBER} reads it, its commas taken for thousands. */
  private static double value(String number) {
    try {
      return Double.parseDouble(number.replace(",", ""));
    } catch (NumberFormatException e) {
      return Double.NaN; // 1.3.8, a version: compares as no range
    }
  }

  private static boolean containsAnyInAnyCase(String text, List<String> phrases) {
    for (String phrase : phrases) {
      if (Words.containsInAnyCase(text, phrase)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static String quote(String sentence, String words) {
    String whole = Words.collapseWhiteSpace(sentence.strip());
    if (whole.endsWith(".")) {
      whole = whole.substring(0, whole.length() - 1);
    }
    return whole.length() <= QUOTED_SENTENCE ? whole : Words.collapseWhiteSpace(words.strip());
  }
}
