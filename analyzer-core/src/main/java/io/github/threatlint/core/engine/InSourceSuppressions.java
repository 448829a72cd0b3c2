package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * {@code x-threatlint-ignore} in a specification. On any object it names rules that are not
 * reported for that object and everything below it:
 *
 * <pre>
 * x-threatlint-ignore: [operation-security-missing]            # rule ids
 * x-threatlint-ignore:                                          # or rule ids with reasons
 *   operation-security-missing: The health check is public by design.
 * x-threatlint-ignore: operation-security-missing               # or one rule id
 * </pre>
 *
 * The ancestors are looked up in the finding's own file, by its pointer: a suppression in a
 * referenced file covers the findings in that file, whichever document references it.
 */
public final class InSourceSuppressions {
  public static final String KEY = "x-threatlint-ignore";

  private InSourceSuppressions() {}

  /**
   * The suppression of a finding of {@code ruleId} at {@code pointer} in {@code file}: from the
   * nearest object, the node itself or an ancestor, whose {@code x-threatlint-ignore} names the
   * rule. Null when none does.
   */
  public static Finding.Suppression find(ParsedFile file, String pointer, String ruleId) {
    List<NodeRef> path = new ArrayList<>();
    NodeRef node = NodeRef.root(file);
    path.add(node);
    for (String segment : Pointers.segments(pointer)) {
      node = node.child(segment);
      if (node == null) {
        break;
      }
      path.add(node);
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      Finding.Suppression suppression =
          suppression(path.get(i).node(), path.get(i).pointer(), ruleId);
      if (suppression != null) {
        return suppression;
      }
    }
    return null;
  }

  /**
   * True when some object of the file has an {@code x-threatlint-ignore} member. Most files have
   * none, and their findings need no look-up; the text tells that without reading the tree, unless
   * it names the key or has an escape that could spell one of its characters (JSON's and YAML's
   * {@code \u002d}, YAML's {@code \x2d} and {@code \U0000002d}, and escaped line breaks).
   */
  public static boolean anyIn(ParsedFile file) {
    String text = file.source().text();
    if (text != null && !text.contains(KEY) && !mayEscapeKey(text)) {
      return false;
    }
    Deque<JsonNode> pending = new ArrayDeque<>();
    pending.push(file.root());
    while (!pending.isEmpty()) {
      JsonNode node = pending.pop();
      if (node.isObject() && node.has(KEY)) {
        return true;
      }
      for (JsonNode child : node) {
        if (child.isContainerNode()) {
          pending.push(child);
        }
      }
    }
    return false;
  }

  /**
   * True when the text has an escape that can stand for a character of the key, or join lines. The
   * escapes of other characters ({@code \u003c} in Kubernetes' descriptions) leave the tree unread.
   */
  private static boolean mayEscapeKey(String text) {
    for (int at = text.indexOf('\\'); at >= 0 && at + 1 < text.length(); ) {
      char next = text.charAt(at + 1);
      int digits = next == 'x' ? 2 : next == 'u' ? 4 : next == 'U' ? 8 : 0;
      if (next == '\n' || next == '\r' || (digits > 0 && mayBeKeyCharacter(text, at + 2, digits))) {
        return true;
      }
      // an escaped backslash is one character: the next escape starts after it
      at = text.indexOf('\\', next == '\\' ? at + 2 : at + 1);
    }
    return false;
  }

  /**
   * Whether the hexadecimal digits at {@code start} are a character of the key; an escape that does
   * not read as one (too short, not hexadecimal) may be, as far as this tells.
   */
  private static boolean mayBeKeyCharacter(String text, int start, int digits) {
    if (start + digits > text.length()) {
      return true;
    }
    int value;
    try {
      value = Integer.parseInt(text, start, start + digits, 16);
    } catch (NumberFormatException e) {
      return true;
    }
    return value < 0 || KEY.indexOf(value) >= 0;
  }

  private static Finding.Suppression suppression(JsonNode node, String pointer, String ruleId) {
    JsonNode ignore = node.isObject() ? node.get(KEY) : null;
    if (ignore == null) {
      return null;
    }
    String where = KEY + " at " + (pointer.isEmpty() ? "/" : pointer);
    if (ignore.isTextual() && ignore.textValue().strip().equals(ruleId)) {
      return new Finding.Suppression(Finding.Suppression.IN_SOURCE, where);
    }
    if (ignore.isArray()) {
      for (JsonNode element : ignore) {
        if (element.isTextual() && element.textValue().strip().equals(ruleId)) {
          return new Finding.Suppression(Finding.Suppression.IN_SOURCE, where);
        }
      }
    }
    if (ignore.isObject() && ignore.has(ruleId)) {
      JsonNode reason = ignore.get(ruleId);
      boolean hasReason = reason.isValueNode() && !reason.isNull() && !reason.asText().isBlank();
      return new Finding.Suppression(
          Finding.Suppression.IN_SOURCE, hasReason ? reason.asText().strip() : where);
    }
    return null;
  }
}
