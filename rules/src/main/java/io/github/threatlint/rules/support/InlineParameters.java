package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RelatedLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parameter written out inline, with the same schema, in several operations (Australia's CDR
 * writes its {@code x-v}, {@code x-min-v} and {@code x-fapi-*} headers in every operation instead
 * of referencing a component): one fact of the document, which a rule judging the parameter's
 * schema reports once, on the first copy, naming the operations, as it would report a shared
 * component once.
 */
public final class InlineParameters {
  private static final Set<String> PROSE = Set.of("description", "summary");

  /**
   * How many later copies a finding shows as related places: each is a line of the text output, and
   * the message counts them all.
   */
  private static final int RELATED_COPIES = 5;

  private InlineParameters() {}

  /**
   * The copies of one inline parameter: their schemas in document order (the first is where a
   * finding goes) with the first operation that uses each, and all the operations that use them (a
   * path item's parameter is used by each of its operations).
   */
  private record Copies(
      String name, List<NodeRef> schemas, List<String> usedFirstBy, List<String> operations) {
    /** Whether {@code schema} is a later copy, whose finding the first copy's carries. */
    public boolean isRepeat(NodeRef schema) {
      return !schemas.get(0).equals(schema);
    }

    /**
     * {@code parameter 'x-v' of GET /a, GET /b, GET /c and 21 more (written inline the same way in
     * each)}.
     */
    public String label() {
      return "parameter '"
          + name
          + "' of "
          + DocumentWide.firstOfLabels(operations)
          + " (written inline the same way in each)";
    }
  }

  /**
   * The copies of the inline parameter whose schema is {@code schema}, or null when {@code schema}
   * is not such a parameter's schema or only one operation writes it.
   */
  private static Copies of(ApiDocument document, NodeRef schema) {
    return document.fact(COPIES).get(schema);
  }

  /**
   * Whether a finding on {@code schema} is left to the first copy's, which names this operation
   * too: {@code schema} is a later copy of an inline parameter.
   */
  public static boolean isRepeat(ApiDocument document, NodeRef schema) {
    Copies copies = of(document, schema);
    return copies != null && copies.isRepeat(schema);
  }

  /**
   * What a finding on {@code schema} names: its copies ({@link Copies#label}) when several
   * operations write it inline the same way, else its own label ({@link SchemaLabels#of}), made
   * only then. Not a Supplier of the own label: a lambda capturing the schema is made at each call,
   * in C1's code through method handles into the VM (numeric-format reports most of Stripe's
   * numbers: 0.5 samples of a cold run).
   */
  public static String label(ApiDocument document, NodeRef schema) {
    Copies copies = of(document, schema);
    return copies != null ? copies.label() : SchemaLabels.of(document, schema);
  }

  /** {@link #label(ApiDocument, NodeRef)} with the schema's own label already made. */
  public static String label(ApiDocument document, NodeRef schema, String own) {
    Copies copies = of(document, schema);
    return copies != null ? copies.label() : own;
  }

  /**
   * The places of the later copies of the inline parameter whose first copy is {@code schema}, as
   * related locations of a finding on it (the first {@value #RELATED_COPIES}); none for another
   * schema.
   */
  public static List<RelatedLocation> laterCopies(ApiDocument document, NodeRef schema) {
    Copies copies = of(document, schema);
    if (copies == null || copies.isRepeat(schema)) {
      return List.of();
    }
    List<RelatedLocation> places = new ArrayList<>();
    for (int i = 1; i < copies.schemas().size() && places.size() < RELATED_COPIES; i++) {
      places.add(
          RelatedLocation.of(
              copies.schemas().get(i), "written again in " + copies.usedFirstBy().get(i)));
    }
    return places;
  }

  private static final ApiDocument.Fact<Map<NodeRef, Copies>> COPIES = InlineParameters::compute;

  /**
   * The copies found so far of one parameter, each with the first operation that uses it: its first
   * schema stands for them all.
   */
  private record Group(String name, Map<NodeRef, String> schemas, Set<String> operations) {}

  /**
   * Copies are the same place, the same name (a header's in any case) and the same schema, member
   * for member but for its prose (the rules that ask read none). Only strings and numbers are
   * grouped: the rules that ask judge a parameter's own schema, never an object's or array's.
   */
  private static Map<NodeRef, Copies> compute(ApiDocument document) {
    Map<String, List<Group>> byPlace = new LinkedHashMap<>();
    for (Operation operation : document.operations()) {
      for (Parameter parameter : operation.parameters()) {
        NodeRef schema = parameter.schema();
        if (parameter.entry().isRef()
            || schema == null
            || schema.isRef()
            || !(Schemas.isString(schema) || Schemas.isNumeric(schema))) {
          continue;
        }
        String name =
            parameter.in().equals("header")
                ? parameter.name().toLowerCase(Locale.ROOT)
                : parameter.name();
        List<Group> groups =
            byPlace.computeIfAbsent(parameter.in() + ":" + name, k -> new ArrayList<>());
        Group group = null;
        for (Group candidate : groups) {
          if (sameButProse(candidate.schemas().keySet().iterator().next().node(), schema.node())) {
            group = candidate;
            break;
          }
        }
        if (group == null) {
          group = new Group(parameter.name(), new LinkedHashMap<>(), new LinkedHashSet<>());
          groups.add(group);
        }
        group.schemas().putIfAbsent(schema, operation.label());
        group.operations().add(operation.label());
      }
    }
    Map<NodeRef, Copies> copies = new HashMap<>();
    for (List<Group> groups : byPlace.values()) {
      for (Group group : groups) {
        if (group.schemas().size() > 1) {
          Copies found =
              new Copies(
                  group.name(),
                  List.copyOf(group.schemas().keySet()),
                  List.copyOf(group.schemas().values()),
                  List.copyOf(group.operations()));
          group.schemas().keySet().forEach(schema -> copies.put(schema, found));
        }
      }
    }
    return Map.copyOf(copies);
  }

  /**
   * Equal but for {@code description} and {@code summary} members, at any depth (a Swagger 2.0
   * parameter is its own schema and carries its description).
   */
  private static boolean sameButProse(JsonNode a, JsonNode b) {
    if (a.isObject() && b.isObject()) {
      return sameMembersButProse(a, b) && sameMembersButProse(b, a);
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!sameButProse(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Every member of {@code a} but its prose is in {@code b}, the same but for prose. */
  private static boolean sameMembersButProse(JsonNode a, JsonNode b) {
    for (Map.Entry<String, JsonNode> member : a.properties()) {
      if (PROSE.contains(member.getKey())) {
        continue;
      }
      JsonNode other = b.get(member.getKey());
      if (other == null || !sameButProse(member.getValue(), other)) {
        return false;
      }
    }
    return true;
  }
}
