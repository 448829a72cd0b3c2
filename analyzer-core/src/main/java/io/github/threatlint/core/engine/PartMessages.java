package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SpecVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * swagger-parser's messages of an OpenAPI 3 document that differs from the last one analysed in one
 * component schema alone, worked out from the last messages: those of that schema are taken out and
 * the new schema's put in, each read by swagger-parser from a document that holds the root's other
 * members, no path and that one schema. A component schema holds no operation, so its messages do
 * not depend on the rest of the document (a repeated operationId is about operations; references
 * are not checked, {@link ParserMessages#options}), and the rest of the document's messages do not
 * depend on it, but for whether it is in swagger-parser's model: a path's reference to a schema
 * that is not is reported missing, so the edit must leave that as it was. {@code PartMessagesTest}
 * compares the result with the whole document's messages over edits of every schema of the fixtures
 * and samples.
 *
 * <p>The messages are the same, not in the same order: the new schema's come last. spec-invalid
 * reports each message as a finding, and findings are sorted ({@link Finding#ORDER}).
 */
public final class PartMessages {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PartMessages() {}

  /**
   * The messages of {@code file}, whose tree differs from {@code lastRoot} in one member of {@code
   * components/schemas} (the same names in the same order, every other value equal), from {@code
   * last}, the messages of {@code lastRoot}; null when it differs otherwise, or swagger-parser
   * could not read one of the trees (then the whole document is read as before).
   */
  public static List<String> update(
      List<String> last, JsonNode lastRoot, ParsedFile file, SpecVersion version) {
    JsonNode root = file.root();
    if (version.isSwagger2() || last.stream().anyMatch(PartMessages::unreadable)) {
      return null;
    }
    String component = onlyDifferent(lastRoot, root);
    if (!"components".equals(component)) {
      return null;
    }
    String section = onlyDifferent(lastRoot.get(component), root.get(component));
    if (!"schemas".equals(section)) {
      return null;
    }
    String name =
        onlyDifferent(lastRoot.get(component).get(section), root.get(component).get(section));
    if (name == null
        || inModel(lastRoot.get(component).get(section).get(name))
            != inModel(root.get(component).get(section).get(name))) {
      return null;
    }
    List<String> before = ParserMessages.readable(withOnlySchema(lastRoot, name), file, version);
    List<String> after = ParserMessages.readable(withOnlySchema(root, name), file, version);
    if (before == null || after == null) {
      return null;
    }
    // the last messages without those of the last schema (and of the root, read again with it)
    Map<String, Integer> remove = new HashMap<>();
    before.forEach(message -> remove.merge(message, 1, Integer::sum));
    List<String> messages = new ArrayList<>(last.size() - before.size() + after.size());
    for (String message : last) {
      Integer count = remove.get(message);
      if (count == null) {
        messages.add(message);
      } else if (count == 1) {
        remove.remove(message);
      } else {
        remove.put(message, count - 1);
      }
    }
    if (!remove.isEmpty()) {
      // a message of the schema alone that the whole document did not have: not separable
      return null;
    }
    messages.addAll(after);
    return messages;
  }

  /**
   * Whether swagger-parser puts the schema into its model's components: then a reference to it from
   * a path is not reported missing (the one message of another part that depends on it).
   */
  private static boolean inModel(JsonNode schema) {
    return schema.isObject() && (!schema.has("$ref") || schema.get("$ref").isTextual());
  }

  private static boolean unreadable(String message) {
    return message.startsWith(ApiDocument.UNREADABLE_VALUE);
  }

  /**
   * The name of the one member whose value differs between two objects with the same names in the
   * same order, or null (not two such objects, or not exactly one such member).
   */
  private static String onlyDifferent(JsonNode left, JsonNode right) {
    if (left == null
        || right == null
        || !left.isObject()
        || !right.isObject()
        || left.size() != right.size()) {
      return null;
    }
    String different = null;
    Iterator<Map.Entry<String, JsonNode>> rightMembers = right.properties().iterator();
    for (Map.Entry<String, JsonNode> l : left.properties()) {
      Map.Entry<String, JsonNode> r = rightMembers.next();
      if (!l.getKey().equals(r.getKey())) {
        return null;
      }
      if (l.getValue() != r.getValue() && !l.getValue().equals(r.getValue())) {
        if (different != null) {
          return null;
        }
        different = l.getKey();
      }
    }
    return different;
  }

  /** The root with no path (nor webhook) and of the components only the schema {@code name}. */
  private static JsonNode withOnlySchema(JsonNode root, String name) {
    ObjectNode copy = NODES.objectNode();
    root.properties()
        .forEach(
            member -> {
              switch (member.getKey()) {
                case "paths", "webhooks" -> copy.set(member.getKey(), NODES.objectNode());
                case "components" -> {
                  ObjectNode schemas = NODES.objectNode();
                  schemas.set(name, member.getValue().get("schemas").get(name));
                  copy.set("components", NODES.objectNode().set("schemas", schemas));
                }
                default -> copy.set(member.getKey(), member.getValue());
              }
            });
    return copy;
  }
}
