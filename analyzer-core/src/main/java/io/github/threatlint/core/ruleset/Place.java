package io.github.threatlint.core.ruleset;

import io.github.threatlint.core.api.NodeRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A node a JSONPath reached: where it is written ({@code node}, in its own file) and how it was
 * reached (the key or index under its parent, in the document as the rule sees it: with {@code
 * $ref}s resolved or not). The path of keys is what Spectral shows; the written node is where the
 * finding goes. {@code keyOnly} marks the result of {@code ~}: the key itself is the value.
 *
 * <p>{@code shown} is where a finding on the place is shown: the written node, except for a {@code
 * $ref} with sibling keys ({@code {$ref: ..., description: ...}}) reached without following any
 * other {@code $ref}, which is shown where the {@code $ref} is written, as Spectral shows it.
 * {@code viaRef} tells whether a {@code $ref} was followed on the way here.
 */
record Place(
    NodeRef node, Object key, Place parent, boolean keyOnly, NodeRef shown, boolean viaRef) {

  static Place root(NodeRef root) {
    return new Place(root, null, null, false, root, false);
  }

  /** The place of {@code written} under {@code childKey}, which the view reads as {@code child}. */
  Place child(NodeRef written, NodeRef child, Object childKey) {
    boolean followed = written != child;
    boolean refWithSiblings = followed && written.isRef() && written.node().size() > 1;
    return new Place(
        child,
        childKey,
        this,
        false,
        refWithSiblings && !viaRef ? written : child,
        viaRef || followed);
  }

  /** The key of this place ({@code ~}, {@code @key}) as the value. */
  Place asKey() {
    return new Place(node, key, parent, true, shown, viaRef);
  }

  /** The keys (String) and indices (Integer) from the root to here. */
  List<Object> path() {
    Deque<Object> keys = new ArrayDeque<>();
    for (Place place = this; place.parent != null; place = place.parent) {
      keys.addFirst(place.key);
    }
    return new ArrayList<>(keys);
  }

  /** The last key of the path as text, or "" at the root. */
  String property() {
    return key == null ? "" : String.valueOf(key);
  }

  /** JSONPath-Plus's path string: {@code $['paths']['/pets'][0]}. */
  String pathString() {
    StringBuilder text = new StringBuilder("$");
    for (Object key : path()) {
      if (key instanceof Integer index) {
        text.append('[').append(index).append(']');
      } else {
        text.append("['").append(String.valueOf(key).replace("'", "\\'")).append("']");
      }
    }
    return text.toString();
  }
}
