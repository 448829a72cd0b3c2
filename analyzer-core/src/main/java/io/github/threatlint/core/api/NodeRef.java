package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A node of the document where it is written: its file, its pointer in that file, and its value.
 * Navigation never follows {@code $ref}; use {@link ApiDocument#resolve(NodeRef)} for that.
 */
public record NodeRef(ParsedFile file, String pointer, JsonNode node) {

  /** The child under {@code key}, or null when there is none. */
  public NodeRef get(String key) {
    JsonNode child = node.get(key);
    return child == null ? null : new NodeRef(file, Pointers.child(pointer, key), child);
  }

  public NodeRef get(int index) {
    JsonNode child = node.get(index);
    return child == null ? null : new NodeRef(file, Pointers.child(pointer, index), child);
  }

  /**
   * The child named by one pointer segment: a member of an object, or an element of an array (a
   * decimal index).
   */
  public NodeRef child(String segment) {
    if (node.isObject()) {
      return get(segment);
    }
    return node.isArray() && segment.matches("\\d{1,9}") ? get(Integer.parseInt(segment)) : null;
  }

  /**
   * The node at {@code pointer} below this one ({@code ""} is this node itself), without following
   * {@code $ref}; null when there is none.
   */
  public NodeRef at(String pointer) {
    NodeRef current = this;
    for (String segment : Pointers.segments(pointer)) {
      current = current.child(segment);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /**
   * Like {@link #at}, but the deepest node that exists on the way when the pointer leads nowhere.
   */
  public NodeRef nearest(String pointer) {
    NodeRef current = this;
    for (String segment : Pointers.segments(pointer)) {
      NodeRef child = current.child(segment);
      if (child == null) {
        return current;
      }
      current = child;
    }
    return current;
  }

  /** The root of a file. */
  public static NodeRef root(ParsedFile file) {
    return new NodeRef(file, "", file.root());
  }

  public boolean has(String key) {
    return node.has(key);
  }

  /** The text of a string child, or null when absent or not a string. */
  public String text(String key) {
    JsonNode child = node.get(key);
    return child != null && child.isTextual() ? child.textValue() : null;
  }

  public boolean isTrue(String key) {
    JsonNode child = node.get(key);
    return child != null && child.isBoolean() && child.booleanValue();
  }

  public boolean isObject() {
    return node.isObject();
  }

  public boolean isRef() {
    return node.isObject() && node.has("$ref") && node.get("$ref").isTextual();
  }

  public String ref() {
    return isRef() ? node.get("$ref").textValue() : null;
  }

  /** The members of an object child as refs, in document order; empty when absent. */
  public List<Map.Entry<String, NodeRef>> members() {
    if (!node.isObject()) {
      return Collections.emptyList();
    }
    List<Map.Entry<String, NodeRef>> members = new ArrayList<>(node.size());
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      members.add(
          Map.entry(
              field.getKey(),
              new NodeRef(file, Pointers.child(pointer, field.getKey()), field.getValue())));
    }
    return members;
  }

  /** The elements of an array node as refs; empty when this is not an array. */
  public List<NodeRef> elements() {
    if (!node.isArray()) {
      return Collections.emptyList();
    }
    List<NodeRef> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new NodeRef(file, Pointers.child(pointer, i), node.get(i)));
    }
    return elements;
  }

  /** Identity of the place: file and pointer. */
  public String key() {
    return file.displayPath() + "#" + pointer;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeRef ref && ref.file == file && ref.pointer.equals(pointer);
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(file) * 31 + pointer.hashCode();
  }

  @Override
  public String toString() {
    return key();
  }
}
