package io.github.threatlint.core.source;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON text edited inside one string value or one member's key, read from the tree of the text
 * before the edit instead of parsing it again: the editor's new text and the last one share a
 * prefix and a suffix; when what lies between lies inside one string value of the old tree and the
 * new text there is still one JSON string, the new tree is the old one with that value replaced
 * (the containers from the root to it copied, everything else shared); when it lies between the
 * quotes of one key and the new key is a plain string (no escape), not empty and no other member's
 * name, the new tree is the old one with that key's object copied (its members in the same order,
 * that one renamed) and the containers from the root to it copied. Every later position on the
 * edit's line moves by the length difference (read through the index, never rewritten). Anything
 * else (a number, a quote or a line break that ends the string, an escape in a key, YAML) is parsed
 * again.
 *
 * <p>Every container that is not on the copied path is the same object in the old and the new tree,
 * with the same members and values below it: a part of the document whose container is the same
 * object is unchanged (the replay of unchanged parts relies on it).
 */
public final class ScalarEdit {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ScalarEdit() {}

  /** {@code after}'s tree derived from {@code before}'s, or null when it must be parsed. */
  public static ParsedFile apply(ParsedFile before, SourceFile after) {
    String old = before.source().text();
    String text = after.text();
    LocationIndex index = before.index();
    if (before.hasAliases()
        || !before.duplicateKeys().isEmpty()
        || index.edits() >= LocationIndex.MAX_EDITS
        || !isJson(before.source())
        || !isJson(after)
        || !text.isEmpty() && text.charAt(0) == '\uFEFF') {
      return null;
    }
    int prefix = commonPrefix(old, text);
    if (prefix == old.length() && prefix == text.length()) {
      return null;
    }
    int suffix = commonSuffix(old, text, Math.min(old.length(), text.length()) - prefix);
    int oldEnd = old.length() - suffix;
    int delta = text.length() - old.length();

    // the path from the root to the scalar written where the edit starts
    Region at = index.position(prefix);
    List<JsonNode> containers = new ArrayList<>();
    List<Object> steps = new ArrayList<>();
    JsonNode node = before.root();
    Region value = null;
    while (node.isContainerNode()) {
      Object step = null;
      if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          Region region = index.valueRegion(node, member.getKey());
          if (region != null && contains(region, at)) {
            step = member.getKey();
            value = region;
            break;
          }
        }
        if (step == null) {
          return renamed(before, after, containers, steps, node, at, prefix, oldEnd);
        }
      } else {
        for (int i = 0; i < node.size(); i++) {
          Region region = index.valueRegion(node, i);
          if (region != null && contains(region, at)) {
            step = i;
            value = region;
            break;
          }
        }
      }
      if (step == null) {
        return null;
      }
      containers.add(node);
      steps.add(step);
      node = step instanceof String name ? node.get(name) : node.get((Integer) step);
    }
    if (!node.isTextual() || value == null || value.startLine() != value.endLine()) {
      return null;
    }
    int start = index.offset(value.startLine(), value.startColumn());
    int end = index.offset(value.endLine(), value.endColumn());
    // the edit lies between the quotes, and both tokens are one JSON string each
    if (start >= prefix
        || oldEnd > end - 1
        || !node.textValue().equals(string(old.substring(start, end)))) {
      return null;
    }
    String edited = string(text.substring(start, end + delta));
    if (edited == null) {
      return null;
    }

    // the new tree: the containers on the path copied, the new string at its end
    Map<JsonNode, JsonNode> copies = new IdentityHashMap<>();
    JsonNode root = copyPath(containers, steps, NODES.textNode(edited), copies);
    Region from = index.position(oldEnd);
    LocationIndex edits =
        index.edited(
            root,
            pointer(steps),
            copies,
            from.startLine(),
            from.startColumn(),
            0,
            from.startColumn() + delta,
            delta);
    return new ParsedFile(after, root, edits, List.of(), false);
  }

  /**
   * {@code after}'s tree when the edit lies between the quotes of one member's key of {@code
   * object} (reached from the root through {@code containers} and {@code steps}) and the new key is
   * a JSON string without escapes, not empty and not the name of another member: the containers
   * from the root to {@code object} copied, {@code object} copied with its members in the same
   * order and that one renamed; everything else shared. Else null (parsed).
   */
  private static ParsedFile renamed(
      ParsedFile before,
      SourceFile after,
      List<JsonNode> containers,
      List<Object> steps,
      JsonNode object,
      Region at,
      int prefix,
      int oldEnd) {
    LocationIndex index = before.index();
    String old = before.source().text();
    String text = after.text();
    int delta = text.length() - old.length();
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String name = member.getKey();
      Region key = index.keyRegion(object, name);
      if (key == null || !contains(key, at)) {
        continue;
      }
      int start = index.offset(key.startLine(), key.startColumn());
      int end = index.offset(key.endLine(), key.endColumn());
      if (start >= prefix || oldEnd > end - 1 || !name.equals(plainString(old, start, end))) {
        return null;
      }
      // the edit lies between the quotes: the new token ends as far after them as before
      String renamed = plainString(text, start, end + delta);
      if (renamed == null
          || renamed.isEmpty()
          || object.has(renamed)
          || name.equals(LocationIndex.SUPPRESSION_KEY)
          || renamed.equals(LocationIndex.SUPPRESSION_KEY)) {
        return null;
      }
      ObjectNode copy = NODES.objectNode();
      for (Map.Entry<String, JsonNode> each : object.properties()) {
        copy.set(each.getKey().equals(name) ? renamed : each.getKey(), each.getValue());
      }
      Map<JsonNode, JsonNode> copies = new IdentityHashMap<>();
      copies.put(copy, object);
      JsonNode root = copyPath(containers, steps, copy, copies);
      Region from = index.position(oldEnd);
      LocationIndex edits =
          index.renamed(
              root,
              Pointers.child(pointer(steps), renamed),
              copies,
              object,
              name,
              renamed,
              from.startLine(),
              from.startColumn(),
              from.startColumn() + delta,
              delta);
      return new ParsedFile(after, root, edits, List.of(), false);
    }
    return null;
  }

  /**
   * The root of a tree whose {@code containers} (from the root, each with the step to the next) are
   * copied, the last one's step holding {@code child}; each copy put into {@code copies} with the
   * container it stands for.
   */
  private static JsonNode copyPath(
      List<JsonNode> containers,
      List<Object> steps,
      JsonNode child,
      Map<JsonNode, JsonNode> copies) {
    for (int i = containers.size() - 1; i >= 0; i--) {
      JsonNode original = containers.get(i);
      JsonNode copy;
      if (original.isObject()) {
        ObjectNode object = NODES.objectNode();
        object.setAll((ObjectNode) original);
        object.set((String) steps.get(i), child);
        copy = object;
      } else {
        ArrayNode array = NODES.arrayNode(original.size());
        array.addAll((ArrayNode) original);
        array.set((Integer) steps.get(i), child);
        copy = array;
      }
      copies.put(copy, original);
      child = copy;
    }
    return child;
  }

  private static String pointer(List<Object> steps) {
    String pointer = "";
    for (Object step : steps) {
      pointer =
          step instanceof String name
              ? Pointers.child(pointer, name)
              : Pointers.child(pointer, (Integer) step);
    }
    return pointer;
  }

  /**
   * The value of {@code text}'s chars from {@code start} to {@code end} when they are one JSON
   * string written without an escape, else null.
   */
  private static String plainString(String text, int start, int end) {
    String value = string(text.substring(start, end));
    return value != null && value.length() == end - start - 2 ? value : null;
  }

  /** A text parsed as JSON alone: a name that ends in .json and a text that starts as JSON. */
  private static boolean isJson(SourceFile source) {
    return source.path() != null
        && source.path().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
        && TreeParser.looksLikeJson(source.text());
  }

  /** The value of a text that is one JSON string token and nothing else, or null. */
  private static String string(String token) {
    if (token.length() < 2 || token.charAt(0) != '"' || token.charAt(token.length() - 1) != '"') {
      return null;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < 0x20) {
        return null;
      }
    }
    try (JsonParser parser = TreeParser.JSON.createParser(token)) {
      if (parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String value = parser.getText();
      return parser.nextToken() == null ? value : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean contains(Region region, Region at) {
    return before(region.startLine(), region.startColumn(), at)
        && !before(region.endLine(), region.endColumn(), at);
  }

  /** Whether the position is at or before {@code at}'s start. */
  private static boolean before(int line, int column, Region at) {
    return line < at.startLine() || line == at.startLine() && column <= at.startColumn();
  }

  /** Chars compared at a time: copied out and compared with {@link Arrays#mismatch}. */
  private static final int CHUNK = 8192;

  /**
   * How many chars the texts share from their start. String.regionMatches compares byte by byte;
   * chunks copied out are compared many at a time (a 4 MB spec: about 1 ms, not 8).
   */
  private static int commonPrefix(String a, String b) {
    int length = Math.min(a.length(), b.length());
    char[] left = new char[CHUNK];
    char[] right = new char[CHUNK];
    for (int from = 0; from < length; from += CHUNK) {
      int count = Math.min(CHUNK, length - from);
      a.getChars(from, from + count, left, 0);
      b.getChars(from, from + count, right, 0);
      int differ = Arrays.mismatch(left, 0, count, right, 0, count);
      if (differ >= 0) {
        return from + differ;
      }
    }
    return length;
  }

  /** How many chars the texts share at their end, at most {@code most}. */
  private static int commonSuffix(String a, String b, int most) {
    char[] left = new char[CHUNK];
    char[] right = new char[CHUNK];
    for (int done = 0; done < most; done += CHUNK) {
      int count = Math.min(CHUNK, most - done);
      a.getChars(a.length() - done - count, a.length() - done, left, 0);
      b.getChars(b.length() - done - count, b.length() - done, right, 0);
      if (Arrays.mismatch(left, 0, count, right, 0, count) >= 0) {
        int i = count - 1;
        while (left[i] == right[i]) {
          i--;
        }
        return done + count - 1 - i;
      }
    }
    return most;
  }
}
