package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.SpecVersion;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural problems swagger-parser reports for a document, as its dotted-path messages. The
 * model is built from the tree threatlint already parsed (the text is not read again) and with
 * reference resolution off, so swagger-parser reads no file and opens no connection.
 *
 * <p>Some wrongly typed values (a string where swagger-parser casts to an object) make it stop with
 * an exception, and then it reports nothing else. Such a value is located by parsing copies of the
 * tree with parts removed, narrowing down from the root by halving the candidates at each level; it
 * is reported as {@link ApiDocument#UNREADABLE_VALUE} with its pointer, and the other messages are
 * those of the document without it. The number of extra parses is bounded: when the budget runs
 * out, the deepest node found so far is reported.
 */
final class ParserMessages {
  private static final int MAX_PARSES = 96;
  private static final int MAX_UNREADABLE = 5;
  private static final Pattern CAST =
      Pattern.compile("class (?:[\\w$]+\\.)*(\\w+) cannot be cast to class (?:[\\w$]+\\.)*(\\w+)");

  private ParserMessages() {}

  /** What a run of swagger-parser needs to know of the document besides its tree. */
  private record Document(ParsedFile rootFile, SpecVersion version) {
    boolean isSwagger2() {
      return version.isSwagger2();
    }
  }

  /** One run of swagger-parser: its messages, or the failure that stopped it. */
  private record Attempt(List<String> messages, String failure) {
    boolean failed() {
      return failure != null;
    }
  }

  static List<String> of(ParsedFile file, SpecVersion version) {
    JsonNode root = file.root();
    if (version == SpecVersion.OPENAPI_3_0 && ParserMessagesPrecheck.certainlyNone(root)) {
      return List.of(); // the model would say nothing: not built
    }
    Document document = new Document(file, version);
    Attempt attempt = attempt(document, root);
    if (!attempt.failed()) {
      return attempt.messages();
    }
    List<String> messages = new ArrayList<>();
    int[] budget = {MAX_PARSES};
    JsonNode work = root.deepCopy();
    for (int found = 0; found < MAX_UNREADABLE && attempt.failed(); found++) {
      String pointer = locate(document, work, budget);
      messages.add(ApiDocument.UNREADABLE_VALUE + pointer + ": " + describe(attempt.failure()));
      if (pointer.isEmpty() || budget[0] <= 0) {
        return messages;
      }
      // later pointers are taken in the reduced tree: only an array element's removal shifts them
      remove(work, pointer);
      attempt = attempt(document, work);
      budget[0]--;
    }
    if (!attempt.failed()) {
      messages.addAll(attempt.messages());
    }
    return messages;
  }

  /**
   * swagger-parser's messages of {@code root}, read as {@code file}'s tree, or null when it stops
   * on a value it cannot read.
   */
  static List<String> readable(JsonNode root, ParsedFile file, SpecVersion version) {
    Attempt attempt = attempt(new Document(file, version), root);
    return attempt.failed() ? null : attempt.messages();
  }

  private static Attempt attempt(Document document, JsonNode root) {
    try {
      if (document.isSwagger2()) {
        // this one leaves the tree as written, which the rules read at the same time or later
        // (swagger-parser's own adds a type inferred from an enum to the node)
        SwaggerDeserializationResult result =
            new MessagesOnlySwaggerDeserializer().deserialize(root);
        return new Attempt(result.getMessages() == null ? List.of() : result.getMessages(), null);
      }
      SwaggerParseResult result =
          new MessagesOnlyDeserializer()
              .deserialize(
                  root,
                  document.rootFile().displayPath(),
                  options(),
                  document.version() == SpecVersion.OPENAPI_3_1);
      List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
      // the 3.x deserializer catches its own failure and returns the exception's message alone
      if (result.getOpenAPI() == null
          && !messages.isEmpty()
          && messages.stream().noneMatch(ParserMessages::isMessage)) {
        return new Attempt(List.of(), String.valueOf(messages.get(0)));
      }
      return new Attempt(messages, null);
    } catch (RuntimeException | StackOverflowError e) {
      return new Attempt(
          List.of(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Reference resolution off: swagger-parser reads no other file and opens no connection. */
  static ParseOptions options() {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    options.setResolveFully(false);
    options.setValidateExternalRefs(false);
    options.setValidateInternalRefs(false);
    return options;
  }

  private static boolean isMessage(String message) {
    return message != null && message.startsWith("attribute ");
  }

  /**
   * The pointer of a value whose removal lets swagger-parser finish, as deep as the budget allows.
   */
  private static String locate(Document document, JsonNode work, int[] budget) {
    String pointer = "";
    JsonNode node = work;
    while (node.isContainerNode() && node.size() > 0 && budget[0] > 0) {
      if (!pointer.isEmpty() && fails(document, replaced(work, pointer, emptyLike(node)), budget)) {
        return pointer; // even empty, the value breaks the parser: its type is wrong
      }
      List<String> candidates = childKeys(node);
      if (pointer.isEmpty()) {
        // without its version swagger-parser gives up before reading anything: that would "fix"
        // every failure
        candidates.remove("openapi");
        candidates.remove("swagger");
      }
      if (candidates.isEmpty()) {
        return pointer;
      }
      while (candidates.size() > 1 && budget[0] > 0) {
        List<String> half = candidates.subList(0, candidates.size() / 2);
        candidates =
            fails(document, withoutChildren(work, pointer, half), budget)
                ? candidates.subList(candidates.size() / 2, candidates.size())
                : half;
      }
      String child = candidates.get(0);
      pointer = Pointers.child(pointer, child);
      node = node.isArray() ? node.get(Integer.parseInt(child)) : node.get(child);
    }
    return pointer;
  }

  private static boolean fails(Document document, JsonNode root, int[] budget) {
    budget[0]--;
    return attempt(document, root).failed();
  }

  private static List<String> childKeys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        keys.add(String.valueOf(i));
      }
    } else {
      node.fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  private static JsonNode emptyLike(JsonNode node) {
    return node.isArray()
        ? JsonNodeFactory.instance.arrayNode()
        : JsonNodeFactory.instance.objectNode();
  }

  /** A copy of the tree with the value at {@code pointer} replaced. */
  private static JsonNode replaced(JsonNode root, String pointer, JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = at(copy, Pointers.parent(pointer));
    String key = Pointers.lastSegment(pointer);
    if (parent instanceof ObjectNode object) {
      object.set(key, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(key), value);
    }
    return copy;
  }

  /** A copy of the tree without the given children of the container at {@code pointer}. */
  private static JsonNode withoutChildren(JsonNode root, String pointer, List<String> keys) {
    JsonNode copy = root.deepCopy();
    JsonNode container = at(copy, pointer);
    if (container instanceof ObjectNode object) {
      keys.forEach(object::remove);
    } else if (container instanceof ArrayNode array) {
      for (int i = keys.size() - 1; i >= 0; i--) {
        array.remove(Integer.parseInt(keys.get(i)));
      }
    }
    return copy;
  }

  private static void remove(JsonNode root, String pointer) {
    JsonNode parent = at(root, Pointers.parent(pointer));
    String key = Pointers.lastSegment(pointer);
    if (parent instanceof ObjectNode object) {
      object.remove(key);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(key));
    }
  }

  private static JsonNode at(JsonNode root, String pointer) {
    JsonNode node = root;
    for (String segment : Pointers.segments(pointer)) {
      node = node.isArray() ? node.get(Integer.parseInt(segment)) : node.get(segment);
    }
    return node;
  }

  /**
   * "expected an object, found a string" from a ClassCastException's message, else the message
   * itself.
   */
  static String describe(String failure) {
    Matcher cast = CAST.matcher(failure == null ? "" : failure);
    if (cast.find()) {
      return "expected " + kind(cast.group(2)) + ", found " + kind(cast.group(1));
    }
    return "the parser stops here (" + failure + ")";
  }

  private static String kind(String nodeClass) {
    return switch (nodeClass) {
      case "ObjectNode" -> "an object";
      case "ArrayNode" -> "an array";
      case "TextNode" -> "a string";
      case "BooleanNode" -> "a boolean";
      case "NullNode" -> "null";
      case "MissingNode" -> "nothing";
      default -> nodeClass.endsWith("Node") ? "a number" : nodeClass;
    };
  }
}
