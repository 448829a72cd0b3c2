package io.github.threatlint.rules.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Pointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns swagger-parser's messages into findings on the node they are about.
 *
 * <p>swagger-parser words its problems as dotted paths ({@code attribute
 * paths.'/pets'(get).responses is missing}) that are not pointers: quoted path templates, {@code
 * (method)} for operations, {@code [name]} for parameters, array indexes left out, nested schemas
 * reported at their parent's location, and a few misspelt segments. So a message is matched against
 * the tree rather than translated: the text is consumed segment by segment along existing keys, and
 * where that is not possible the match may step into a child without consuming text or drop a
 * segment, each at a cost. The cheapest complete matches win; a message that matches nothing
 * completely lands on the deepest node its text reaches, and is never dropped, except for the
 * messages below that are known to be wrong or that {@code spec-invalid} words better itself.
 */
final class ParserMessageMapper {
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "attribute (.*) is (unexpected|missing|unsupported|repeated|reserved by The OpenAPI Initiative|not of type `([^`]*)`)",
          Pattern.DOTALL);
  private static final int MAX_COST = 3;
  private static final int MAX_DEEP_SEARCH = 20_000;

  /** States one match may explore: bounds the time a huge, badly broken document can take. */
  private static final int MAX_STATES = 50_000;

  /**
   * Fields whose members are named by the author: a member there is never an "unexpected" field.
   */
  private static final Set<String> NAMED_MAPS =
      Set.of(
          "paths",
          "webhooks",
          "schemas",
          "definitions",
          "properties",
          "patternProperties",
          "$defs",
          "responses",
          "parameters",
          "requestBodies",
          "headers",
          "examples",
          "links",
          "callbacks",
          "securitySchemes",
          "securityDefinitions",
          "pathItems",
          "content",
          "encoding",
          "variables",
          "scopes",
          "mapping",
          "dependentSchemas");

  /**
   * The fields of a security scheme and its flows whose absence or wrong value
   * security-scheme-malformed reports.
   */
  private static final Set<String> SCHEME_FIELDS =
      Set.of(
          "type",
          "name",
          "in",
          "scheme",
          "flows",
          "flow",
          "openIdConnectUrl",
          "authorizationUrl",
          "tokenUrl",
          "deviceAuthorizationUrl",
          "scopes");

  enum Kind {
    UNEXPECTED,
    WRONG_TYPE,
    MISSING,
    UNSUPPORTED,
    REPEATED,
    RESERVED,
    WARNING
  }

  /** A finding to report: where and what. */
  record Mapped(NodeRef node, String message) {}

  private record State(NodeRef node, int pos, int cost) {}

  private final ApiDocument document;
  private final NodeRef root;

  ParserMessageMapper(ApiDocument document) {
    this.document = document;
    this.root = document.root();
  }

  /**
   * The findings for one message: usually one, several when the message stands for several places,
   * none when dropped.
   */
  List<Mapped> map(String raw) {
    String text = raw == null ? "" : raw.strip();
    if (text.startsWith(ApiDocument.UNREADABLE_VALUE)) {
      return List.of(mapUnreadable(text.substring(ApiDocument.UNREADABLE_VALUE.length())));
    }
    Matcher attribute = ATTRIBUTE.matcher(text);
    if (!attribute.matches()) {
      return mapWarning(text);
    }
    String path = attribute.group(1);
    String verb = attribute.group(2);
    Kind kind =
        verb.startsWith("not of type")
            ? Kind.WRONG_TYPE
            : switch (verb) {
              case "unexpected" -> Kind.UNEXPECTED;
              case "missing" -> Kind.MISSING;
              case "unsupported" -> Kind.UNSUPPORTED;
              case "repeated" -> Kind.REPEATED;
              default -> Kind.RESERVED;
            };
    String key = lastSegment(path);
    if (key.endsWith(" with no media type")) {
      // "attribute ...requestBody.content with no media type is unsupported"
      String field = key.substring(0, key.indexOf(' '));
      String owner = path.substring(0, path.length() - key.length());
      List<NodeRef> targets = findPresent(owner + field, field);
      NodeRef target = targets.isEmpty() ? deepestReached(owner + field) : targets.get(0);
      if (!isParameterOrHeaderContent(target)) {
        // only a parameter's or header's content must have exactly one entry; a request body's may
        // be empty
        return List.of();
      }
      return List.of(
          new Mapped(
              target,
              "'"
                  + field
                  + "' in "
                  + describe(
                      root.nearest(
                          Pointers.parent(target.pointer()) == null
                              ? ""
                              : Pointers.parent(target.pointer())))
                  + " lists no media type: add one, such as application/json."));
    }
    path = collapseRepeatedKey(path, key);
    if (isDropped(kind, key, path)
        || (document.isSwagger2() && kind == Kind.UNEXPECTED && key.equals("externalDocs"))) {
      // Swagger 2.0 allows externalDocs on schemas, but swagger-parser 1.x does not know it
      return List.of();
    }
    if (kind == Kind.REPEATED) {
      return mapRepeated(path, key, text);
    }
    List<NodeRef> targets =
        kind == Kind.MISSING
            ? findMissing(path, key)
            : key.isEmpty()
                ? findNonSchema(path)
                : findPresent(path, key, kind == Kind.WRONG_TYPE ? attribute.group(3) : null);
    boolean bundled = kind == Kind.WRONG_TYPE && reachesBundledValue(path, attribute.group(3));
    if (bundled) {
      // the message is (also) about a value a bundler inlines: only other fields of that name are
      // problems
      targets =
          targets.stream()
              .filter(target -> Pointers.lastSegment(target.pointer()).equals(key))
              .toList();
    }
    List<Mapped> mapped = new ArrayList<>();
    for (NodeRef target : targets) {
      if (kind == Kind.UNEXPECTED && isNamedMember(target)) {
        continue; // swagger-parser checks some maps' entries as if they were fields (encoding,
        // ...): not a problem
      }
      if (isOwnedElsewhere(kind, key, target)
          || isIgnoredRefSibling(kind, target)
          || isSwagger2TypeList(kind, target)) {
        continue;
      }
      mapped.add(new Mapped(target, message(kind, target, key, attribute.group(3))));
    }
    if (targets.isEmpty() && !bundled) {
      NodeRef nearest = deepestReached(path);
      mapped.add(
          new Mapped(
              nearest,
              "Structural problem reported by the OpenAPI parser at "
                  + describe(nearest)
                  + ": "
                  + text
                  + ". Fix the document so that it follows the specification."));
    }
    return mapped;
  }

  // ------------------------------------------------------------------ what is dropped

  private static boolean isDropped(Kind kind, String key, String path) {
    if ((kind == Kind.UNEXPECTED || kind == Kind.UNSUPPORTED) && key.startsWith("x-")) {
      return true; // specification extensions are allowed everywhere; Swagger 2.0 parsing flags
      // some of them
    }
    if (kind == Kind.REPEATED && key.equals("operationId")) {
      return true; // operation-id-invalid reports duplicate operation ids, with both places
    }
    // a $ref to a component that does not exist is reported as a missing attribute: ref-unresolved
    // reports it
    return kind == Kind.MISSING && (key.startsWith("#") || path.contains("#/"));
  }

  private static boolean isDroppedWarning(String text) {
    return text.contains(
            "Declared path parameter") // spec-invalid checks path templates itself, $refs included
        || text.contains("For path parameter") // and path parameters without required: true
        || text.contains(
            "writeOnly and readOnly are both present"); // read-write-only-conflict reports it
  }

  /**
   * Problems inside a security scheme that security-scheme-malformed reports with the scheme's own
   * words: a missing or unknown type, missing fields (name, in, scheme, flows, URLs, scopes) and
   * unknown flows.
   */
  private static boolean isOwnedElsewhere(Kind kind, String key, NodeRef target) {
    List<String> segments = Pointers.segments(target.pointer());
    boolean inScheme =
        (segments.size() >= 3
                && segments.get(0).equals("components")
                && segments.get(1).equals("securitySchemes"))
            || (segments.size() >= 2 && segments.get(0).equals("securityDefinitions"));
    if (!inScheme) {
      return false;
    }
    String parent = segments.size() >= 2 ? segments.get(segments.size() - 2) : "";
    return ((kind == Kind.MISSING || kind == Kind.WRONG_TYPE) && SCHEME_FIELDS.contains(key))
        || (kind == Kind.UNEXPECTED && parent.equals("flows"));
  }

  /**
   * A field next to {@code $ref} in a Swagger 2.0 schema: the 2.0 schema object lists {@code $ref}
   * among its fields, and JSON Reference says the siblings are ignored; that is allowed, not
   * invalid (OpenAPI 3.0's Reference Object, in contrast, "cannot be extended").
   */
  private boolean isIgnoredRefSibling(Kind kind, NodeRef target) {
    if (kind != Kind.UNEXPECTED || !document.isSwagger2()) {
      return false;
    }
    String parentPointer = Pointers.parent(target.pointer());
    return parentPointer != null
        && root.nearest(parentPointer).isRef()
        && isSwagger2Schema(parentPointer);
  }

  /**
   * A list of types in a Swagger 2.0 schema: its type is JSON Schema draft 4's, which allows one
   * ({@code [object, "null"]}).
   */
  private boolean isSwagger2TypeList(Kind kind, NodeRef target) {
    String parentPointer = Pointers.parent(target.pointer());
    return kind == Kind.WRONG_TYPE
        && document.isSwagger2()
        && target.node().isArray()
        && Pointers.lastSegment(target.pointer()).equals("type")
        && parentPointer != null
        && isSwagger2Schema(parentPointer);
  }

  /**
   * Where a Swagger 2.0 document has a schema: a body or response schema, a definition, a property,
   * items, allOf.
   */
  private static boolean isSwagger2Schema(String pointer) {
    List<String> segments = Pointers.segments(pointer);
    int size = segments.size();
    if (size == 0) {
      return false;
    }
    String last = segments.get(size - 1);
    String previous = size >= 2 ? segments.get(size - 2) : "";
    return last.equals("schema")
        || last.equals("items")
        || last.equals("additionalProperties")
        || (previous.equals("definitions") && size == 2)
        || previous.equals("properties")
        || previous.equals("allOf");
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
  private boolean reachesBundledValue(String path, String expectedType) {
    for (State state : walk(path, 1)) {
      if (state.pos() == path.length() && isBundledValue(state.node(), expectedType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A content map that belongs to a parameter or header (in a list, in components, or in a
   * response's headers).
   */
  private static boolean isParameterOrHeaderContent(NodeRef content) {
    List<String> segments = Pointers.segments(content.pointer());
    int size = segments.size();
    return size >= 3
        && (segments.get(size - 3).equals("parameters")
            || segments.get(size - 3).equals("headers"));
  }

  private boolean isNamedMember(NodeRef target) {
    String parent = Pointers.parent(target.pointer());
    return parent != null && NAMED_MAPS.contains(Pointers.lastSegment(parent)) && target.isObject();
  }

  // ------------------------------------------------------------------ matching

  /**
   * Targets of a message about a field that is there (unexpected, wrong type, unsupported,
   * reserved).
   */
  private List<NodeRef> findPresent(String path, String key) {
    return findPresent(path, key, null);
  }

  /**
   * As {@link #findPresent(String, String)}; with {@code expectedType}, a field found below the
   * location (in a nested schema) must also have another type than the one expected.
   */
  private List<NodeRef> findPresent(String path, String key, String expectedType) {
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
  private List<NodeRef> findNonSchema(String path) {
    String location = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
    for (int budget = 0; budget <= MAX_COST; budget++) {
      List<NodeRef> owners =
          cheapest(walk(location, budget), state -> state.pos() == location.length());
      List<NodeRef> found = new ArrayList<>();
      for (NodeRef owner : owners) {
        NodeRef value = searchBelow(owner, ParserMessageMapper::isMisplacedSchema);
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
  private List<NodeRef> findMissing(String path, String key) {
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
  private List<State> walk(String text, int budget, boolean allowDrop) {
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
  private NodeRef deepestReached(String text) {
    State deepest = new State(root, 0, 0);
    for (State state : walk(text, 2)) {
      if (state.pos() > deepest.pos()
          || (state.pos() == deepest.pos() && state.cost() < deepest.cost())) {
        deepest = state;
      }
    }
    return deepest.node();
  }

  /**
   * The key a dotted path ends with: the text after its last dot outside quotes, brackets and
   * parentheses.
   */
  static String lastSegment(String path) {
    int depth = 0;
    boolean quoted = false;
    for (int i = path.length() - 1; i >= 0; i--) {
      char c = path.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == ']' || c == ')')) {
        depth++;
      } else if (!quoted && (c == '[' || c == '(')) {
        depth--;
      } else if (!quoted && depth == 0 && c == '.') {
        return path.substring(i + 1);
      }
    }
    return path;
  }

  /**
   * {@code ...x.type.type}: some messages repeat the key after a location that already ends with
   * it.
   */
  private static String collapseRepeatedKey(String path, String key) {
    String doubled = "." + key + "." + key;
    return path.endsWith(doubled) ? path.substring(0, path.length() - key.length() - 1) : path;
  }

  /**
   * {@code /paths/~1pets/get: expected an object, found a string}: a value the parser cannot read
   * at all.
   */
  private Mapped mapUnreadable(String rest) {
    int colon = rest.indexOf(": ");
    String pointer = colon < 0 ? rest : rest.substring(0, colon);
    String what = colon < 0 ? "" : rest.substring(colon + 2);
    NodeRef node = root.nearest(pointer);
    if (node.pointer().isEmpty()) {
      return new Mapped(
          node,
          "The OpenAPI parser cannot read this document ("
              + what
              + "): fix its structure; "
              + "until then no other structural problem can be reported.");
    }
    String parentPointer = Pointers.parent(node.pointer());
    String where =
        parentPointer == null ? "the document root" : describe(root.nearest(parentPointer));
    return new Mapped(
        node,
        "'"
            + Pointers.lastSegment(node.pointer())
            + "' in "
            + where
            + " has the wrong type ("
            + what
            + "): the OpenAPI parser cannot read the document because of it; correct the value.");
  }

  // ------------------------------------------------------------------ repeated and warnings

  private List<Mapped> mapRepeated(String path, String key, String text) {
    NodeRef tags = root.get("tags");
    if (path.equals("tags." + key) && tags != null) {
      List<Mapped> mapped = new ArrayList<>();
      boolean first = true;
      for (NodeRef tag : tags.elements()) {
        if (tag.isObject() && key.equals(tag.text("name"))) {
          if (!first) {
            mapped.add(
                new Mapped(
                    tag,
                    "Tag '"
                        + key
                        + "' is declared more than once in 'tags': keep one declaration "
                        + "and merge the descriptions."));
          }
          first = false;
        }
      }
      if (!mapped.isEmpty()) {
        return mapped;
      }
    }
    NodeRef nearest = deepestReached(path);
    return List.of(
        new Mapped(
            nearest,
            "'"
                + key
                + "' is repeated at "
                + describe(nearest)
                + " ("
                + text
                + "): each must be unique."));
  }

  private List<Mapped> mapWarning(String text) {
    if (isDroppedWarning(text)) {
      return List.of();
    }
    State best = new State(root, 0, 0);
    for (State state : walk(text, 2, false)) {
      int pos = state.pos();
      boolean boundary = pos == text.length() || text.charAt(pos) == '.' || text.charAt(pos) == ' ';
      if (boundary && (pos > best.pos() || (pos == best.pos() && state.cost() < best.cost()))) {
        best = state;
      }
    }
    String remainder = text.substring(best.pos()).replaceFirst("^\\.?\\s*", "").strip();
    Mapped mapped = warningMessage(best.node(), remainder, text);
    return mapped == null ? List.of() : List.of(mapped);
  }

  private static final Pattern NAME_PATTERN =
      Pattern.compile(
          "(?:PathItem key|Link name|Parameter name|Callback key|Header name|SecurityScheme name|Schema name|Example name"
              + "|RequestBody name|Response key|[A-Za-z]+ (?:name|key)) (.+) doesn't adhere to regular expression .*");

  /** The finding for a warning, or null when the warning is not a problem spec-invalid reports. */
  private Mapped warningMessage(NodeRef node, String remainder, String text) {
    Matcher resource = Pattern.compile("Resource (.+) should start with /").matcher(remainder);
    if (resource.matches()
        && root.get("paths") != null
        && root.get("paths").has(resource.group(1))) {
      return new Mapped(
          root.get("paths").get(resource.group(1)),
          "Path '"
              + resource.group(1)
              + "' does not start "
              + "with '/': write path templates relative to the server URL, starting with a slash.");
    }
    Matcher name = NAME_PATTERN.matcher(remainder);
    if (name.matches()) {
      NodeRef member = node.isObject() ? node.get(name.group(1)) : null;
      return new Mapped(
          member != null ? member : node,
          "Component name '"
              + name.group(1)
              + "' contains characters "
              + "that component names may not use: use only letters, digits, '.', '-' and '_'.");
    }
    if (remainder.startsWith("examples already defined")) {
      NodeRef example = node.isObject() ? node.get("example") : null;
      return new Mapped(
          example != null ? example : node,
          "Both 'example' and 'examples' are given at "
              + describe(node)
              + ": tools ignore 'example' then; keep only one of them.");
    }
    if (remainder.equals("There are duplicate parameter values")) {
      NodeRef duplicate = duplicateParameter(node);
      return new Mapped(
          duplicate != null ? duplicate : node,
          "A parameter is declared twice (same name and location) "
              + "at "
              + describe(node)
              + ": a parameter is identified by name and location, so declare each once.");
    }
    Matcher type = Pattern.compile("(invalid|duplicated) type (.*)").matcher(remainder);
    if (type.matches() && node.isObject() && node.has("type")) {
      String what =
          type.group(1).equals("invalid") ? "is not a JSON Schema type" : "is listed twice";
      return new Mapped(
          node.get("type"),
          "Type '"
              + type.group(2)
              + "' "
              + what
              + " at "
              + describe(node)
              + ": use null, boolean, object, array, number, string or integer, each once.");
    }
    if (remainder.startsWith("enum array MUST NOT be empty")
        && node.isObject()
        && node.has("enum")) {
      return new Mapped(
          node.get("enum"),
          "The enum of server variable "
              + describe(node)
              + " is empty: list at least "
              + "the default value, or leave enum out.");
    }
    if (node.isObject() && node.has("url") && remainder.equals(node.text("url"))) {
      if (isServer(node) || (!document.isSwagger2() && isUriReference(remainder))) {
        // server URLs are server-url-invalid's; OpenAPI 3 allows relative references wherever a URL
        // is asked for
        return null;
      }
      return new Mapped(
          node.get("url"),
          "The url '"
              + remainder
              + "' of "
              + describe(node)
              + " is not a valid URL: "
              + "write an absolute URL.");
    }
    Matcher invalidUrl =
        Pattern.compile("(?i)(?:jsonSchemaDialect\\. )?invalid url ?: ?(.*)").matcher(remainder);
    if (invalidUrl.matches() && isServer(node)) {
      return null; // server-url-invalid reports server URLs, undefined variables included
    }
    if (invalidUrl.matches()) {
      NodeRef at =
          node.isObject() && node.has("url")
              ? node.get("url")
              : node.isObject() && node.has("jsonSchemaDialect")
                  ? node.get("jsonSchemaDialect")
                  : node;
      return new Mapped(
          at,
          "'"
              + invalidUrl.group(1)
              + "' at "
              + describe(node)
              + " is not a valid URL: correct it, "
              + "and define every {variable} it uses.");
    }
    Matcher target =
        Pattern.compile("target (\\S+) is not of expected type (.+)").matcher(remainder);
    if (target.matches()) {
      String parent = Pointers.parent(node.pointer());
      String expected = target.group(2).replace("/", " or ").toLowerCase(Locale.ROOT);
      return new Mapped(
          node,
          "The reference to "
              + target.group(1)
              + " in "
              + describe(parent == null ? node : root.nearest(parent))
              + " leads to something that is not a "
              + expected
              + ": point it at a "
              + expected
              + " definition.");
    }
    if (remainder.startsWith("multipleOf value must be > 0")
        && node.isObject()
        && node.has("multipleOf")) {
      return new Mapped(
          node.get("multipleOf"), "multipleOf must be greater than 0 at " + describe(node) + ".");
    }
    if (remainder.isEmpty()) {
      remainder = text;
    }
    return new Mapped(
        node,
        "Structural problem at "
            + describe(node)
            + ": "
            + remainder
            + (remainder.endsWith(".") ? "" : ".")
            + " Fix the document so that it follows the specification.");
  }

  /**
   * A Server Object: an element of a servers list (root, path item or operation) or a link's
   * server.
   */
  private static boolean isServer(NodeRef node) {
    String parent = Pointers.parent(node.pointer());
    return (parent != null && Pointers.lastSegment(parent).equals("servers"))
        || Pointers.lastSegment(node.pointer()).equals("server");
  }

  /**
   * A valid URI or relative reference (RFC 3986), such as {@code /contact} or {@code
   * docs/index.html}.
   */
  private static boolean isUriReference(String value) {
    try {
      new java.net.URI(value);
      return !value.isBlank();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /**
   * The second of two parameters with the same name and location in a parameters list (resolved).
   */
  private NodeRef duplicateParameter(NodeRef owner) {
    NodeRef list =
        owner.isObject() ? owner.get("parameters") : owner.node().isArray() ? owner : null;
    if (list == null) {
      return null;
    }
    Map<String, NodeRef> seen = new HashMap<>();
    for (NodeRef entry : list.elements()) {
      NodeRef definition = document.deref(entry);
      if (definition == null || !definition.isObject()) {
        continue;
      }
      String id = definition.text("in") + ":" + definition.text("name");
      if (seen.putIfAbsent(id, entry) != null) {
        return entry;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ wording

  private String message(Kind kind, NodeRef target, String key, String expectedType) {
    String parentPointer = Pointers.parent(target.pointer());
    NodeRef parent = parentPointer == null ? root : root.nearest(parentPointer);
    return switch (kind) {
      case MISSING ->
          Pointers.lastSegment(target.pointer()).equals(key)
              ? "'"
                  + key
                  + "' in "
                  + describe(parent)
                  + " is empty: it must have at least one entry."
              : "The required field '" + key + "' is missing in " + describe(target) + ": add it.";
      case UNEXPECTED ->
          parent.isRef() && !key.equals("$ref")
              ? "'"
                  + key
                  + "' next to $ref in "
                  + describe(parent)
                  + " is ignored: a reference takes no other fields here; "
                  + "remove it, or move it into the referenced definition."
              : "Unknown field '"
                  + key
                  + "' in "
                  + describe(parent)
                  + ": remove it, or rename it to 'x-"
                  + key
                  + "' if it is an extension.";
      case UNSUPPORTED -> "'" + key + "' is not supported in " + describe(parent) + ": remove it.";
      case RESERVED ->
          "Extension '"
              + key
              + "' in "
              + describe(parent)
              + " uses a prefix the OpenAPI Initiative "
              + "reserves (x-oai-, x-oas-): rename it.";
      case WRONG_TYPE -> wrongType(target, parent, key, expectedType);
      default -> "Structural problem with '" + key + "' in " + describe(parent) + ".";
    };
  }

  private String wrongType(NodeRef target, NodeRef parent, String key, String expected) {
    String field = "'" + Pointers.lastSegment(target.pointer()) + "' in " + describe(parent);
    if (expected == null) {
      expected = "";
    }
    expected = expected.strip().replaceAll("^\\[|]$", "");
    if (expected.contains("|")) {
      return field
          + " must be one of "
          + String.join(", ", expected.split("\\|"))
          + ", not "
          + actual(target.node())
          + ".";
    }
    if (expected.equals("string") && target.node().isTextual()) {
      String allowed =
          key.equals("in")
              ? allowedLocations()
              : key.equals("style")
                  ? " (form, simple, matrix, label, "
                      + "spaceDelimited, pipeDelimited or deepObject)"
                  : "";
      return field
          + " has the value '"
          + target.node().textValue()
          + "', which is not allowed here"
          + allowed
          + ".";
    }
    return field + " must be " + article(expected) + ", not " + actual(target.node()) + ".";
  }

  private String allowedLocations() {
    // the versions know different parameter locations, and the message lists this one's
    return document.isSwagger2()
        ? " (query, header, path, formData or body)"
        : " (query, header, path or cookie)";
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "an object";
      case "array" -> "an array";
      case "integer" -> "an integer";
      case "double", "number" -> "a number";
      case "value" -> "a plain value (no object or array)";
      case "" -> "of another type";
      default -> "a " + type;
    };
  }

  private static String actual(JsonNode node) {
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "the string '" + node.textValue() + "'";
    }
    if (node.isNull()) {
      return "null";
    }
    return node.isBoolean()
        ? "a boolean"
        : node.isNumber() ? "the number " + node.asText() : "'" + node.asText() + "'";
  }

  /**
   * How a message names a place: {@code GET /pets (responses.200)}, {@code components.schemas.Pet},
   * ...
   */
  static String describe(NodeRef node) {
    List<String> segments = Pointers.segments(node.pointer());
    if (segments.isEmpty()) {
      return "the document root";
    }
    if ((segments.get(0).equals("paths") || segments.get(0).equals("webhooks"))
        && segments.size() >= 2) {
      String prefix = segments.get(0).equals("webhooks") ? "webhook " : "";
      if (segments.size() >= 3 && Operation.METHODS.contains(segments.get(2))) {
        String operation =
            prefix + segments.get(2).toUpperCase(Locale.ROOT) + " " + segments.get(1);
        String rest = String.join(".", segments.subList(3, segments.size()));
        return segments.size() == 3 ? operation : operation + " (" + rest + ")";
      }
      String item = (prefix.isEmpty() ? "path '" : "webhook '") + segments.get(1) + "'";
      return segments.size() == 2
          ? item
          : item + " (" + String.join(".", segments.subList(2, segments.size())) + ")";
    }
    return String.join(".", segments);
  }
}
