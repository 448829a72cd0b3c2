package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.SchemaVisit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a schema declares, read the same way in Swagger 2.0, OAS 3.0 and OAS 3.1: types written as a
 * string or (3.1) as an array such as {@code [string, "null"]}, {@code const} next to {@code enum},
 * and constraints that another branch of the same {@code allOf} carries.
 */
public final class Schemas {
  private static final int MAX_DEPTH = 16;

  /**
   * Value types of Australia's CDR ({@code x-cds-type}) whose values are short and of a known
   * shape, as a format's are: dates, times, amounts, rates, currency codes, integers, masked
   * numbers. The others (ASCIIString, URIString, ExternalRef, Base64) say what the characters are,
   * not how many.
   */
  private static final Set<String> BOUNDED_VALUE_TYPES =
      Set.of(
          "DateString",
          "DateTimeString",
          "TimeString",
          "AmountString",
          "RateString",
          "CurrencyString",
          "PositiveInteger",
          "NaturalNumber",
          "NegativeInteger",
          "Integer",
          "Number",
          "Boolean",
          "MaskedPANString",
          "MaskedAccountString");

  /**
   * Value types (as {@link #valueType}) that exclude zero and negative numbers, or negative ones.
   */
  private static final Set<String> NON_NEGATIVE_VALUE_TYPES =
      Set.of("PositiveInteger", "NaturalNumber");

  private Schemas() {}

  /** Keywords that give a schema a shape of its own: without any of them it accepts any value. */
  private static final List<String> SHAPING_KEYWORDS =
      List.of(
          "type",
          "properties",
          "patternProperties",
          "additionalProperties",
          "items",
          "prefixItems",
          "allOf",
          "oneOf",
          "anyOf",
          "not",
          "if",
          "$ref",
          "enum",
          "const",
          "$dynamicRef");

  /**
   * True when the schema has a keyword that shapes its value (a type, properties, composition,
   * ...).
   */
  public static boolean isShaped(NodeRef schema) {
    for (String keyword : SHAPING_KEYWORDS) {
      if (schema.has(keyword)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The declared types ({@code type} as a string, or the strings of a 3.1 type array); empty when
   * none.
   */
  public static Set<String> types(NodeRef schema) {
    Set<String> types = new LinkedHashSet<>();
    if (schema == null || !schema.isObject()) {
      return types;
    }
    JsonNode type = schema.node().get("type");
    if (type == null) {
      return types;
    }
    if (type.isTextual()) {
      types.add(type.textValue());
    } else if (type.isArray()) {
      type.forEach(
          element -> {
            if (element.isTextual()) {
              types.add(element.textValue());
            }
          });
    }
    return types;
  }

  /** The declared types other than {@code "null"}. */
  public static Set<String> valueTypes(NodeRef schema) {
    Set<String> types = types(schema);
    types.remove("null");
    return types;
  }

  /** True when {@code type} is one of the declared types ({@link #types}), read without a set. */
  public static boolean hasType(NodeRef schema, String type) {
    JsonNode declared = schema == null || !schema.isObject() ? null : schema.node().get("type");
    if (declared == null) {
      return false;
    }
    if (declared.isArray()) {
      for (JsonNode element : declared) {
        if (element.isTextual() && element.textValue().equals(type)) {
          return true;
        }
      }
      return false;
    }
    return declared.isTextual() && declared.textValue().equals(type);
  }

  /**
   * The schema's one type other than {@code "null"}, {@code ""} when it declares none, null when it
   * declares several. The predicates below ask it: every rule asks them of every schema, and almost
   * every schema declares its type as one string, read here without making a set.
   */
  private static String onlyValueType(NodeRef schema) {
    JsonNode type = schema == null || !schema.isObject() ? null : schema.node().get("type");
    if (type == null || !type.isArray()) {
      return type == null || !type.isTextual() || type.textValue().equals("null")
          ? ""
          : type.textValue();
    }
    Set<String> types = valueTypes(schema);
    return types.isEmpty() ? "" : types.size() == 1 ? types.iterator().next() : null;
  }

  /** A string schema: {@code type: string} (or a type array with string and null only). */
  public static boolean isString(NodeRef schema) {
    return "string".equals(onlyValueType(schema));
  }

  /** An integer or number schema (possibly nullable). */
  public static boolean isNumeric(NodeRef schema) {
    String type = onlyValueType(schema);
    if (type != null) {
      return type.equals("integer") || type.equals("number");
    }
    return valueTypes(schema).equals(Set.of("integer", "number"));
  }

  /** An array schema: {@code type: array}, or no type but {@code items}. */
  public static boolean isArray(NodeRef schema) {
    String type = onlyValueType(schema);
    if ("".equals(type)) {
      return schema != null
          && schema.isObject()
          && (schema.has("items") || schema.has("prefixItems"));
    }
    return "array".equals(type);
  }

  /**
   * An object schema: {@code type: object}, or no type but object keywords such as {@code
   * properties}.
   */
  public static boolean isObject(NodeRef schema) {
    String type = onlyValueType(schema);
    if ("".equals(type)) {
      return schema != null
          && schema.isObject()
          && (schema.has("properties")
              || schema.has("additionalProperties")
              || schema.has("patternProperties"));
    }
    return "object".equals(type);
  }

  /**
   * True when the values are listed: {@code enum}, (3.1) {@code const}, or UK Open Banking's {@code
   * x-namespaced-enum}: the standard's code set ("UK.OBIE.IBAN", ...), which a server checks a
   * value against as it checks an enum (a bank adds codes of its own namespace to it, not free
   * text).
   */
  public static boolean isEnumerated(NodeRef schema) {
    return schema != null
        && schema.isObject()
        && (schema.has("enum") || schema.has("const") || schema.has("x-namespaced-enum"));
  }

  /** The text of {@code format}, or null. */
  public static String format(NodeRef schema) {
    return schema == null || !schema.isObject() ? null : schema.text("format");
  }

  /** True when the schema has a format and it is one of {@code formats}. */
  public static boolean formatIn(NodeRef schema, Collection<String> formats) {
    String format = format(schema);
    return format != null && formats.contains(format);
  }

  /**
   * The value type a vendor extension gives the schema ({@code x-cds-type}), written on the schema
   * or, as CDR writes it, on the parameter whose schema it is; null when none.
   */
  public static String valueType(NodeRef schema) {
    if (schema == null || !schema.isObject()) {
      return null;
    }
    String own = schema.text("x-cds-type");
    JsonNode parameter = parameterOf(schema);
    if (own != null || parameter == null) {
      return own;
    }
    JsonNode type = parameter.get("x-cds-type");
    return type != null && type.isTextual() ? type.textValue() : null;
  }

  /**
   * The parameter this schema describes: the object it is the {@code schema} of, or (Swagger 2.0,
   * keywords inline) the schema itself; null when it is no parameter's.
   */
  public static JsonNode parameterOf(NodeRef schema) {
    if (schema.has("in") && schema.has("name")) {
      return schema.node();
    }
    if (!"schema".equals(schema.name())) {
      return null;
    }
    // read down the segments, not through a pointer written and parsed again: every request and
    // response schema is asked whether it is a parameter's
    List<String> segments = schema.segments();
    JsonNode container = Pointers.nodeAt(schema.file().root(), segments, segments.size() - 1);
    return container != null && container.has("in") && container.has("name") ? container : null;
  }

  /**
   * True when the value type ({@link #valueType}) bounds the value's size as a format such as date
   * does.
   */
  public static boolean hasBoundedValueType(NodeRef schema) {
    String type = valueType(schema);
    return type != null && BOUNDED_VALUE_TYPES.contains(type);
  }

  /** True when the value type ({@link #valueType}) is a non-negative integer: a lower bound. */
  public static boolean hasNonNegativeValueType(NodeRef schema) {
    String type = valueType(schema);
    return type != null && NON_NEGATIVE_VALUE_TYPES.contains(type);
  }

  /**
   * True when the schema, or the composition around it, satisfies {@code test}: the schema itself,
   * a branch of its own {@code allOf} (followed through references), every branch of its own {@code
   * oneOf} or {@code anyOf}, or, when the schema is itself an {@code allOf} branch, the composing
   * schema or one of the other branches. A constraint written in one branch of an {@code allOf}, or
   * in each alternative, constrains the composed value.
   */
  public static boolean declares(SchemaVisit visit, Predicate<NodeRef> test) {
    ApiDocument document = visit.document();
    NodeRef schema = visit.node();
    if (leadsNowhere(schema)
        ? schema.isObject() && test.test(schema)
        : satisfiedThroughAllOf(document, schema, test, new HashSet<>(), 0)) {
      return true;
    }
    if ("allOf".equals(visit.keyword()) && visit.parent() != null) {
      NodeRef composed = visit.parent().node();
      if (test.test(composed)) {
        return true;
      }
      for (NodeRef branch : elements(composed, "allOf")) {
        if (!branch.equals(visit.node())
            && satisfiedThroughAllOf(document, branch, test, new HashSet<>(), 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A schema with no reference and no composition: it alone answers {@link #declares}' own part, as
   * the search through compositions would, without its set and resolution (most schemas are such,
   * and several rules ask of each).
   */
  private static boolean leadsNowhere(NodeRef schema) {
    return !schema.isRef() && !schema.has("allOf") && !schema.has("oneOf") && !schema.has("anyOf");
  }

  private static boolean satisfiedThroughAllOf(
      ApiDocument document, NodeRef schema, Predicate<NodeRef> test, Set<NodeRef> seen, int depth) {
    NodeRef resolved = document.deref(schema);
    if (resolved == null || !resolved.isObject() || depth > MAX_DEPTH || !seen.add(resolved)) {
      return false;
    }
    if (test.test(resolved)
        || (schema.isObject() && !schema.equals(resolved) && test.test(schema))) {
      return true;
    }
    for (NodeRef branch : elements(resolved, "allOf")) {
      if (satisfiedThroughAllOf(document, branch, test, seen, depth + 1)) {
        return true;
      }
    }
    // every alternative constrains the value: a string that is one of several consts is enumerated
    for (String keyword : List.of("oneOf", "anyOf")) {
      List<NodeRef> alternatives = elements(resolved, keyword);
      if (!alternatives.isEmpty()
          && alternatives.stream()
              .allMatch(
                  branch ->
                      satisfiedThroughAllOf(
                          document, branch, test, new HashSet<>(seen), depth + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The other declarations of a property in the composition its object belongs to: when the object
   * is an {@code allOf} branch, the property of the same name in the composing schema and in the
   * other branches (followed through references and nested {@code allOf}), resolved.
   */
  public static List<NodeRef> otherDeclarations(SchemaVisit object, String property) {
    List<NodeRef> declarations = new ArrayList<>();
    if (!"allOf".equals(object.keyword()) || object.parent() == null) {
      return declarations;
    }
    ApiDocument document = object.document();
    NodeRef composed = object.parent().node();
    addProperty(document, composed, property, declarations);
    for (NodeRef branch : elements(composed, "allOf")) {
      if (!branch.equals(object.node())) {
        collectProperty(document, branch, property, declarations, new HashSet<>(), 0);
      }
    }
    return declarations;
  }

  private static void collectProperty(
      ApiDocument document,
      NodeRef schema,
      String property,
      List<NodeRef> out,
      Set<NodeRef> seen,
      int depth) {
    NodeRef resolved = document.deref(schema);
    if (resolved == null || !resolved.isObject() || depth > MAX_DEPTH || !seen.add(resolved)) {
      return;
    }
    addProperty(document, resolved, property, out);
    for (NodeRef branch : elements(resolved, "allOf")) {
      collectProperty(document, branch, property, out, seen, depth + 1);
    }
  }

  private static void addProperty(
      ApiDocument document, NodeRef schema, String property, List<NodeRef> out) {
    NodeRef properties = schema.get("properties");
    NodeRef declared = properties == null ? null : properties.get(property);
    if (declared != null) {
      out.add(declared);
      NodeRef resolved = document.deref(declared);
      if (resolved != null && !resolved.equals(declared)) {
        out.add(resolved);
      }
    }
  }

  /**
   * True when the property {@code name} of {@code object} has the boolean keyword set ({@link
   * #flag}), or another declaration of it in the same composition has ({@link #otherDeclarations}):
   * {@code readOnly} in one {@code allOf} branch applies to the whole.
   */
  public static boolean flagInComposition(
      ApiDocument document, SchemaVisit object, String name, NodeRef property, String keyword) {
    if (flag(document, property, keyword)) {
      return true;
    }
    for (NodeRef other : otherDeclarations(object, name)) {
      if (other.isTrue(keyword)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a property schema (as written, possibly a {@code $ref}) or what it refers to has the
   * boolean keyword set; a reference's siblings count, as 3.1 applies them and authors of 3.0
   * documents write them with the same intent.
   */
  public static boolean flag(ApiDocument document, NodeRef property, String keyword) {
    if (property == null) {
      return false;
    }
    if (property.isTrue(keyword)) {
      return true;
    }
    NodeRef resolved = document.deref(property);
    return resolved != null && resolved.isTrue(keyword);
  }

  /** The properties an object schema lists, as written (values may be references). */
  public static List<Map.Entry<String, NodeRef>> properties(NodeRef schema) {
    NodeRef properties = propertiesObject(schema);
    return properties == null ? List.of() : properties.members();
  }

  /** The schema's {@code properties} object, or null when it lists none. */
  public static NodeRef propertiesObject(NodeRef schema) {
    NodeRef properties = schema == null || !schema.isObject() ? null : schema.get("properties");
    return properties != null && properties.isObject() ? properties : null;
  }

  /**
   * The properties of an object schema and of its {@code allOf} members, references followed, the
   * first declaration of a name kept; nesting beyond {@link #MAX_ALL_OF_DEPTH} is not read (a
   * cyclic allOf ends there).
   */
  public static Map<String, NodeRef> allProperties(ApiDocument document, NodeRef schema) {
    Map<String, NodeRef> into = new LinkedHashMap<>();
    collectAllProperties(document, schema, into, 0);
    return into;
  }

  private static final int MAX_ALL_OF_DEPTH = 16;

  private static void collectAllProperties(
      ApiDocument document, NodeRef written, Map<String, NodeRef> into, int depth) {
    NodeRef schema = document.deref(written);
    if (schema == null || !schema.isObject() || depth > MAX_ALL_OF_DEPTH) {
      return;
    }
    for (Map.Entry<String, NodeRef> property : properties(schema)) {
      into.putIfAbsent(property.getKey(), property.getValue());
    }
    for (NodeRef member : elements(schema, "allOf")) {
      collectAllProperties(document, member, into, depth + 1);
    }
  }

  private static List<NodeRef> elements(NodeRef schema, String keyword) {
    NodeRef array = schema == null || !schema.isObject() ? null : schema.get(keyword);
    return array == null ? List.of() : array.elements();
  }

  /**
   * Whether a check on inputs applies to this schema: it is read from clients (or of unknown use)
   * and not read-only (a read-only value is never accepted from a client), or the check is extended
   * to responses and the schema is returned.
   */
  public static boolean judged(SchemaVisit visit, boolean includeResponses) {
    if (includeResponses && visit.isOutput()) {
      return true;
    }
    return visit.isInput() && !isReadOnly(visit);
  }

  /** True when the schema or one it is written in is {@code readOnly: true}. */
  public static boolean isReadOnly(SchemaVisit visit) {
    for (SchemaVisit current = visit; current != null; current = current.parent()) {
      if (current.node().isTrue("readOnly")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The usage a message states: "an input", "a response", "an input and a response", "in a document
   * without operations".
   */
  public static String usageLabel(SchemaVisit visit) {
    boolean input = visit.document().schemaUsage().isInput(visit.node());
    boolean output = visit.isOutput();
    if (input && output) {
      return "used in requests and responses";
    }
    if (input) {
      return "read from clients";
    }
    if (output) {
      return "returned to clients";
    }
    return "in a document without operations (judged as an input)";
  }

  /**
   * The media type whose whole body this schema is ({@code .../content/text~1xml/schema}), or null
   * when the schema is not written directly under a media type.
   */
  public static String bodyMediaType(NodeRef schema) {
    if (!"schema".equals(schema.name())) {
      return null;
    }
    List<String> segments = schema.segments();
    int size = segments.size();
    if (size >= 3 && segments.get(size - 3).equals("content")) {
      return segments.get(size - 2);
    }
    return null;
  }
}
