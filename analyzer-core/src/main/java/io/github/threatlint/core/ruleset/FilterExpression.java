package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The expression of a JSONPath filter {@code [?(...)]}: the small part of JavaScript that rulesets
 * write there, read and evaluated here without any script engine. It knows {@code @} (the node
 * tested), {@code @property}, {@code @parentProperty}, {@code @path}, {@code @parent}, {@code
 * @root}; member access {@code .name} and {@code [expr]}; string, number, boolean, {@code null},
 * {@code undefined}, array and {@code /regex/flags} literals; {@code == === != !== < <= > >=},
 * {@code && || !}, {@code in}, {@code typeof}; and the methods {@code match}, {@code test}, {@code
 * includes}, {@code startsWith}, {@code endsWith}, {@code indexOf}, {@code toLowerCase}, {@code
 * toUpperCase} and the property {@code length}. Anything else is refused when the ruleset is read.
 */
final class FilterExpression {
  /** JavaScript's {@code undefined}; Java's null stands for JavaScript's {@code null}. */
  static final Object UNDEFINED = new Object();

  private final Node root;

  private FilterExpression(Node root) {
    this.root = root;
  }

  static FilterExpression compile(String text) {
    return new FilterExpression(new Parser(text).parse());
  }

  /** True when the expression is truthy (as JavaScript judges) for {@code place}. */
  boolean test(DocumentView view, Place place) {
    return truthy(root.eval(new Scope(view, place)));
  }

  /**
   * The index of the ')' that closes the '(' at {@code open}, skipping quoted strings and escaped
   * characters; -1 when there is none.
   */
  static int endOfParenthesis(String text, int open) {
    int depth = 0;
    char quote = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private record Scope(DocumentView view, Place current) {}

  @FunctionalInterface
  private interface Node {
    Object eval(Scope scope);
  }

  // ------------------------------------------------------------------ values

  /** A place's value: containers stay places (so members follow references), scalars are Java. */
  static Object valueOf(Place place) {
    if (place == null) {
      return UNDEFINED;
    }
    if (place.keyOnly()) {
      return place.property();
    }
    JsonNode node = place.node().node();
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNull() || node.isMissingNode()) {
      return null;
    }
    return place;
  }

  static boolean truthy(Object value) {
    if (value == null || value == UNDEFINED) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Double d) {
      return d != 0 && !d.isNaN();
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    return true;
  }

  private static Object member(Scope scope, Object base, Object key) {
    if (base instanceof Place place) {
      JsonNode node = place.node().node();
      if (node.isArray() && "length".equals(key)) {
        return (double) node.size();
      }
      Object childKey = key;
      if (node.isArray() && key instanceof Double d && d == Math.rint(d)) {
        childKey = d.intValue();
      } else if (node.isObject() && !(key instanceof String)) {
        childKey = text(key);
      }
      if (childKey instanceof Integer || childKey instanceof String) {
        return valueOf(scope.view().child(place, childKey));
      }
      return UNDEFINED;
    }
    if (base instanceof String s && "length".equals(key)) {
      return (double) s.length();
    }
    if (base instanceof String s
        && key instanceof Double d
        && d >= 0
        && d < s.length()
        && d == Math.rint(d)) {
      return String.valueOf(s.charAt(d.intValue()));
    }
    if (base instanceof List<?> list) {
      if ("length".equals(key)) {
        return (double) list.size();
      }
      if (key instanceof Double d && d >= 0 && d < list.size() && d == Math.rint(d)) {
        return list.get(d.intValue());
      }
    }
    return UNDEFINED;
  }

  private static Object call(Scope scope, Object base, String method, List<Object> args) {
    Object arg = args.isEmpty() ? UNDEFINED : args.get(0);
    if (base instanceof String s) {
      switch (method) {
        case "match":
          return arg instanceof Pattern p
              ? (p.matcher(s).find() ? Boolean.TRUE : null)
              : Pattern.compile(text(arg)).matcher(s).find() ? Boolean.TRUE : null;
        case "includes":
          return s.contains(text(arg));
        case "startsWith":
          return s.startsWith(text(arg));
        case "endsWith":
          return s.endsWith(text(arg));
        case "indexOf":
          return (double) s.indexOf(text(arg));
        case "toLowerCase":
          return s.toLowerCase(java.util.Locale.ROOT);
        case "toUpperCase":
          return s.toUpperCase(java.util.Locale.ROOT);
        default:
          return UNDEFINED;
      }
    }
    if (base instanceof Pattern p && method.equals("test")) {
      return arg != UNDEFINED && p.matcher(text(arg)).find();
    }
    List<Object> elements = elements(scope, base);
    if (elements != null && (method.equals("includes") || method.equals("indexOf"))) {
      int index = -1;
      for (int i = 0; i < elements.size(); i++) {
        if (strictEquals(elements.get(i), arg)) {
          index = i;
          break;
        }
      }
      return method.equals("includes") ? (Object) (index >= 0) : (Object) (double) index;
    }
    return UNDEFINED;
  }

  /** The elements of an array value (a literal or an array of the document), else null. */
  private static List<Object> elements(Scope scope, Object value) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof Place place && place.node().node().isArray()) {
      List<Object> values = new ArrayList<>();
      for (Place child : scope.view().children(place)) {
        values.add(valueOf(child));
      }
      return values;
    }
    return null;
  }

  static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() ? String.valueOf(d.longValue()) : d.toString();
    }
    if (value instanceof Place place) {
      return place.node().node().isArray() ? "" : "[object Object]";
    }
    return String.valueOf(value);
  }

  static boolean strictEquals(Object a, Object b) {
    if (a instanceof Place pa && b instanceof Place pb) {
      return pa.node().node() == pb.node().node();
    }
    return Objects.equals(a, b);
  }

  private static boolean looseEquals(Object a, Object b) {
    if ((a == null || a == UNDEFINED) && (b == null || b == UNDEFINED)) {
      return true;
    }
    if (a instanceof Double && b instanceof String s) {
      return a.equals(number(s));
    }
    if (a instanceof String s && b instanceof Double) {
      return b.equals(number(s));
    }
    return strictEquals(a, b);
  }

  private static Double number(String s) {
    try {
      return s.isBlank() ? 0.0 : Double.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean compare(String op, Object a, Object b) {
    int order;
    if (a instanceof String sa && b instanceof String sb) {
      order = sa.compareTo(sb);
    } else {
      double da = a instanceof Double d ? d : a instanceof String s ? number(s) : Double.NaN;
      double db = b instanceof Double d ? d : b instanceof String s ? number(s) : Double.NaN;
      if (Double.isNaN(da) || Double.isNaN(db)) {
        return false;
      }
      order = Double.compare(da, db);
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static String typeOf(Object value) {
    if (value == UNDEFINED) {
      return "undefined";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Double) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "object";
  }

  // ------------------------------------------------------------------ parsing

  private static final class Parser {
    private final List<Token> tokens;
    private int at;

    Parser(String text) {
      this.tokens = Lexer.tokens(text);
    }

    Node parse() {
      Node node = or();
      if (at < tokens.size()) {
        throw new IllegalArgumentException("unexpected '" + tokens.get(at).text + "'");
      }
      return node;
    }

    private boolean accept(String text) {
      if (at < tokens.size()
          && tokens.get(at).kind == Kind.SYMBOL
          && tokens.get(at).text.equals(text)) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(String text) {
      if (!accept(text)) {
        throw new IllegalArgumentException(
            "'"
                + text
                + "' expected"
                + (at < tokens.size() ? " at '" + tokens.get(at).text + "'" : ""));
      }
    }

    private Node or() {
      Node left = and();
      while (accept("||")) {
        Node l = left;
        Node r = and();
        left =
            s -> {
              Object value = l.eval(s);
              return truthy(value) ? value : r.eval(s);
            };
      }
      return left;
    }

    private Node and() {
      Node left = equality();
      while (accept("&&")) {
        Node l = left;
        Node r = equality();
        left =
            s -> {
              Object value = l.eval(s);
              return truthy(value) ? r.eval(s) : value;
            };
      }
      return left;
    }

    private Node equality() {
      Node left = relational();
      while (true) {
        Node l = left;
        if (accept("===")) {
          Node r = relational();
          left = s -> strictEquals(l.eval(s), r.eval(s));
        } else if (accept("!==")) {
          Node r = relational();
          left = s -> !strictEquals(l.eval(s), r.eval(s));
        } else if (accept("==")) {
          Node r = relational();
          left = s -> looseEquals(l.eval(s), r.eval(s));
        } else if (accept("!=")) {
          Node r = relational();
          left = s -> !looseEquals(l.eval(s), r.eval(s));
        } else {
          return left;
        }
      }
    }

    private Node relational() {
      Node left = unary();
      while (true) {
        Node l = left;
        String op = null;
        for (String candidate : List.of("<=", ">=", "<", ">", "in")) {
          if (accept(candidate)) {
            op = candidate;
            break;
          }
        }
        if (op == null) {
          return left;
        }
        Node r = unary();
        String operator = op;
        left =
            operator.equals("in")
                ? s -> {
                  Object container = r.eval(s);
                  Object key = l.eval(s);
                  return container instanceof Place place
                      && (place.node().node().isObject()
                          ? place.node().node().has(text(key))
                          : member(s, place, key instanceof String t ? number(t) : key)
                              != UNDEFINED);
                }
                : s -> compare(operator, l.eval(s), r.eval(s));
      }
    }

    private Node unary() {
      if (accept("!")) {
        Node operand = unary();
        return s -> !truthy(operand.eval(s));
      }
      if (accept("typeof")) {
        Node operand = unary();
        return s -> typeOf(operand.eval(s));
      }
      if (accept("-")) {
        Node operand = unary();
        return s -> operand.eval(s) instanceof Double d ? -d : Double.NaN;
      }
      return postfix();
    }

    private Node postfix() {
      Node node = primary();
      while (true) {
        Node base = node;
        if (accept(".")) {
          Token name = next();
          boolean word =
              name.kind == Kind.NAME || name.text.equals("in") || name.text.equals("typeof");
          if (!word) {
            throw new IllegalArgumentException(
                "a name expected after '.', not '" + name.text + "'");
          }
          if (accept("(")) {
            List<Node> args = arguments();
            checkMethod(name.text);
            node =
                s -> {
                  List<Object> values = new ArrayList<>();
                  for (Node arg : args) {
                    values.add(arg.eval(s));
                  }
                  return call(s, base.eval(s), name.text, values);
                };
          } else {
            node = s -> member(s, base.eval(s), name.text);
          }
        } else if (accept("[")) {
          Node key = or();
          expect("]");
          node = s -> member(s, base.eval(s), key.eval(s));
        } else {
          return node;
        }
      }
    }

    private static final List<String> METHODS =
        List.of(
            "match",
            "test",
            "includes",
            "startsWith",
            "endsWith",
            "indexOf",
            "toLowerCase",
            "toUpperCase");

    private static void checkMethod(String name) {
      if (!METHODS.contains(name)) {
        throw new IllegalArgumentException(
            "the method "
                + name
                + "() is not supported; filters may call "
                + String.join(", ", METHODS));
      }
    }

    private List<Node> arguments() {
      List<Node> args = new ArrayList<>();
      if (accept(")")) {
        return args;
      }
      do {
        args.add(or());
      } while (accept(","));
      expect(")");
      return args;
    }

    private Token next() {
      if (at >= tokens.size()) {
        throw new IllegalArgumentException("the expression ends too early");
      }
      return tokens.get(at++);
    }

    private Node primary() {
      Token token = next();
      switch (token.kind) {
        case STRING:
          return s -> token.text;
        case NUMBER:
          {
            Double value = Double.valueOf(token.text);
            return s -> value;
          }
        case REGEX:
          {
            Pattern pattern = token.pattern;
            return s -> pattern;
          }
        case SYMBOL:
          if (token.text.equals("(")) {
            Node inner = or();
            expect(")");
            return inner;
          }
          if (token.text.equals("[")) {
            List<Node> elements = new ArrayList<>();
            if (!accept("]")) {
              do {
                elements.add(or());
              } while (accept(","));
              expect("]");
            }
            return s -> {
              List<Object> values = new ArrayList<>();
              for (Node element : elements) {
                values.add(element.eval(s));
              }
              return values;
            };
          }
          throw new IllegalArgumentException("unexpected '" + token.text + "'");
        default:
          return name(token.text);
      }
    }

    private static Node name(String name) {
      switch (name) {
        case "@":
          return s -> valueOf(s.current());
        case "@property":
          return s ->
              s.current().key() instanceof Integer i ? (Object) (double) i : s.current().property();
        case "@parentProperty":
          return s ->
              s.current().parent() == null || s.current().parent().key() == null
                  ? UNDEFINED
                  : s.current().parent().key() instanceof Integer i
                      ? (Object) (double) i
                      : s.current().parent().property();
        case "@path":
          return s -> s.current().pathString();
        case "@parent":
          return s -> s.current().parent() == null ? UNDEFINED : valueOf(s.current().parent());
        case "@root":
        case "$":
          return s -> valueOf(s.view().root());
        case "true":
          return s -> Boolean.TRUE;
        case "false":
          return s -> Boolean.FALSE;
        case "null":
          return s -> null;
        case "undefined":
          return s -> UNDEFINED;
        default:
          throw new IllegalArgumentException(
              "'"
                  + name
                  + "' is not supported (filters read @, @property, @parentProperty, @path, @parent, @root and literals)");
      }
    }
  }

  private enum Kind {
    NAME,
    STRING,
    NUMBER,
    REGEX,
    SYMBOL
  }

  private record Token(Kind kind, String text, Pattern pattern) {}

  /** Splits an expression into tokens; a '/' where a value is expected starts a regex literal. */
  private static final class Lexer {
    private static final List<String> SYMBOLS =
        List.of(
            "===", "!==", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]",
            ",", ".", "-");

    static List<Token> tokens(String text) {
      List<Token> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '\'' || c == '"') {
          StringBuilder value = new StringBuilder();
          int j = i + 1;
          while (j < text.length() && text.charAt(j) != c) {
            if (text.charAt(j) == '\\' && j + 1 < text.length()) {
              j++;
            }
            value.append(text.charAt(j++));
          }
          if (j >= text.length()) {
            throw new IllegalArgumentException(
                "the string " + text.substring(i) + " is not closed");
          }
          tokens.add(new Token(Kind.STRING, value.toString(), null));
          i = j + 1;
        } else if (Character.isDigit(c)) {
          int j = i;
          while (j < text.length()
              && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
            j++;
          }
          tokens.add(new Token(Kind.NUMBER, text.substring(i, j), null));
          i = j;
        } else if (c == '/' && expectsValue(tokens)) {
          int j = i + 1;
          boolean inClass = false;
          while (j < text.length() && (text.charAt(j) != '/' || inClass)) {
            char r = text.charAt(j);
            if (r == '\\') {
              j++;
            } else if (r == '[') {
              inClass = true;
            } else if (r == ']') {
              inClass = false;
            }
            j++;
          }
          if (j >= text.length()) {
            throw new IllegalArgumentException(
                "the regular expression " + text.substring(i) + " is not closed");
          }
          int k = j + 1;
          while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
          }
          tokens.add(
              new Token(
                  Kind.REGEX,
                  text.substring(i, k),
                  JsRegex.compile(text.substring(i + 1, j), text.substring(j + 1, k))));
          i = k;
        } else if (c == '@' || c == '$' || Character.isLetter(c) || c == '_') {
          int j = i + 1;
          while (j < text.length()
              && (Character.isLetterOrDigit(text.charAt(j))
                  || text.charAt(j) == '_'
                  || text.charAt(j) == '$')) {
            j++;
          }
          String name = text.substring(i, j);
          tokens.add(
              new Token(
                  name.equals("in") || name.equals("typeof") ? Kind.SYMBOL : Kind.NAME,
                  name,
                  null));
          i = j;
        } else {
          String symbol = null;
          for (String candidate : SYMBOLS) {
            if (text.startsWith(candidate, i)) {
              symbol = candidate;
              break;
            }
          }
          if (symbol == null) {
            throw new IllegalArgumentException("'" + c + "' is not supported");
          }
          tokens.add(new Token(Kind.SYMBOL, symbol, null));
          i += symbol.length();
        }
      }
      return tokens;
    }

    private static boolean expectsValue(List<Token> tokens) {
      if (tokens.isEmpty()) {
        return true;
      }
      Token last = tokens.get(tokens.size() - 1);
      return last.kind == Kind.SYMBOL && !last.text.equals(")") && !last.text.equals("]");
    }
  }
}
