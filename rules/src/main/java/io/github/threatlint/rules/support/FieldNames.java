package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a field name names a value of some kind (a password, a URL, an e-mail address) rather
 * than something about it: {@code passwordPolicy}, {@code pinLength}, {@code emailVerified} and
 * {@code callbackId} are about the value, and their last word says so.
 */
public final class FieldNames {
  /** Last words that make a name describe a value instead of holding it. */
  public static final Set<String> DESCRIPTIVE_LAST_WORDS =
      Set.of(
          "hint",
          "hints",
          "policy",
          "policies",
          "length",
          "expiry",
          "expires",
          "expiration",
          "set",
          "required",
          "enabled",
          "disabled",
          "changed",
          "change",
          "status",
          "state",
          "type",
          "types",
          "id",
          "ids",
          "name",
          "names",
          "count",
          "attempts",
          "retries",
          "tries",
          "reset",
          "rule",
          "rules",
          "strength",
          "format",
          "history",
          "updated",
          "created",
          "date",
          "at",
          "on",
          "time",
          "timestamp",
          "version",
          "label",
          "description",
          "question",
          "questions",
          "mask",
          "masked",
          "present",
          "exists",
          "verified",
          "validated",
          "method",
          "methods",
          "mode",
          "flag",
          "option",
          "options",
          "setting",
          "settings",
          "template",
          "supported",
          "allowed",
          "locked",
          "blocked",
          "expired",
          "valid",
          "validity",
          "configured",
          "ref",
          "reference",
          "key",
          "frequency",
          "days",
          "hours",
          "minutes",
          "seconds",
          "period",
          "interval",
          "duration",
          "characters",
          "chars",
          "limit",
          "limits",
          "lifetime",
          "ttl",
          "age",
          "complexity",
          "rotation",
          "min",
          "max",
          "minimum",
          "maximum",
          "salt",
          "level",
          "score",
          "algorithm",
          "provider",
          "source",
          "storage",
          "location",
          "path",
          "arn",
          "title",
          "check",
          "checks",
          "match",
          "collection",
          "prefix",
          "subject",
          "message");

  /**
   * First words that make a name a setting or a question about a value: hasPassword,
   * requireAddress.
   */
  public static final Set<String> DESCRIPTIVE_FIRST_WORDS =
      Set.of(
          "is",
          "has",
          "have",
          "require",
          "requires",
          "allow",
          "allows",
          "enable",
          "enabled",
          "disable",
          "show",
          "hide",
          "include",
          "use",
          "can",
          "should",
          "need",
          "needs",
          "verify",
          "validate",
          "send",
          "ask",
          "collect",
          "display",
          // where to go for the value, not the value: urlForgotPassword, linkResetPin
          "url",
          "uri",
          "link",
          "href");

  /**
   * Words anywhere in a name that say the value is protected: an encrypted private key is not the
   * key.
   */
  public static final Set<String> PROTECTED_WORDS =
      Set.of("ciphertext", "encrypted", "masked", "obfuscated", "redacted");

  /**
   * Names of hypermedia links ({@code _links}, {@code Links}, a {@code Link} schema): where the API
   * links to.
   */
  private static final List<String> HYPERMEDIA = List.of("_links", "links", "link");

  private FieldNames() {}

  /**
   * True when the name (a property's, or a schema definition's) is that of hypermedia links: what
   * they point to is named after data (an address link), but they hold URLs the API itself returns.
   */
  public static boolean isHypermedia(String name) {
    return name != null && Words.isAny(name, HYPERMEDIA);
  }

  /**
   * The term (of {@code terms}) the name holds a value of, or null: the name contains the term as
   * whole words and its last word is not a descriptive one (unless that word is part of the term).
   */
  public static String valueTerm(String name, List<String> terms) {
    String term = Words.matchingTerm(name, terms);
    if (term == null) {
      return null;
    }
    List<String> words = Words.split(name);
    List<String> termWords = Words.split(term);
    String last = words.get(words.size() - 1);
    if (DESCRIPTIVE_LAST_WORDS.contains(last) && !termWords.contains(last)) {
      return null;
    }
    if (words.size() > termWords.size()
        && DESCRIPTIVE_FIRST_WORDS.contains(words.get(0))
        && !termWords.contains(words.get(0))) {
      return null;
    }
    for (String word : words) {
      if (PROTECTED_WORDS.contains(word)) {
        return null;
      }
    }
    return term;
  }

  /**
   * Words that may follow the term in a name whose value is still the thing itself:
   * passwordConfirmation, secretString.
   */
  public static final Set<String> VALUE_SUFFIXES =
      Set.of(
          "value",
          "text",
          "string",
          "raw",
          "plain",
          "plaintext",
          "clear",
          "cleartext",
          "encoded",
          "base64",
          "b64",
          "pem",
          "der",
          "binary",
          "data",
          "confirmation",
          "confirm",
          "repeat",
          "again",
          "retype",
          "new",
          "old",
          "current");

  /**
   * The term the name ends with, or null: in a compound name the last words say what the value is,
   * so {@code clientSecret}, {@code new_password} and {@code passwordConfirmation} hold secrets
   * while {@code secretScanningAlerts}, {@code pinSupport} and {@code passwordHash} do not. Words
   * of {@link #VALUE_SUFFIXES} may follow the term; a name starting like {@code hasPassword} is a
   * flag.
   */
  public static String endingTerm(String name, List<String> terms) {
    return endingTerm(name, terms, wordsOf(terms));
  }

  /** The words of each term ({@link Words#split}), in the terms' order. */
  private static List<List<String>> wordsOf(List<String> terms) {
    List<List<String>> words = new ArrayList<>(terms.size());
    for (String term : terms) {
      words.add(Words.split(term));
    }
    return words;
  }

  /** {@link #endingTerm(String, List)} with the words of each term split already. */
  private static String endingTerm(
      String name, List<String> terms, List<List<String>> wordsOfTerms) {
    List<String> words = Words.split(name);
    for (String word : words) {
      if (PROTECTED_WORDS.contains(word)) {
        return null;
      }
    }
    int end = words.size();
    while (end > 0 && VALUE_SUFFIXES.contains(words.get(end - 1))) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    List<String> head = words.subList(0, end);
    for (int i = 0; i < terms.size(); i++) {
      List<String> termWords = wordsOfTerms.get(i);
      boolean matches = endsWith(head, termWords) || endsJoined(head, termWords);
      if (matches) {
        int termStart = head.size() - termWords.size();
        boolean flag = termStart > 0 && DESCRIPTIVE_FIRST_WORDS.contains(words.get(0));
        return flag ? null : terms.get(i);
      }
    }
    return null;
  }

  /**
   * {@link #endingTerm} for one list of terms, remembered per name: a rule asks about the same
   * property names ({@code id}, {@code url}, {@code name}) in every schema of a large document. One
   * per rule instance, made once the rule's options are set.
   */
  public static final class EndingTerms {
    private final List<String> terms;

    /**
     * The words of each term, split once: each new name is matched against every term, and each
     * term's words were looked up again for it.
     */
    private final List<List<String>> wordsOfTerms;

    private final Map<String, String> known = new HashMap<>();

    public EndingTerms(List<String> terms) {
      this.terms = terms;
      this.wordsOfTerms = wordsOf(terms);
    }

    /** The term the name ends with, or null. */
    public String of(String name) {
      String term = known.get(name);
      if (term == null && !known.containsKey(name)) {
        term = endingTerm(name, terms, wordsOfTerms);
        known.put(name, term);
      }
      return term;
    }
  }

  /**
   * True when the last words of {@code head} are the term's words (at least one), compared in
   * place: this runs for every new name and every term, and a sublist and its iterator per term
   * were most of what the search allocated.
   */
  private static boolean endsWith(List<String> head, List<String> termWords) {
    int offset = head.size() - termWords.size();
    if (termWords.isEmpty() || offset < 0) {
      return false;
    }
    for (int i = 0; i < termWords.size(); i++) {
      if (!head.get(offset + i).equals(termWords.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when the last words of {@code head}, written together, are the term's words written
   * together: a term written as one word ("apikey") also ends "api_key". The strings are joined
   * only when their lengths agree, which is rare: this runs for every property name and every term.
   */
  private static boolean endsJoined(List<String> head, List<String> termWords) {
    int termLength = 0;
    for (int i = 0; i < termWords.size(); i++) {
      termLength += termWords.get(i).length();
    }
    int start = head.size();
    int length = 0;
    while (start > 0 && length < termLength) {
      start--;
      length += head.get(start).length();
    }
    return length == termLength
        && start < head.size()
        && String.join("", head.subList(start, head.size())).equals(String.join("", termWords));
  }

  /**
   * True when the property can hold a text or number value: not a boolean, object or array, and not
   * a date or time (a {@code passwordChangedAt} holds a date, not a password). Without a document,
   * references are not followed.
   */
  public static boolean holdsScalar(ApiDocument document, NodeRef property) {
    NodeRef schema = document == null ? property : document.deref(property);
    if (schema == null || !schema.isObject()) {
      return true;
    }
    Set<String> types = Schemas.valueTypes(schema);
    if (types.contains("boolean") || types.contains("object") || types.contains("array")) {
      return false;
    }
    if (types.isEmpty() && (schema.has("properties") || schema.has("items"))) {
      return false;
    }
    String format = Schemas.format(schema);
    return !("date".equals(format) || "date-time".equals(format) || "time".equals(format));
  }

  /** True when the property (followed through a reference) is an integer or a number. */
  public static boolean isNumeric(ApiDocument document, NodeRef property) {
    NodeRef schema = document == null ? property : document.deref(property);
    return schema != null && Schemas.isNumeric(schema);
  }
}
