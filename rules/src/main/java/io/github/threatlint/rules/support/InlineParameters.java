package io.github.threatlint.rules.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
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

  private InlineParameters() {}

  /**
   * The copies of one inline parameter: their schemas in document order (the first is where a
   * finding goes) and the operations that use them.
   */
  public record Copies(String name, List<NodeRef> schemas, List<String> operations) {
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
  public static Copies of(ApiDocument document, NodeRef schema) {
    return document.fact(COPIES).get(schema);
  }

  private static final ApiDocument.Fact<Map<NodeRef, Copies>> COPIES = InlineParameters::compute;

  /**
   * Same place, same name (a header's in any case) and the same schema, member for member but for
   * its prose (the rules that ask read none).
   */
  private record Key(String in, String name, JsonNode schema) {}

  private static Map<NodeRef, Copies> compute(ApiDocument document) {
    Map<Key, Set<NodeRef>> schemas = new LinkedHashMap<>();
    Map<Key, Set<String>> operations = new HashMap<>();
    Map<Key, String> names = new HashMap<>();
    for (Operation operation : document.operations()) {
      for (Parameter parameter : operation.parameters()) {
        NodeRef schema = parameter.schema();
        if (parameter.entry().isRef() || schema == null || schema.isRef()) {
          continue;
        }
        String name =
            parameter.in().equals("header")
                ? parameter.name().toLowerCase(Locale.ROOT)
                : parameter.name();
        Key key = new Key(parameter.in(), name, withoutProse(schema.node()));
        schemas.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(schema);
        operations.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(operation.label());
        names.putIfAbsent(key, parameter.name());
      }
    }
    Map<NodeRef, Copies> copies = new HashMap<>();
    schemas.forEach(
        (key, written) -> {
          if (written.size() > 1) {
            Copies group =
                new Copies(names.get(key), List.copyOf(written), List.copyOf(operations.get(key)));
            written.forEach(schema -> copies.put(schema, group));
          }
        });
    return Map.copyOf(copies);
  }

  /**
   * {@code node} without its {@code description} and {@code summary} members, at any depth (a
   * Swagger 2.0 parameter is its own schema and carries its description).
   */
  private static JsonNode withoutProse(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!PROSE.contains(member.getKey())) {
          copy.set(member.getKey(), withoutProse(member.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> copy.add(withoutProse(element)));
      return copy;
    }
    return node;
  }
}
