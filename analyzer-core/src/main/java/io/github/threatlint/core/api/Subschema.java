package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
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

  /** The keywords in the order their subschemas are listed, and each one's place in it. */
  private static final List<String> KEYWORDS = new ArrayList<>();

  private static final Map<String, Integer> RANKS = new HashMap<>();

  static {
    KEYWORDS.addAll(MAP_KEYWORDS);
    KEYWORDS.addAll(ARRAY_KEYWORDS);
    KEYWORDS.addAll(SINGLE_KEYWORDS);
    for (int rank = 0; rank < KEYWORDS.size(); rank++) {
      RANKS.put(KEYWORDS.get(rank), rank);
    }
  }

  /** The keywords under which schemas nest others, in the order {@link #of} lists them. */
  public static List<String> keywords() {
    return Collections.unmodifiableList(KEYWORDS);
  }

  /**
   * Whether the schema has a member under one of the {@link #keywords}: without one, {@link #of}
   * lists nothing (with one, it may still list nothing: an empty {@code properties}, a boolean
   * {@code items}). Read without making the list.
   */
  public static boolean hasNestingKeyword(NodeRef schema) {
    if (schema == null || !schema.isObject()) {
      return false;
    }
    for (Iterator<String> names = schema.node().fieldNames(); names.hasNext(); ) {
      if (RANKS.containsKey(names.next())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The schemas directly nested in {@code schema}, in keyword order; booleans and non-objects are
   * skipped. The schema's members are read once for the keywords it has (a schema has a few members
   * and there are 21 keywords; the walk and several rules ask this of every schema). The list is
   * not to be changed (an empty one cannot be).
   */
  public static List<Subschema> of(NodeRef schema) {
    if (schema == null || !schema.isObject()) {
      return List.of();
    }
    long present = 0;
    JsonNode found = null;
    for (Map.Entry<String, JsonNode> member : schema.node().properties()) {
      Integer rank = RANKS.get(member.getKey());
      if (rank != null) {
        present |= 1L << rank;
        found = member.getValue();
      }
    }
    if (present == 0) {
      // most schemas nest none
      return List.of();
    }
    // the value of the one keyword most schemas that nest have (properties, items, allOf) is the
    // one found above: looked up again only when there are several
    boolean one = (present & (present - 1)) == 0;
    // members and elements read from the node, a ref made only for an object: with a list of refs
    // and entries for every member (NodeRef.members, elements) and a list for every schema, this
    // method allocated 10.2 MB in a cold Stripe run, now 6.9 MB
    List<Subschema> children = new ArrayList<>();
    for (; present != 0; present &= present - 1) {
      int rank = Long.numberOfTrailingZeros(present);
      String keyword = KEYWORDS.get(rank);
      NodeRef child = one ? schema.member(keyword, found) : schema.get(keyword);
      JsonNode value = child.node();
      if (rank < MAP_KEYWORDS.size()) {
        if (value.isObject()) {
          for (Map.Entry<String, JsonNode> member : value.properties()) {
            if (member.getValue().isObject()) {
              children.add(
                  new Subschema(
                      keyword,
                      keyword.equals("properties") ? member.getKey() : null,
                      child.member(member.getKey(), member.getValue())));
            }
          }
        }
      } else if (rank >= MAP_KEYWORDS.size() + ARRAY_KEYWORDS.size() && value.isObject()) {
        children.add(new Subschema(keyword, null, child));
      } else if (value.isArray()) {
        for (int index = 0; index < value.size(); index++) {
          if (value.get(index).isObject()) {
            children.add(new Subschema(keyword, null, child.get(index)));
          }
        }
      }
    }
    return children;
  }
}
