package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A node of the document where it is written: its file, its pointer in that file, and its value.
 * Navigation never follows {@code $ref}; use {@link ApiDocument#resolve(NodeRef)} for that.
 *
 * <p>A ref reached by navigation keeps its parent and its member name or element index, and makes
 * its pointer string only when asked (then keeps it): the walk and the rules make a ref for every
 * node they pass, and only the few with a finding or evidence need a pointer. Two refs are equal
 * when they have the same file and pointer, however each was made; the hash is the pointer
 * string's, worked out from the segments without making the string.
 */
public final class NodeRef {
  private final ParsedFile file;
  private final JsonNode node;

  /** The ref this one was reached from, or null (the root, or a ref made from a pointer). */
  private final NodeRef parent;

  /** The member name under {@link #parent}, or null for an element (then {@link #index}). */
  private final String name;

  private final int index;

  /** Made on demand; a race makes the same string twice, as {@link String#hashCode} does. */
  private String pointer;

  /** The pointer string's hash, 0 until worked out. */
  private int pointerHash;

  public NodeRef(ParsedFile file, String pointer, JsonNode node) {
    this.file = file;
    this.pointer = pointer;
    this.node = node;
    this.parent = null;
    this.name = null;
    this.index = -1;
  }

  private NodeRef(NodeRef parent, String name, int index, JsonNode node) {
    this.file = parent.file;
    this.node = node;
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  public ParsedFile file() {
    return file;
  }

  /** The JSON pointer of the node in its file ({@code ""} for the root). */
  public String pointer() {
    String known = pointer;
    if (known == null) {
      known = joinedPointer();
      pointer = known;
    }
    return known;
  }

  /**
   * The pointer written in one builder from the nearest ref above that knows its own, then copied
   * once. Not each ancestor's pointer in turn: those strings, made and kept for refs that are
   * rarely asked again, were 2.4 MB of the 4.1 MB the pointers of a cold Stripe JSON run allocated
   * (now 2.8 MB: the builder and the copy). String.join of escaped segments saved only 0.3 MB: each
   * pointer escaped its path's "/" again, and the arrays of segments.
   */
  private String joinedPointer() {
    int room = 0;
    NodeRef known = this;
    String above = known.pointer;
    while (above == null) {
      // a segment's escapes are rare and few: the builder grows if they do not fit
      room += 1 + (known.name != null ? known.name.length() + 4 : 11);
      known = known.parent;
      above = known.pointer;
    }
    StringBuilder joined = new StringBuilder(above.length() + room).append(above);
    appendSegmentsBelow(known, joined);
    return joined.toString();
  }

  /** Appends "/" and the escaped segment of each ref from below {@code known} down to this one. */
  private void appendSegmentsBelow(NodeRef known, StringBuilder joined) {
    if (this == known) {
      return;
    }
    parent.appendSegmentsBelow(known, joined);
    joined.append('/');
    if (name != null) {
      Pointers.appendEscaped(name, joined);
    } else {
      joined.append(index);
    }
  }

  public JsonNode node() {
    return node;
  }

  /** The ref this one was reached from, or null (for the location index). */
  NodeRef parent() {
    return parent;
  }

  /** The member name under {@link #parent()}, or null for an element. */
  String memberName() {
    return name;
  }

  /**
   * The last segment of the pointer, unescaped: the member name, or the element index in decimal;
   * null for the root. Read from the ref this one was reached from, without making the pointer.
   */
  public String name() {
    if (parent != null) {
      return segment();
    }
    return pointer.isEmpty() ? null : Pointers.lastSegment(pointer);
  }

  /**
   * The segments of the pointer, unescaped ({@link Pointers#segments} of {@link #pointer()}), read
   * from the refs this one was reached from as far as they go.
   */
  public List<String> segments() {
    List<String> segments = new ArrayList<>();
    NodeRef ref = this;
    for (; ref.parent != null; ref = ref.parent) {
      segments.add(ref.segment());
    }
    Collections.reverse(segments);
    if (!ref.pointer.isEmpty()) {
      segments.addAll(0, Pointers.segments(ref.pointer));
    }
    return segments;
  }

  /** The segment under the parent of a ref reached by navigation. */
  private String segment() {
    return name != null ? name : Integer.toString(index);
  }

  /** The element index under {@link #parent()} when {@link #memberName()} is null. */
  int index() {
    return index;
  }

  /** The child under {@code key}, or null when there is none. */
  public NodeRef get(String key) {
    JsonNode child = node.get(key);
    return child == null ? null : new NodeRef(this, key, -1, child);
  }

  /**
   * The child for a member whose value was read from this object's node (iterating its members):
   * {@link #get(String)} without looking the name up again.
   */
  NodeRef member(String key, JsonNode value) {
    return new NodeRef(this, key, -1, value);
  }

  public NodeRef get(int index) {
    JsonNode child = node.get(index);
    return child == null ? null : new NodeRef(this, null, index, child);
  }

  /**
   * The child named by one pointer segment: a member of an object, or an element of an array (a
   * decimal index).
   */
  public NodeRef child(String segment) {
    if (node.isObject()) {
      return get(segment);
    }
    int index = Pointers.index(segment);
    return node.isArray() && index >= 0 ? get(index) : null;
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
    return ref() != null;
  }

  public String ref() {
    JsonNode ref = node.isObject() ? node.get("$ref") : null;
    return ref != null && ref.isTextual() ? ref.textValue() : null;
  }

  /** The members of an object child as refs, in document order; empty when absent. */
  public List<Map.Entry<String, NodeRef>> members() {
    if (!node.isObject()) {
      return Collections.emptyList();
    }
    List<Map.Entry<String, NodeRef>> members = new ArrayList<>(node.size());
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      members.add(
          Map.entry(field.getKey(), new NodeRef(this, field.getKey(), -1, field.getValue())));
    }
    return members;
  }

  /**
   * Hands each member of an object to {@code action} as a ref, in document order; nothing when this
   * is not an object. {@link #members()} without its list and entries: the walk passes every member
   * of every container it visits this way.
   */
  public void forEachMember(BiConsumer<String, NodeRef> action) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        action.accept(field.getKey(), new NodeRef(this, field.getKey(), -1, field.getValue()));
      }
    }
  }

  /** The elements of an array node as refs; empty when this is not an array. */
  public List<NodeRef> elements() {
    if (!node.isArray()) {
      return Collections.emptyList();
    }
    List<NodeRef> elements = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      elements.add(new NodeRef(this, null, i, node.get(i)));
    }
    return elements;
  }

  /** Identity of the place: file and pointer. */
  public String key() {
    return file.displayPath() + "#" + pointer();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeRef ref
        && ref.file == file
        && (sameContainer(this, ref)
            || (ref.pointerHash() == pointerHash() && samePointer(this, ref)));
  }

  /**
   * Whether two refs of one file hold the same object or array node of a file without aliases: then
   * they are at the same place, which is known without comparing pointers (long ones, segment by
   * segment: the look-ups of schemas by place did little else). Scalar nodes may be shared (Jackson
   * reuses some), and a file with aliases writes a node at several places: those compare pointers.
   */
  private static boolean sameContainer(NodeRef a, NodeRef b) {
    return a.node == b.node && a.node != null && a.node.isContainerNode() && !a.file.hasAliases();
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(file) * 31 + pointerHash();
  }

  /**
   * {@code pointer().hashCode()}, worked out from the parent's hash and this ref's escaped segment
   * (String's hash is a polynomial over the characters, so the parent's extends).
   */
  private int pointerHash() {
    int hash = pointerHash;
    if (hash == 0) {
      if (pointer != null) {
        hash = pointer.hashCode();
      } else {
        hash = parent.pointerHash() * 31 + '/';
        if (name == null) {
          hash = withDigits(hash, index);
        } else {
          for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '~' || c == '/') {
              hash = (hash * 31 + '~') * 31 + (c == '~' ? '0' : '1');
            } else {
              hash = hash * 31 + c;
            }
          }
        }
      }
      pointerHash = hash;
    }
    return hash;
  }

  /** A string hash extended by the decimal digits of {@code value} (not negative). */
  private static int withDigits(int hash, int value) {
    if (value >= 10) {
      hash = withDigits(hash, value / 10);
    }
    return hash * 31 + '0' + value % 10;
  }

  /**
   * Whether two refs of one file have the same pointer: segment by segment while both were reached
   * by navigation, else by the strings.
   */
  private static boolean samePointer(NodeRef a, NodeRef b) {
    while (a != b) {
      if (a.parent == null || b.parent == null || (a.pointer != null && b.pointer != null)) {
        return a.pointer().equals(b.pointer());
      }
      boolean sameSegment =
          a.name != null
              ? a.name.equals(b.name != null ? b.name : Integer.toString(b.index))
              : b.name != null ? b.name.equals(Integer.toString(a.index)) : a.index == b.index;
      if (!sameSegment) {
        return false;
      }
      a = a.parent;
      b = b.parent;
    }
    return true;
  }

  @Override
  public String toString() {
    return key();
  }
}
