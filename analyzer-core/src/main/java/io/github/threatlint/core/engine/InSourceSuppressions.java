package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.LocationIndex;
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
  public static final String KEY = LocationIndex.SUPPRESSION_KEY;

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
   * none, and their findings need no look-up: the parser noted whether any key is the key while it
   * built the tree ({@link LocationIndex#maySuppress}).
   */
  public static boolean anyIn(ParsedFile file) {
    if (!file.index().maySuppress()) {
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
