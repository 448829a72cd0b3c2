package io.github.threatlint.rules.doc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of swagger-parser's structural messages, {@code attribute PATH is VERB}: what is
 * wrong ({@code kind}), where as a dotted path ({@code paths.'/pets'(get).responses}), the key the
 * path ends with, and for a wrong type the type expected. Other messages (warnings in prose) are
 * not read here.
 *
 * @param path the dotted path, a key repeated at its end ({@code x.type.type}) written once
 * @param key the last segment of the path: the field the message is about
 * @param expectedType for {@link Kind#WRONG_TYPE}, the type swagger-parser expected; else null
 */
record ParserMessage(Kind kind, String path, String key, String expectedType) {
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "attribute (.*) is (unexpected|missing|unsupported|repeated|reserved by The OpenAPI Initiative|not of type `([^`]*)`)",
          Pattern.DOTALL);

  enum Kind {
    UNEXPECTED,
    WRONG_TYPE,
    MISSING,
    UNSUPPORTED,
    REPEATED,
    RESERVED
  }

  /** The message read, or null when it is no {@code attribute ... is ...} message. */
  static ParserMessage parse(String text) {
    Matcher attribute = ATTRIBUTE.matcher(text);
    if (!attribute.matches()) {
      return null;
    }
    String path = attribute.group(1);
    String verb = attribute.group(2);
    Kind kind =
        verb.startsWith("not of type")
            ? Kind.WRONG_TYPE
            : switch (verb) {
              case "unexpected" -> Kind.UNEXPECTED;
              case "missing" -> Kind.MISSING;
              case "unsupported" -> Kind.UNSUPPORTED;
              case "repeated" -> Kind.REPEATED;
              default -> Kind.RESERVED;
            };
    String key = lastSegment(path);
    return new ParserMessage(kind, collapseRepeatedKey(path, key), key, attribute.group(3));
  }

  /**
   * The key a dotted path ends with: the text after its last dot outside quotes, brackets and
   * parentheses.
   */
  static String lastSegment(String path) {
    int depth = 0;
    boolean quoted = false;
    for (int i = path.length() - 1; i >= 0; i--) {
      char c = path.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == ']' || c == ')')) {
        depth++;
      } else if (!quoted && (c == '[' || c == '(')) {
        depth--;
      } else if (!quoted && depth == 0 && c == '.') {
        return path.substring(i + 1);
      }
    }
    return path;
  }

  /**
   * {@code ...x.type.type}: some messages repeat the key after a location that already ends with
   * it.
   */
  private static String collapseRepeatedKey(String path, String key) {
    String doubled = "." + key + "." + key;
    return path.endsWith(doubled) ? path.substring(0, path.length() - key.length() - 1) : path;
  }
}
