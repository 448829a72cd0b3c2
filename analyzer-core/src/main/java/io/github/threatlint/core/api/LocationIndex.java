package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps JSON pointers of one parsed file to their place in its text.
 *
 * <p>Positions are recorded while the tree is built, per container node (by identity) and child:
 * the span of the key (for object members) and of the value. Pointer strings are only made when a
 * finding asks for one, so indexing costs one small record per node. Nodes shared through YAML
 * aliases keep the positions of their anchor.
 */
public final class LocationIndex {
  /**
   * Per child: key start line/col, key end line/col, value start line/col, value end line/col; 0
   * when absent.
   */
  public static final int KEY_START_LINE = 0, KEY_START_COL = 1, KEY_END_LINE = 2, KEY_END_COL = 3;

  public static final int VALUE_START_LINE = 4,
      VALUE_START_COL = 5,
      VALUE_END_LINE = 6,
      VALUE_END_COL = 7;

  private final JsonNode root;
  private final int[] rootSpan;
  private final Map<JsonNode, Map<String, int[]>> objectMembers;
  private final Map<JsonNode, List<int[]>> arrayElements;
  private final int[] lineStarts;
  private final int textLength;

  LocationIndex(
      JsonNode root,
      int[] rootSpan,
      IdentityHashMap<JsonNode, Map<String, int[]>> objectMembers,
      IdentityHashMap<JsonNode, List<int[]>> arrayElements,
      int[] lineStarts,
      int textLength) {
    this.root = root;
    this.rootSpan = rootSpan;
    this.objectMembers = objectMembers;
    this.arrayElements = arrayElements;
    this.lineStarts = lineStarts;
    this.textLength = textLength;
  }

  /** An index for a tree that has no text of its own (built in memory, as in tests). */
  public static LocationIndex empty(JsonNode root) {
    return new LocationIndex(
        root, new int[8], new IdentityHashMap<>(), new IdentityHashMap<>(), new int[] {0}, 0);
  }

  /**
   * The region a finding on {@code pointer} is shown at: an object member from its key to the end
   * of a scalar value (or the end of the key when the value is a container); an array element from
   * its start to the end of a scalar (or the end of its first line). A pointer without a node of
   * its own falls back to its nearest ancestor.
   */
  public Region region(String pointer) {
    Span span = find(pointer);
    int[] p = span.positions;
    boolean container = span.node != null && span.node.isContainerNode();
    if (p[KEY_START_LINE] > 0) {
      if (container) {
        return new Region(p[KEY_START_LINE], p[KEY_START_COL], p[KEY_END_LINE], p[KEY_END_COL]);
      }
      return new Region(p[KEY_START_LINE], p[KEY_START_COL], p[VALUE_END_LINE], p[VALUE_END_COL]);
    }
    if (p[VALUE_START_LINE] == 0) {
      return Region.START;
    }
    if (container) {
      return new Region(
          p[VALUE_START_LINE],
          p[VALUE_START_COL],
          p[VALUE_START_LINE],
          lineEndColumn(p[VALUE_START_LINE]));
    }
    return new Region(p[VALUE_START_LINE], p[VALUE_START_COL], p[VALUE_END_LINE], p[VALUE_END_COL]);
  }

  /** The whole value at {@code pointer} (or at its nearest existing ancestor). */
  public Region valueRegion(String pointer) {
    int[] p = find(pointer).positions;
    if (p[VALUE_START_LINE] == 0) {
      return Region.START;
    }
    return new Region(p[VALUE_START_LINE], p[VALUE_START_COL], p[VALUE_END_LINE], p[VALUE_END_COL]);
  }

  /** True when the pointer names a node of this file. */
  public boolean exists(String pointer) {
    return find(pointer).exact;
  }

  private record Span(JsonNode node, int[] positions, boolean exact) {}

  private Span find(String pointer) {
    JsonNode node = root;
    int[] positions = rootSpan;
    for (String segment : Pointers.segments(pointer)) {
      int[] childPositions = null;
      JsonNode child = null;
      if (node.isObject()) {
        Map<String, int[]> members = objectMembers.get(node);
        child = node.get(segment);
        childPositions = members == null ? null : members.get(segment);
      } else if (node.isArray()) {
        List<int[]> elements = arrayElements.get(node);
        int index = parseIndex(segment);
        if (index >= 0 && index < node.size()) {
          child = node.get(index);
          childPositions =
              elements == null || index >= elements.size() ? null : elements.get(index);
        }
      }
      if (child == null) {
        return new Span(node, positions, false);
      }
      node = child;
      positions = childPositions == null ? positions : childPositions;
    }
    return new Span(node, positions, true);
  }

  private static int parseIndex(String segment) {
    if (segment.isEmpty() || segment.length() > 9) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private int lineEndColumn(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : textLength;
    return Math.max(1, end - start + 1);
  }

  /**
   * Collects positions while a tree is built (by the tree parser in core.source; rules never need
   * it).
   */
  public static final class Builder {
    private final IdentityHashMap<JsonNode, Map<String, int[]>> objectMembers =
        new IdentityHashMap<>();
    private final IdentityHashMap<JsonNode, List<int[]>> arrayElements = new IdentityHashMap<>();
    private final List<DuplicateKey> duplicates = new ArrayList<>();

    /** The (new) member positions of an object, filled by the caller as it reads the object. */
    public Map<String, int[]> members(JsonNode object) {
      Map<String, int[]> members = new HashMap<>();
      objectMembers.put(object, members);
      return members;
    }

    /** The (new) element positions of an array. */
    public List<int[]> elements(JsonNode array) {
      List<int[]> elements = new ArrayList<>();
      arrayElements.put(array, elements);
      return elements;
    }

    public void member(JsonNode object, String key, int[] positions) {
      objectMembers.computeIfAbsent(object, k -> new HashMap<>()).putIfAbsent(key, positions);
    }

    public void element(JsonNode array, int[] positions) {
      arrayElements.computeIfAbsent(array, k -> new ArrayList<>()).add(positions);
    }

    public void duplicate(DuplicateKey duplicate) {
      duplicates.add(duplicate);
    }

    /** Replaces a member's positions (a later duplicate key wins, as in every parser). */
    public int[] replaceMember(JsonNode object, String key, int[] positions) {
      int[] previous =
          objectMembers.computeIfAbsent(object, k -> new HashMap<>()).put(key, positions);
      return previous == null ? new int[8] : previous;
    }

    public List<DuplicateKey> duplicates() {
      return duplicates;
    }

    public LocationIndex build(JsonNode root, int[] rootSpan, int[] lineStarts, int textLength) {
      return new LocationIndex(
          root, rootSpan, objectMembers, arrayElements, lineStarts, textLength);
    }
  }
}
