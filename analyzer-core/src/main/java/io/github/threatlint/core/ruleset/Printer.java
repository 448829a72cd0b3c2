package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Spectral's message text: {@code printValue} (strings in double quotes, objects as {@code
 * Object{}}, arrays as {@code Array[]}) and the templates {@code {{error}}}, {@code
 * {{description}}}, {@code {{path}}}, {@code {{property}}}, {@code {{value}}} with {@code
 * #{{print("property")}}} and {@code #{{print("value")}}}.
 */
final class Printer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Printer() {}

  /** A value as Spectral prints it in messages. */
  static String printValue(Object value) {
    if (value == FilterExpression.UNDEFINED) {
      return "undefined";
    }
    if (value instanceof Place place) {
      return place.keyOnly() ? json(place.property()) : printValue(place.node().node());
    }
    if (value instanceof JsonNode node) {
      if (node.isArray()) {
        return "Array[]";
      }
      if (node.isObject()) {
        return "Object{}";
      }
      if (node.isNumber()) {
        return FilterExpression.text(node.doubleValue());
      }
      return json(node);
    }
    if (value instanceof Double d) {
      return FilterExpression.text(d);
    }
    if (value instanceof List<?>) {
      return "Array[]";
    }
    return json(value);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }

  /**
   * Fills a template: {@code {{name}}} with the variable's text, {@code #{{print("name")}}} as
   * Spectral prints it ({@code "name" property } for a property, printValue for a value). Unknown
   * names are left empty, as in Spectral.
   */
  static String render(String template, Map<String, Object> vars) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf("{{", at);
      if (open < 0) {
        out.append(template, at, template.length());
        break;
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        out.append(template, at, template.length());
        break;
      }
      boolean hash = open > 0 && template.charAt(open - 1) == '#';
      out.append(template, at, hash ? open - 1 : open);
      String expression = template.substring(open + 2, close).strip();
      if (hash && expression.startsWith("print(") && expression.endsWith(")")) {
        String name =
            expression
                .substring(6, expression.length() - 1)
                .replace("\"", "")
                .replace("'", "")
                .strip();
        out.append(print(name, vars.get(name)));
      } else if (hash) {
        out.append(""); // other JavaScript in templates is not run
      } else {
        Object value = vars.get(expression);
        out.append(
            value == null
                ? ""
                : expression.equals("value") ? printValue(value) : String.valueOf(value));
      }
      at = close + 2;
    }
    return out.toString();
  }

  private static String print(String name, Object value) {
    if (name.equals("property")) {
      String property = value == null ? "" : String.valueOf(value);
      return property.isEmpty() ? "" : "\"" + property + "\" property ";
    }
    if (name.equals("value")) {
      return value == null ? "" : printValue(value);
    }
    return value == null ? "" : String.valueOf(value);
  }
}
