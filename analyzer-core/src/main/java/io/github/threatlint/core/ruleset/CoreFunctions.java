package io.github.threatlint.core.ruleset;

import static io.github.threatlint.core.ruleset.FilterExpression.UNDEFINED;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Resolution;
import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spectral's core functions, with Spectral's semantics and messages: truthy, falsy, defined,
 * undefined, pattern, enumeration, length, casing, alphabetical, xor, or, typedEnum, schema,
 * unreferencedReusableObject. {@link #create} checks the options as Spectral does, when the ruleset
 * is read. Like Spectral, a function given a value of a type it does not take (pattern on a number,
 * casing on an empty string) reports nothing.
 */
final class CoreFunctions {
  static final String PROPERTY = "#{{print(\"property\")}}";
  static final String VALUE = "#{{print(\"value\")}}";

  static final List<String> NAMES =
      List.of(
          "truthy",
          "falsy",
          "defined",
          "undefined",
          "pattern",
          "enumeration",
          "length",
          "casing",
          "alphabetical",
          "xor",
          "or",
          "typedEnum",
          "schema",
          "unreferencedReusableObject");

  private CoreFunctions() {}

  /**
   * The function {@code name} with {@code options} (null when none); an {@link
   * IllegalArgumentException} says why it cannot run.
   */
  static RuleFunction create(String name, JsonNode options) {
    JsonNode opts = options == null || options.isNull() ? null : options;
    switch (name) {
      case "truthy":
        noOptions(name, opts);
        return t ->
            FilterExpression.truthy(t.value()) ? List.of() : one(PROPERTY + "must be truthy");
      case "falsy":
        noOptions(name, opts);
        return t ->
            FilterExpression.truthy(t.value()) ? one(PROPERTY + "must be falsy") : List.of();
      case "defined":
        noOptions(name, opts);
        return t -> t.value() == UNDEFINED ? one(PROPERTY + "must be defined") : List.of();
      case "undefined":
        noOptions(name, opts);
        return t -> t.value() == UNDEFINED ? List.of() : one(PROPERTY + "must be undefined");
      case "pattern":
        return pattern(opts);
      case "enumeration":
        return enumeration(opts);
      case "length":
        return length(opts);
      case "casing":
        return casing(opts);
      case "alphabetical":
        return alphabetical(opts);
      case "xor":
        return xor(opts);
      case "or":
        return or(opts);
      case "typedEnum":
        noOptions(name, opts);
        return CoreFunctions::typedEnum;
      case "schema":
        return SchemaFunction.create(opts);
      case "unreferencedReusableObject":
        return unreferenced(opts);
      default:
        throw new IllegalArgumentException(
            "unknown function '"
                + name
                + "'; threatlint runs Spectral's core functions: "
                + String.join(", ", NAMES));
    }
  }

  static List<RuleFunction.Result> one(String message) {
    return List.of(new RuleFunction.Result(message));
  }

  private static void noOptions(String name, JsonNode options) {
    if (options != null) {
      throw new IllegalArgumentException("\"" + name + "\" function does not support options");
    }
  }

  /** Checks that {@code options} is an object with only the keys {@code allowed}. */
  private static JsonNode object(String name, JsonNode options, String example, String... allowed) {
    String invalid =
        "\""
            + name
            + "\" function has invalid options specified. Example valid options: "
            + example;
    if (options == null || !options.isObject()) {
      throw new IllegalArgumentException(invalid);
    }
    for (Iterator<String> keys = options.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!List.of(allowed).contains(key)) {
        throw new IllegalArgumentException(
            "\"" + name + "\" function does not support \"" + key + "\" option");
      }
    }
    return options;
  }

  // ------------------------------------------------------------------ pattern, enumeration

  private static RuleFunction pattern(JsonNode options) {
    String example =
        "{ \"match\": \"^Stoplight\" }, { \"notMatch\": \"Swagger\" }, { \"match\": \"Stoplight\", \"notMatch\": \"Swagger\" }";
    object("pattern", options, example, "match", "notMatch");
    if (options.isEmpty()) {
      throw new IllegalArgumentException(
          "\"pattern\" function has invalid options specified. Example valid options: " + example);
    }
    Pattern match = regexOption(options, "match");
    Pattern notMatch = regexOption(options, "notMatch");
    String matchText = match == null ? null : options.get("match").textValue();
    String notMatchText = notMatch == null ? null : options.get("notMatch").textValue();
    return t -> {
      if (!(t.value() instanceof String text)) {
        return List.of();
      }
      List<RuleFunction.Result> results = new ArrayList<>();
      if (match != null && !match.matcher(text).find()) {
        results.add(
            new RuleFunction.Result(
                VALUE + " must match the pattern " + Printer.printValue(matchText)));
      }
      if (notMatch != null && notMatch.matcher(text).find()) {
        results.add(
            new RuleFunction.Result(
                VALUE + " must not match the pattern " + Printer.printValue(notMatchText)));
      }
      return results;
    };
  }

  private static Pattern regexOption(JsonNode options, String key) {
    JsonNode value = options.get(key);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          "\"pattern\" function and its \"" + key + "\" option must be string or RegExp instance");
    }
    return JsRegex.fromOption(value.textValue());
  }

  private static RuleFunction enumeration(JsonNode options) {
    String example =
        "{ \"values\": [\"Berlin\", \"London\", \"Paris\"] }, { \"values\": [2, 3, 5, 8, 13, 21] }";
    object("enumeration", options, example, "values");
    JsonNode values = options.get("values");
    if (values == null) {
      throw new IllegalArgumentException(
          "\"enumeration\" function is missing \"values\" option. Example valid options: "
              + example);
    }
    List<Object> allowed = new ArrayList<>();
    if (values.isArray()) {
      for (JsonNode value : values) {
        if (value.isContainerNode()) {
          allowed = null;
          break;
        }
        allowed.add(scalar(value));
      }
    }
    if (!values.isArray() || allowed == null) {
      throw new IllegalArgumentException(
          "\"enumeration\" and its \"values\" option support only arrays of primitive values, i.e. [\"Berlin\", \"London\", \"Paris\"]");
    }
    List<Object> choices = List.copyOf(allowed.stream().map(v -> v == null ? NULL : v).toList());
    StringBuilder printed = new StringBuilder();
    for (JsonNode value : values) {
      printed.append(printed.length() == 0 ? "" : ", ").append(Printer.printValue(value));
    }
    String message = VALUE + " must be equal to one of the allowed values: " + printed;
    return t -> {
      Object value = t.value();
      if (value == UNDEFINED || value instanceof Place) {
        return List.of();
      }
      return choices.contains(value == null ? NULL : value) ? List.of() : one(message);
    };
  }

  private static final Object NULL = new Object();

  private static Object scalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    return null;
  }

  // ------------------------------------------------------------------ length

  private static RuleFunction length(JsonNode options) {
    String example = "{ \"min\": 2 }, { \"max\": 5 }, { \"min\": 0, \"max\": 10 }";
    object("length", options, example, "min", "max");
    JsonNode min = options.get("min");
    JsonNode max = options.get("max");
    if ((min == null && max == null)
        || (min != null && !min.isNumber())
        || (max != null && !max.isNumber())) {
      throw new IllegalArgumentException(
          "\"length\" function has invalid options specified. Example valid options: " + example);
    }
    return t -> {
      double value;
      Object target = t.value();
      if (target instanceof Place place) {
        value = place.node().node().size();
      } else if (target instanceof String s) {
        value = s.length(); // UTF-16 units, as JavaScript counts
      } else if (target instanceof Double d) {
        value = d;
      } else {
        return List.of();
      }
      List<RuleFunction.Result> results = new ArrayList<>();
      if (min != null && value < min.doubleValue()) {
        results.add(
            new RuleFunction.Result(PROPERTY + "must be longer than " + Printer.printValue(min)));
      }
      if (max != null && value > max.doubleValue()) {
        results.add(
            new RuleFunction.Result(PROPERTY + "must be shorter than " + Printer.printValue(max)));
      }
      return results;
    };
  }

  // ------------------------------------------------------------------ casing

  private static final Map<String, String> CASES =
      Map.of(
          "flat", "[a-z][a-z{D}]*",
          "camel", "[a-z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
          "pascal", "[A-Z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
          "kebab", "[a-z][a-z{D}]*(?:-[a-z{D}]+)*",
          "cobol", "[A-Z][A-Z{D}]*(?:-[A-Z{D}]+)*",
          "snake", "[a-z][a-z{D}]*(?:_[a-z{D}]+)*",
          "macro", "[A-Z][A-Z{D}]*(?:_[A-Z{D}]+)*");

  private static final List<String> CASE_ORDER =
      List.of("flat", "camel", "pascal", "kebab", "cobol", "snake", "macro");

  private static RuleFunction casing(JsonNode options) {
    String example = "{ \"type\": \"camel\" }, { \"type\": \"pascal\", \"disallowDigits\": true }";
    object("casing", options, example, "type", "disallowDigits", "separator");
    JsonNode type = options.get("type");
    if (type == null || !type.isTextual() || !CASES.containsKey(type.textValue())) {
      throw new IllegalArgumentException(
          "\"casing\" function and its \"type\" option accept the following values: "
              + String.join(", ", CASE_ORDER));
    }
    JsonNode disallowDigits = options.get("disallowDigits");
    if (disallowDigits != null && !disallowDigits.isBoolean()) {
      throw new IllegalArgumentException(
          "\"casing\" function and its \"disallowDigits\" option must be a boolean");
    }
    JsonNode separator = options.get("separator");
    String separatorChar = null;
    boolean allowLeading = false;
    if (separator != null) {
      JsonNode character = separator.get("char");
      JsonNode leading = separator.get("allowLeading");
      if (!separator.isObject()
          || character == null
          || !character.isTextual()
          || character.textValue().length() > 1
          || (leading != null && !leading.isBoolean())) {
        throw new IllegalArgumentException(
            "\"casing\" function and its \"separator\" option take { \"char\": \"<at most one character>\", \"allowLeading\": <boolean> }");
      }
      // an empty char separates nothing (JavaScript's [] matches no character)
      separatorChar = character.textValue().isEmpty() ? null : character.textValue();
      allowLeading = separatorChar != null && leading != null && leading.booleanValue();
    }
    String base =
        CASES
            .get(type.textValue())
            .replace("{D}", disallowDigits != null && disallowDigits.booleanValue() ? "" : "0-9");
    Pattern pattern;
    if (separatorChar == null) {
      pattern = Pattern.compile("^" + base + "$");
    } else {
      String sep = "[" + Pattern.quote(separatorChar) + "]";
      pattern =
          Pattern.compile(
              "^" + (allowLeading ? sep + "?" : "") + base + "(?:" + sep + base + ")*$");
    }
    String message = "must be " + type.textValue() + " case";
    String leadingSeparator = allowLeading ? separatorChar : null;
    return t -> {
      if (!(t.value() instanceof String text) || text.isEmpty()) {
        return List.of();
      }
      if (text.equals(leadingSeparator)) {
        return List.of();
      }
      return pattern.matcher(text).matches() ? List.of() : one(message);
    };
  }

  // ------------------------------------------------------------------ alphabetical

  private static RuleFunction alphabetical(JsonNode options) {
    String keyedBy = null;
    if (options != null) {
      object("alphabetical", options, "null (no options), { \"keyedBy\": \"my-key\" }", "keyedBy");
      JsonNode key = options.get("keyedBy");
      if (key != null && !key.isTextual()) {
        throw new IllegalArgumentException(
            "\"alphabetical\" function and its \"keyedBy\" option must be a string");
      }
      keyedBy = key == null ? null : key.textValue();
    }
    String by = keyedBy;
    return t -> {
      if (!(t.value() instanceof Place place)) {
        return List.of();
      }
      JsonNode node = place.node().node();
      boolean array = node.isArray();
      List<Place> children = t.view().children(place);
      List<Object> items = new ArrayList<>();
      for (Place child : children) {
        items.add(array ? FilterExpression.valueOf(child) : child.property());
      }
      if (items.size() < 2) {
        return List.of();
      }
      if (by != null) {
        List<Object> keyed = new ArrayList<>();
        for (Object item : items) {
          if (!(item instanceof Place object) || !object.node().node().isObject()) {
            return one(PROPERTY + "must be an object");
          }
          keyed.add(FilterExpression.valueOf(t.view().child(object, by)));
        }
        items = keyed;
      }
      for (Object item : items) {
        if (!(item instanceof String) && !(item instanceof Double)) {
          return one(PROPERTY + "must be one of the allowed types: number, string");
        }
      }
      for (int i = 0; i < items.size() - 1; i++) {
        if (compare(items.get(i), items.get(i + 1)) >= 1) {
          if (by != null) {
            return one("properties must follow the alphabetical order");
          }
          return List.of(
              new RuleFunction.Result(
                  Printer.printValue(items.get(i))
                      + " must be placed after "
                      + Printer.printValue(items.get(i + 1)),
                  List.of(array ? (Object) i : items.get(i))));
        }
      }
      return List.of();
    };
  }

  /**
   * JavaScript's {@code localeCompare} (ICU's root collation) for the text specs use. Java's
   * English rules ignore spaces and hyphens, so "Card-tokens" came after "Cards"; ICU orders spaces
   * and ASCII punctuation before digits and letters, in this order. Checked against Node 20 on
   * 50,000 random pairs of ASCII and Latin-1 text: the only difference left is ß against "SS" in
   * case alone.
   */
  private static final Collator COLLATOR = spectralCollator();

  private static final String ICU_PUNCTUATION_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$";

  private static Collator spectralCollator() {
    StringBuilder rules =
        new StringBuilder(((RuleBasedCollator) Collator.getInstance(Locale.ENGLISH)).getRules());
    // after the last symbol Java orders before the digits, each a character of its own ('' is ')
    rules.append("&\u00b5");
    for (char c : ICU_PUNCTUATION_ORDER.toCharArray()) {
      rules.append(c == '\'' ? "<'''" : "<'" + c + "'");
    }
    try {
      return new RuleBasedCollator(rules.toString());
    } catch (ParseException e) {
      throw new IllegalStateException("collation rules", e);
    }
  }

  /** Spectral's comparison, quirks included: numbers (and number-like text) by value. */
  static int compare(Object a, Object b) {
    double na = jsNumber(a);
    double nb = jsNumber(b);
    if ((a instanceof Double || Double.isNaN(na)) && (b instanceof Double || !Double.isNaN(nb))) {
      double difference = na - nb;
      return Double.isNaN(difference) ? 0 : (int) Math.min(1, Math.max(-1, difference));
    }
    if (!(a instanceof String sa) || !(b instanceof String sb)) {
      return 0;
    }
    return Integer.signum(COLLATOR.compare(sa, sb));
  }

  private static double jsNumber(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    String text = String.valueOf(value).strip();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // ------------------------------------------------------------------ xor, or

  private static List<String> properties(String name, JsonNode options, String example) {
    object(name, options, example, "properties");
    JsonNode properties = options.get("properties");
    List<String> names = new ArrayList<>();
    if (properties != null && properties.isArray()) {
      for (JsonNode property : properties) {
        if (!property.isTextual()) {
          names = null;
          break;
        }
        names.add(property.textValue());
      }
    }
    if (properties == null || names == null || !properties.isArray()) {
      throw new IllegalArgumentException(
          "\""
              + name
              + "\" function has invalid options specified. Example valid options: "
              + example);
    }
    return List.copyOf(names);
  }

  private static RuleFunction xor(JsonNode options) {
    List<String> properties =
        properties(
            "xor",
            options,
            "{ \"properties\": [\"id\", \"name\"] }, { \"properties\": [\"country\", \"street\"] }");
    if (properties.size() != 2) {
      throw new IllegalArgumentException(
          "\"xor\" and its \"properties\" option support 2-item tuples, i.e. [\"id\", \"name\"]");
    }
    String message =
        Printer.printValue(properties.get(0))
            + " and "
            + Printer.printValue(properties.get(1))
            + " must not be both defined or both undefined";
    return t -> {
      if (!(t.value() instanceof Place place) || !place.node().node().isObject()) {
        return List.of();
      }
      int present = 0;
      for (String property : properties) {
        present += place.node().node().has(property) ? 1 : 0;
      }
      return present == 1 ? List.of() : one(message);
    };
  }

  private static RuleFunction or(JsonNode options) {
    List<String> properties = properties("or", options, "{ \"properties\": [\"id\", \"name\"] }");
    if (properties.size() < 2) {
      throw new IllegalArgumentException(
          "\"or\" and its \"properties\" option require at least 2-item tuples, i.e. [\"id\", \"name\"]");
    }
    String message =
        properties.size() > 4
            ? "At least one of \""
                + String.join("\" or \"", properties.subList(0, 3))
                + "\" or "
                + (properties.size() - 3)
                + " other properties must be defined"
            : "At least one of \"" + String.join("\" or \"", properties) + "\" must be defined";
    return t -> {
      if (!(t.value() instanceof Place place) || !place.node().node().isObject()) {
        return List.of();
      }
      for (String property : properties) {
        if (place.node().node().has(property)) {
          return List.of();
        }
      }
      return one(message);
    };
  }

  // ------------------------------------------------------------------ typedEnum

  private static List<RuleFunction.Result> typedEnum(RuleFunction.Target target) {
    if (!(target.value() instanceof Place schema) || !schema.node().node().isObject()) {
      return List.of();
    }
    Place enumPlace = target.view().child(schema, "enum");
    Place typePlace = target.view().child(schema, "type");
    if (enumPlace == null || typePlace == null || !enumPlace.node().node().isArray()) {
      return List.of();
    }
    List<String> types = new ArrayList<>();
    JsonNode type = typePlace.node().node();
    if (type.isTextual()) {
      types.add(type.textValue());
    } else if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      return List.of();
    }
    List<RuleFunction.Result> results = new ArrayList<>();
    JsonNode values = enumPlace.node().node();
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      boolean fits = false;
      for (String t : types) {
        fits |= fitsType(value, t);
      }
      if (!fits) {
        results.add(
            new RuleFunction.Result(
                "Enum value "
                    + Printer.printValue(value)
                    + " must be \""
                    + String.join("\" or \"", types)
                    + "\".",
                List.of("enum", i)));
      }
    }
    return results;
  }

  private static boolean fitsType(JsonNode value, String type) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "number" -> value.isNumber();
      case "integer" ->
          value.isIntegralNumber()
              || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      default -> false;
    };
  }

  // ------------------------------------------------------------------ unreferencedReusableObject

  private static RuleFunction unreferenced(JsonNode options) {
    String example =
        "{ \"reusableObjectsLocation\": \"#/components/schemas\" }, { \"reusableObjectsLocation\": \"#/$defs\" }";
    object("unreferencedReusableObject", options, example, "reusableObjectsLocation");
    JsonNode location = options.get("reusableObjectsLocation");
    if (location == null) {
      throw new IllegalArgumentException(
          "\"unreferencedReusableObject\" function is missing \"reusableObjectsLocation\" option. Example valid options: "
              + example);
    }
    if (!location.isTextual()
        || !location.textValue().startsWith("#")
        || !(location.textValue().length() == 1 || location.textValue().charAt(1) == '/')) {
      throw new IllegalArgumentException(
          "\"unreferencedReusableObject\" and its \"reusableObjectsLocation\" option support only valid JSON Pointer fragments, i.e. \"#\", \"#/foo\", \"#/paths/~1user\"");
    }
    String pointer = location.textValue().substring(1);
    return t -> {
      if (!(t.value() instanceof Place place) || !place.node().node().isObject()) {
        return List.of();
      }
      Set<String> referenced = referencedPlaces(t.view());
      ParsedFile file = t.view().document().rootFile();
      List<RuleFunction.Result> results = new ArrayList<>();
      for (Map.Entry<String, NodeRef> member : place.node().members()) {
        String defined = file.displayPath() + "#" + Pointers.child(pointer, member.getKey());
        if (!referenced.contains(defined)) {
          results.add(
              new RuleFunction.Result(
                  "Potential orphaned reusable object has been detected",
                  List.of(member.getKey())));
        }
      }
      return results;
    };
  }

  /** Every place a {@code $ref} of the document (in any file it reaches) leads to. */
  private static Set<String> referencedPlaces(DocumentView view) {
    Set<String> targets = new HashSet<>();
    Set<String> scannedFiles = new HashSet<>();
    List<ParsedFile> pending = new ArrayList<>(List.of(view.document().rootFile()));
    while (!pending.isEmpty()) {
      ParsedFile file = pending.remove(pending.size() - 1);
      if (!scannedFiles.add(file.displayPath())) {
        continue;
      }
      List<NodeRef> stack = new ArrayList<>(List.of(NodeRef.root(file)));
      while (!stack.isEmpty()) {
        NodeRef node = stack.remove(stack.size() - 1);
        if (node.isRef()) {
          Resolution step = view.document().step(node);
          if (step.resolved()) {
            targets.add(step.target().key());
            pending.add(step.target().file());
          }
        }
        for (Map.Entry<String, NodeRef> member : node.members()) {
          stack.add(member.getValue());
        }
        stack.addAll(node.elements());
      }
    }
    return targets;
  }
}
