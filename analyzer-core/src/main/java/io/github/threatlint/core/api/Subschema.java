package io.github.threatlint.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A schema nested in another, with how it is nested: {@code keyword} is the JSON Schema keyword
 * ({@code properties}, {@code items}, {@code allOf}, ...) and {@code name} the property name for
 * {@code properties} (else null).
 */
public record Subschema(String keyword, String name, NodeRef schema) {
  private static final List<String> MAP_KEYWORDS =
      List.of("properties", "patternProperties", "dependentSchemas", "$defs", "definitions");
  private static final List<String> ARRAY_KEYWORDS =
      List.of("allOf", "oneOf", "anyOf", "prefixItems");
  private static final List<String> SINGLE_KEYWORDS =
      List.of(
          "items",
          "additionalProperties",
          "not",
          "contains",
          "if",
          "then",
          "else",
          "unevaluatedProperties",
          "unevaluatedItems",
          "propertyNames",
          "additionalItems",
          "contentSchema");

  /**
   * The schemas directly nested in {@code schema}, in keyword order; booleans and non-objects are
   * skipped.
   */
  public static List<Subschema> of(NodeRef schema) {
    List<Subschema> children = new ArrayList<>();
    if (schema == null || !schema.isObject()) {
      return children;
    }
    for (String keyword : MAP_KEYWORDS) {
      NodeRef map = schema.get(keyword);
      if (map != null && map.isObject()) {
        for (Map.Entry<String, NodeRef> entry : map.members()) {
          if (entry.getValue().isObject()) {
            children.add(
                new Subschema(
                    keyword,
                    keyword.equals("properties") ? entry.getKey() : null,
                    entry.getValue()));
          }
        }
      }
    }
    for (String keyword : ARRAY_KEYWORDS) {
      NodeRef array = schema.get(keyword);
      if (array != null) {
        for (NodeRef element : array.elements()) {
          if (element.isObject()) {
            children.add(new Subschema(keyword, null, element));
          }
        }
      }
    }
    for (String keyword : SINGLE_KEYWORDS) {
      NodeRef child = schema.get(keyword);
      if (child == null) {
        continue;
      }
      if (child.isObject()) {
        children.add(new Subschema(keyword, null, child));
      } else if (child.node().isArray()) {
        for (NodeRef element : child.elements()) {
          if (element.isObject()) {
            children.add(new Subschema(keyword, null, element));
          }
        }
      }
    }
    return children;
  }
}
