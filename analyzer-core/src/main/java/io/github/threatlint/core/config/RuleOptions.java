package io.github.threatlint.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.text.OutputText;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of rules as configuration and documentation see them: their names, types, defaults
 * and descriptions from the {@link RuleOption} annotations, and the conversion of a configured
 * value (a JSON or YAML node) to the field's type. The CLI, the Maven plugin and the generated
 * documentation all go through here, so they agree on what an option accepts.
 */
public final class RuleOptions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleOptions() {}

  /** One option of one rule, for documentation. {@code defaultValue} is written as JSON. */
  public record OptionDoc(
      String ruleId, String name, String type, String defaultValue, String description) {}

  /** The options of a rule in declaration order. */
  public static List<OptionDoc> describe(RuleDescriptor rule) {
    List<OptionDoc> docs = new ArrayList<>();
    for (Field option : rule.options()) {
      docs.add(
          new OptionDoc(
              rule.id(),
              option.getName(),
              RuleDescriptor.typeName(option),
              toJson(rule.defaultValue(option)),
              rule.optionDescription(option)));
    }
    return docs;
  }

  /** A Markdown table of the options of all the given rules; rules without options are left out. */
  public static String markdownTable(List<RuleDescriptor> rules) {
    StringBuilder md = new StringBuilder();
    md.append("| rule | option | type | default | meaning |\n");
    md.append("|---|---|---|---|---|\n");
    for (RuleDescriptor rule : rules) {
      for (OptionDoc option : describe(rule)) {
        md.append("| `")
            .append(option.ruleId())
            .append("` | `")
            .append(option.name())
            .append("` | ")
            .append(option.type())
            .append(" | `")
            .append(option.defaultValue())
            .append("` | ")
            .append(OutputText.markdownCell(option.description()))
            .append(" |\n");
      }
    }
    return md.toString();
  }

  /** A configured value converted to the option's type, or the problem that prevents it. */
  public record Converted(Object value, String problem) {
    static Converted ok(Object value) {
      return new Converted(value, null);
    }

    static Converted wrong(Field option, String ruleId, JsonNode value) {
      return new Converted(
          null,
          "option '"
              + option.getName()
              + "' of rule "
              + ruleId
              + " takes "
              + article(RuleDescriptor.typeName(option))
              + ", not "
              + describeValue(value));
    }
  }

  /**
   * Converts a configured value to the type of the option's field: boolean, integer (int), number
   * (double), string, or list of strings. Nothing is coerced: {@code "true"} is not a boolean and a
   * single string is not a list.
   */
  public static Converted convert(String ruleId, Field option, JsonNode value) {
    Class<?> type = option.getType();
    if (type == boolean.class) {
      return value.isBoolean()
          ? Converted.ok(value.booleanValue())
          : Converted.wrong(option, ruleId, value);
    }
    if (type == int.class) {
      return value.isIntegralNumber() && value.canConvertToInt()
          ? Converted.ok(value.intValue())
          : Converted.wrong(option, ruleId, value);
    }
    if (type == double.class) {
      return value.isNumber()
          ? Converted.ok(value.doubleValue())
          : Converted.wrong(option, ruleId, value);
    }
    if (type == String.class) {
      return value.isTextual()
          ? Converted.ok(value.textValue())
          : Converted.wrong(option, ruleId, value);
    }
    if (List.class.isAssignableFrom(type)) {
      if (!value.isArray()) {
        return Converted.wrong(option, ruleId, value);
      }
      List<String> list = new ArrayList<>();
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          return new Converted(
              null,
              "option '"
                  + option.getName()
                  + "' of rule "
                  + ruleId
                  + " takes a list of strings, but an element is "
                  + describeValue(element));
        }
        list.add(element.textValue());
      }
      return Converted.ok(List.copyOf(list));
    }
    return new Converted(
        null,
        "option '"
            + option.getName()
            + "' of rule "
            + ruleId
            + " has the unsupported type "
            + type.getSimpleName());
  }

  /** How a value is named in messages: "a string ("/health")", "a number (3)", "a mapping". */
  static String describeValue(JsonNode value) {
    if (value.isTextual()) {
      return "a string (" + toJson(value.textValue()) + ")";
    }
    if (value.isBoolean()) {
      return "a boolean (" + value.booleanValue() + ")";
    }
    if (value.isNumber()) {
      return "a number (" + value.asText() + ")";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return "null";
  }

  private static String article(String typeName) {
    return (typeName.startsWith("a") || typeName.startsWith("i") ? "an " : "a ") + typeName;
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
