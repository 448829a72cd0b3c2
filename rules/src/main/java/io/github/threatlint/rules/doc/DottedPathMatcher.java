package io.github.threatlint.rules.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the nodes a dotted path of swagger-parser's messages stands for. The path is no pointer
 * (quoted path templates, {@code (method)} for operations, {@code [name]} for parameters, array
 * indexes left out, nested schemas reported at their parent's location, a few misspelt segments),
 * so it is matched against the tree rather than translated: the text is consumed segment by segment
 * along existing keys, and where that is not possible the match may step into a child without
 * consuming text or drop a segment, each at a cost. The cheapest complete matches win.
 */
final class DottedPathMatcher {
  private static final int MAX_COST = 3;
  private static final int MAX_DEEP_SEARCH = 20_000;

  /** States one match may explore: bounds the time a huge, badly broken document can take. */
  private static final int MAX_STATES = 50_000;

  /** How far a match got: the node reached, the text consumed, what it cost. */
  record State(NodeRef node, int pos, int cost) {}

  private final ApiDocument document;
  private final NodeRef root;

  DottedPathMatcher(ApiDocument document) {
    this.document = document;
    this.root = document.root();
  }

  /**
   * A value of the wrong type that is a {@code $ref} leading to a value of the expected type: a
   * multi-file source whose bundler inlines it (a tag description kept in a Markdown-holding file),
   * as threatlint follows operation references. The bundled document is valid; a reference that
   * does not resolve is ref-unresolved's.
   */
  private boolean isBundledValue(NodeRef target, String expectedType) {
    if (expectedType == null || !target.isRef()) {
      return false;
    }
    NodeRef value = document.deref(target);
    return value == null || hasType(value.node(), expectedType);
  }

  /**
   * Whether the message's location, read as written, reaches a {@link #isBundledValue bundled
   * value}.
   */
  boolean reachesBundledValue(String path, String expectedType) {
    for (State state : walk(path, 1)) {
      if (state.pos() == path.length() && isBundledValue(state.node(), expectedType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Targets of a message about a field that is there (unexpected, wrong type, unsupported,
   * reserved).
   */
  List<NodeRef> findPresent(String path, String key) {
    return findPresent(path, key, null);
  }

  /**
   * As {@link #findPresent(String, String)}; with {@code expectedType}, a field found below the
   * location (in a nested schema) must also have another type than the one expected.
   */
  List<NodeRef> findPresent(String path, String key, String expectedType) {
    for (int budget = 0; budget <= MAX_COST; budget++) {
      List<State> states = walk(path, budget);
      List<NodeRef> complete =
          cheapest(
              states,
              state ->
                  state.pos() == path.length()
                      && !hasType(state.node().node(), expectedType)
                      && !isBundledValue(state.node(), expectedType));
      if (!complete.isEmpty()) {
        return complete;
      }
      // nested schemas are reported at their parent's location: look for the field below it (a
      // field of
      // the expected type at the location itself is not the one the message is about)
      List<NodeRef> nested = new ArrayList<>();
      for (NodeRef owner : cheapest(states, state -> rest(path, state.pos()).equals(key))) {
        NodeRef found =
            searchBelow(
                owner,
                node ->
                    node.isObject()
                        && node.has(key)
                        && !hasType(node.node().get(key), expectedType)
                        && !isBundledValue(node.get(key), expectedType));
        if (found != null) {
          nested.add(found.get(key));
        }
      }
      if (!nested.isEmpty()) {
        return nested;
      }
    }
    return List.of();
  }

  /**
   * A message with an empty key ({@code attribute components.schemas.Psc. is not of type `object`})
   * is about a nested schema that is no object: the first such value below the location.
   */
  List<NodeRef> findNonSchema(String path) {
    String location = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    for (int budget = 0; budget <= MAX_COST; budget++) {
      List<NodeRef> owners =
          cheapest(walk(location, budget), state -> state.pos() == location.length());
      List<NodeRef> found = new ArrayList<>();
      for (NodeRef owner : owners) {
        NodeRef value = searchBelow(owner, DottedPathMatcher::isMisplacedSchema);
        if (value != null) {
          found.add(value);
        }
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static final Set<String> SCHEMA_MAPS =
      Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
  private static final Set<String> SCHEMA_FIELDS =
      Set.of(
          "items",
          "not",
          "if",
          "then",
          "else",
          "contains",
          "propertyNames",
          "additionalItems",
          "unevaluatedItems",
          "contentSchema");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "oneOf", "anyOf", "prefixItems");

  /** A value where a schema belongs that is neither an object nor a boolean. */
  private static boolean isMisplacedSchema(NodeRef node) {
    JsonNode value = node.node();
    if (value.isObject() || value.isBoolean()) {
      return false;
    }
    String parent = Pointers.parent(node.pointer());
    if (parent == null) {
      return false;
    }
    String key = Pointers.lastSegment(node.pointer());
    String parentKey = Pointers.lastSegment(parent);
    String grandparent = Pointers.parent(parent);
    boolean inSchemaMap = SCHEMA_MAPS.contains(parentKey) && grandparent != null;
    boolean inSchemaList = SCHEMA_LISTS.contains(parentKey) && key.matches("\\d+");
    return inSchemaMap || inSchemaList || (SCHEMA_FIELDS.contains(key) && !value.isArray());
  }

  /** Objects a message about a missing field is about: the object that lacks it. */
  List<NodeRef> findMissing(String path, String key) {
    for (int budget = 0; budget <= MAX_COST; budget++) {
      List<State> states = walk(path, budget);
      List<NodeRef> owners =
          cheapest(states, state -> rest(path, state.pos()).equals(key) && state.node().isObject());
      List<NodeRef> lacking = new ArrayList<>();
      for (NodeRef owner : owners) {
        NodeRef present = owner.get(key);
        if (present == null && shouldHave(owner, key)) {
          lacking.add(owner);
        } else if (present != null
            && present.node().isContainerNode()
            && present.node().isEmpty()) {
          lacking.add(present); // Swagger 2.0 reports an empty responses object as missing
        } else {
          NodeRef found = searchBelow(owner, node -> lacks(node, key));
          if (found != null) {
            lacking.add(found);
          }
        }
      }
      if (!lacking.isEmpty()) {
        return lacking;
      }
    }
    return List.of();
  }

  /**
   * True when the value is of the expected simple type; false for any other type or expectation.
   */
  private static boolean hasType(JsonNode value, String expectedType) {
    if (expectedType == null) {
      return false;
    }
    return switch (expectedType.strip()) {
      case "string" -> value.isTextual();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "integer" -> value.isIntegralNumber();
      case "double", "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> false;
    };
  }

  /**
   * A schema that should have the key but has not (nested schemas share their parent's location).
   */
  private static boolean lacks(NodeRef node, String key) {
    return node.isObject() && !node.has(key) && key.equals("items") && shouldHave(node, key);
  }

  /** Whether a missing key is plausibly missing here: {@code items} only in an array schema. */
  private static boolean shouldHave(NodeRef node, String key) {
    if (!key.equals("items")) {
      return true;
    }
    JsonNode type = node.node().get("type");
    if (type == null) {
      return false;
    }
    if (type.isArray()) {
      for (JsonNode element : type) {
        if (element.asText().equals("array")) {
          return true;
        }
      }
      return false;
    }
    return type.asText().equals("array");
  }

  /**
   * Breadth-first search below {@code start} (not following $ref) for the first node that passes.
   */
  private static NodeRef searchBelow(NodeRef start, java.util.function.Predicate<NodeRef> test) {
    Deque<NodeRef> queue = new ArrayDeque<>();
    queue.add(start);
    int visited = 0;
    while (!queue.isEmpty() && visited < MAX_DEEP_SEARCH) {
      NodeRef node = queue.poll();
      List<NodeRef> children = new ArrayList<>();
      if (node.isObject()) {
        node.members().forEach(member -> children.add(member.getValue()));
      } else if (node.node().isArray()) {
        children.addAll(node.elements());
      }
      for (NodeRef child : children) {
        visited++;
        if (test.test(child)) {
          return child;
        }
        if (child.node().isContainerNode()) {
          queue.add(child);
        }
      }
    }
    return null;
  }

  private static List<NodeRef> cheapest(
      List<State> states, java.util.function.Predicate<State> accept) {
    int best = Integer.MAX_VALUE;
    Map<String, NodeRef> nodes = new LinkedHashMap<>();
    for (State state : states) {
      if (!accept.test(state)) {
        continue;
      }
      if (state.cost() < best) {
        best = state.cost();
        nodes.clear();
      }
      if (state.cost() == best) {
        nodes.putIfAbsent(state.node().key(), state.node());
      }
    }
    return new ArrayList<>(nodes.values());
  }

  /** The text after {@code pos}, without the dot that separates it. */
  private static String rest(String path, int pos) {
    String rest = path.substring(pos);
    return rest.startsWith(".") ? rest.substring(1) : rest;
  }

  /** Every state the dotted text reaches from the root, each place with its cheapest cost. */
  private List<State> walk(String text, int budget) {
    return walk(text, budget, true);
  }

  /**
   * As {@link #walk(String, int)}; without {@code allowDrop} no segment of the text may be skipped,
   * for warnings, whose text goes on with prose after the location.
   */
  List<State> walk(String text, int budget, boolean allowDrop) {
    Map<String, Integer> best = new HashMap<>();
    List<State> reached = new ArrayList<>();
    Deque<State> stack = new ArrayDeque<>();
    stack.push(new State(root, 0, 0));
    while (!stack.isEmpty() && reached.size() < MAX_STATES) {
      State state = stack.pop();
      String memo = state.node().key() + "@" + state.pos();
      Integer known = best.get(memo);
      if (known != null && known <= state.cost()) {
        continue;
      }
      best.put(memo, state.cost());
      reached.add(state);
      for (State next : steps(text, state, budget, allowDrop)) {
        stack.push(next);
      }
    }
    // keep the cheapest state per place
    Map<String, State> cheapest = new LinkedHashMap<>();
    for (State state : reached) {
      String memo = state.node().key() + "@" + state.pos();
      State other = cheapest.get(memo);
      if (other == null || state.cost() < other.cost()) {
        cheapest.put(memo, state);
      }
    }
    return new ArrayList<>(cheapest.values());
  }

  private List<State> steps(String text, State state, int budget, boolean allowDrop) {
    List<State> next = new ArrayList<>();
    int pos = state.pos();
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
    }
    NodeRef node = state.node();
    int cost = state.cost();
    if (pos >= text.length()) {
      return next;
    }
    char c = text.charAt(pos);
    if (c == '(') {
      int close = text.indexOf(')', pos);
      if (close > pos && node.isObject()) {
        NodeRef child = node.get(text.substring(pos + 1, close));
        if (child != null) {
          next.add(new State(child, close + 1, cost));
        }
      }
    } else if (c == '\'') {
      for (int end = text.indexOf('\'', pos + 1); end > 0; end = text.indexOf('\'', end + 1)) {
        if (end + 1 == text.length() || ".( ".indexOf(text.charAt(end + 1)) >= 0) {
          NodeRef child = node.isObject() ? node.get(text.substring(pos + 1, end)) : null;
          if (child != null) {
            next.add(new State(child, end + 1, cost));
          }
        }
      }
    } else if (c == '[') {
      int end = text.indexOf(']', pos);
      while (end > 0
          && end + 1 < text.length()
          && text.charAt(end + 1) != '.'
          && text.charAt(end + 1) != ' ') {
        end = text.indexOf(']', end + 1);
      }
      if (end > 0) {
        String name = text.substring(pos + 1, end);
        for (NodeRef element : namedElements(node, name)) {
          next.add(new State(element, end + 1, cost));
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, NodeRef> member : node.members()) {
        String key = member.getKey();
        if (!key.isEmpty() && text.startsWith(key, pos) && isBoundary(text, pos + key.length())) {
          int after = pos + key.length();
          next.add(new State(member.getValue(), after, cost));
          NodeRef indexed = indexed(member.getValue(), text, after);
          if (indexed != null) {
            next.add(new State(indexed, text.indexOf(']', after) + 1, cost));
          }
        }
      }
      String token = plainToken(text, pos);
      if (cost + 1 <= budget
          && token.endsWith("s")
          && node.has(token.substring(0, token.length() - 1))) {
        next.add(
            new State(
                node.get(token.substring(0, token.length() - 1)), pos + token.length(), cost + 1));
      }
    }
    String token = plainToken(text, pos);
    if (allowDrop && !token.isEmpty() && c != '(' && c != '\'' && c != '[' && cost + 2 <= budget) {
      next.add(new State(node, pos + token.length(), cost + 2));
    }
    if (cost + 1 <= budget) {
      for (NodeRef child : containerChildren(node)) {
        next.add(new State(child, state.pos(), cost + 1));
      }
    }
    return next;
  }

  /**
   * Parameters named {@code name} in an array, or in the object's parameters array ({@code
   * ['unknown']} for unnamed).
   */
  private static List<NodeRef> namedElements(NodeRef node, String name) {
    List<NodeRef> elements = new ArrayList<>();
    boolean unnamed = name.equals("['unknown']") || name.equals("'unknown'");
    if (node.isObject()
        && node.has("in")
        && (unnamed ? !node.has("name") : name.equals(node.text("name")))) {
      elements.add(node); // a parameter in components, already reached by its key
      return elements;
    }
    NodeRef array = node.node().isArray() ? node : node.isObject() ? node.get("parameters") : null;
    if (array == null) {
      return elements;
    }
    for (NodeRef element : array.elements()) {
      if (!element.isObject()) {
        continue;
      }
      JsonNode elementName = element.node().get("name");
      if (unnamed
          ? elementName == null
          : elementName != null && elementName.asText().equals(name)) {
        elements.add(element);
      }
    }
    return elements;
  }

  /** {@code allOf[2]}: the element of an array member, when the text goes on with an index. */
  private static NodeRef indexed(NodeRef array, String text, int pos) {
    if (!array.node().isArray() || pos >= text.length() || text.charAt(pos) != '[') {
      return null;
    }
    int close = text.indexOf(']', pos);
    if (close < 0 || !text.substring(pos + 1, close).matches("\\d{1,6}")) {
      return null;
    }
    return array.get(Integer.parseInt(text.substring(pos + 1, close)));
  }

  private static boolean isBoundary(String text, int pos) {
    return pos == text.length() || ".([ ".indexOf(text.charAt(pos)) >= 0;
  }

  private static String plainToken(String text, int pos) {
    int end = pos;
    while (end < text.length()
        && text.charAt(end) != '.'
        && text.charAt(end) != '('
        && text.charAt(end) != ' ') {
      end++;
    }
    return text.substring(pos, end);
  }

  private static List<NodeRef> containerChildren(NodeRef node) {
    List<NodeRef> children = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, NodeRef> member : node.members()) {
        if (member.getValue().node().isContainerNode()) {
          children.add(member.getValue());
        }
      }
    } else if (node.node().isArray()) {
      for (NodeRef element : node.elements()) {
        if (element.node().isContainerNode()) {
          children.add(element);
        }
      }
    }
    return children;
  }

  /**
   * The deepest node any prefix of the text reaches, for messages that match nothing completely.
   */
  NodeRef deepestReached(String text) {
    State deepest = new State(root, 0, 0);
    for (State state : walk(text, 2)) {
      if (state.pos() > deepest.pos()
          || (state.pos() == deepest.pos() && state.cost() < deepest.cost())) {
        deepest = state;
      }
    }
    return deepest.node();
  }
}
