package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps JSON pointers of one parsed file to their place in its text.
 *
 * <p>Positions are recorded while the tree is built, per container node (by identity) and child:
 * the span of the key (for object members) and of the value. Pointer strings are only made when a
 * finding asks for one. The spans are kept compact (a large spec has hundreds of thousands of
 * members, and each young collection copies what the index holds): eight ints per child in one
 * array per file for members, one per array node for elements. Nodes shared through YAML aliases
 * keep the positions of their anchor.
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

  /** Ints per child. */
  public static final int SPAN = 8;

  /** The member that suppresses findings where it is written ({@code x-threatlint-ignore}). */
  public static final String SUPPRESSION_KEY = "x-threatlint-ignore";

  private static final int[] NO_SPAN = new int[SPAN];

  private final JsonNode root;
  private final int[] rootSpan;
  private final Members members;
  private final Map<JsonNode, int[]> arrayElements;
  private final int[] lineStarts;
  private final int textLength;
  private final boolean maySuppress;

  /**
   * For an index of a text edited inside one scalar ({@link #edited}): the containers copied since
   * the parse that recorded {@link #members} and {@link #arrayElements}, each with the container of
   * that parse it stands for. Empty for an index of a parse.
   */
  private final Map<JsonNode, JsonNode> parsedAs;

  /**
   * The edits since that parse, in order, four ints each: an old position from line {@code [0]}
   * column {@code [1]} on moves {@code [2]} lines, and on that line to column {@code [3]} + (column
   * - {@code [1]}). Positions are read through them, never rewritten.
   */
  private final int[] shifts;

  /** The last of the edits, or null for an index of a parse. */
  private final Edit lastEdit;

  /**
   * Members renamed since the parse ({@link #renamed}): for a container of that parse, each new
   * name with the name the parse recorded its member under. Empty for an index of a parse.
   */
  private final Map<JsonNode, Map<String, String>> renames;

  /**
   * An edit on one line ({@link #edited}, {@link #renamed}): the tree before it, the line it is on,
   * and the pointer of the edited string, or of the member whose key was renamed (its new name).
   * Every node but that string (or that member's object) and the containers from the root to it is
   * the same object in both trees, and every position off that line is the same.
   */
  public record Edit(JsonNode before, int line, String pointer) {}

  private LocationIndex(
      JsonNode root,
      int[] rootSpan,
      Members members,
      Map<JsonNode, int[]> arrayElements,
      int[] lineStarts,
      int textLength,
      boolean maySuppress,
      Map<JsonNode, JsonNode> parsedAs,
      int[] shifts,
      Edit lastEdit,
      Map<JsonNode, Map<String, String>> renames) {
    this.root = root;
    this.rootSpan = rootSpan;
    this.members = members;
    this.arrayElements = arrayElements;
    this.lineStarts = lineStarts;
    this.textLength = textLength;
    this.maySuppress = maySuppress;
    this.parsedAs = parsedAs;
    this.shifts = shifts;
    this.lastEdit = lastEdit;
    this.renames = renames;
  }

  /** An index for a tree that has no text of its own (built in memory, as in tests). */
  public static LocationIndex empty(JsonNode root) {
    return new LocationIndex(
        root,
        new int[SPAN],
        new Members(),
        new IdentityHashMap<>(),
        new int[] {0},
        0,
        true,
        Map.of(),
        NO_SHIFTS,
        null,
        Map.of());
  }

  private static final int[] NO_SHIFTS = new int[0];

  /** Edits an index may be read through before its text is parsed again ({@link #edits}). */
  public static final int MAX_EDITS = 32;

  /** How many edits this index reads its positions through: 0 for an index of a parse. */
  public int edits() {
    return shifts.length / 4;
  }

  /** The last edit this index reads its positions through, or null for an index of a parse. */
  public Edit lastEdit() {
    return lastEdit;
  }

  /**
   * The index of this text edited inside one scalar at {@code pointer}, for {@code root}: the tree
   * whose {@code copies} (new container to the one of this index's tree it replaces: the containers
   * from the root to the edited scalar) hold the new scalar, everything else shared. Each old
   * position from {@code line}:{@code column} on moves {@code lineDelta} lines, and on {@code line}
   * itself to column {@code newColumn} + (column - {@code column}); the text is {@code lengthDelta}
   * chars longer. Nothing is copied but the line starts.
   */
  public LocationIndex edited(
      JsonNode root,
      String pointer,
      Map<JsonNode, JsonNode> copies,
      int line,
      int column,
      int lineDelta,
      int newColumn,
      int lengthDelta) {
    return edited(root, pointer, copies, line, column, lineDelta, newColumn, lengthDelta, renames);
  }

  /**
   * The index of this text edited inside the key of one member, as {@link #edited}: {@code object},
   * a container of this index's tree, has its member {@code from} renamed {@code to} in {@code
   * root}'s copy of it, in the same place (a JSON key holds no line break).
   */
  public LocationIndex renamed(
      JsonNode root,
      String pointer,
      Map<JsonNode, JsonNode> copies,
      JsonNode object,
      String from,
      String to,
      int line,
      int column,
      int newColumn,
      int lengthDelta) {
    JsonNode parsed = parsedAs.getOrDefault(object, object);
    Map<String, String> names = new HashMap<>(renames.getOrDefault(parsed, Map.of()));
    String parsedName = names.containsKey(from) ? names.remove(from) : from;
    names.put(to, parsedName);
    IdentityHashMap<JsonNode, Map<String, String>> nextRenames = new IdentityHashMap<>(renames);
    nextRenames.put(parsed, names);
    return edited(root, pointer, copies, line, column, 0, newColumn, lengthDelta, nextRenames);
  }

  private LocationIndex edited(
      JsonNode root,
      String pointer,
      Map<JsonNode, JsonNode> copies,
      int line,
      int column,
      int lineDelta,
      int newColumn,
      int lengthDelta,
      Map<JsonNode, Map<String, String>> nextRenames) {
    if (lineDelta != 0) {
      throw new IllegalArgumentException("an edit across lines is not read through an index");
    }
    IdentityHashMap<JsonNode, JsonNode> composed = new IdentityHashMap<>(parsedAs);
    copies.forEach(
        (copy, original) -> composed.put(copy, parsedAs.getOrDefault(original, original)));
    int[] nextShifts = Arrays.copyOf(shifts, shifts.length + 4);
    nextShifts[shifts.length] = line;
    nextShifts[shifts.length + 1] = column;
    nextShifts[shifts.length + 2] = lineDelta;
    nextShifts[shifts.length + 3] = newColumn;
    int[] nextLineStarts = lineStarts.clone();
    for (int i = line; i < nextLineStarts.length; i++) {
      nextLineStarts[i] += lengthDelta;
    }
    return new LocationIndex(
        root,
        rootSpan,
        members,
        arrayElements,
        nextLineStarts,
        textLength + lengthDelta,
        maySuppress,
        composed,
        nextShifts,
        new Edit(this.root, line, pointer),
        nextRenames);
  }

  /** Where the {@code offset}th char of the text is: 1-based line and column. */
  public Region position(int offset) {
    int line = Arrays.binarySearch(lineStarts, offset);
    line = line >= 0 ? line + 1 : -line - 1;
    int column = offset - lineStarts[line - 1] + 1;
    return new Region(line, column, line, column);
  }

  /** The char offset of a 1-based line and column of the text. */
  public int offset(int line, int column) {
    return lineStarts[line - 1] + column - 1;
  }

  /** The whole value of the member {@code name} of {@code object}, or null when none is known. */
  public Region valueRegion(JsonNode object, String name) {
    int entry = member(object, name);
    return entry < 0 ? null : valueRegion(members.spans(entry), Members.offset(entry));
  }

  /** The whole value of the element {@code index} of {@code array}, or null when none is known. */
  public Region valueRegion(JsonNode array, int index) {
    int[] elements = elements(array);
    return elements == null || index * SPAN >= elements.length
        ? null
        : valueRegion(elements, index * SPAN);
  }

  /**
   * The place where {@code name}'s key is written in {@code object}: its quotes included, or null
   * when its end is not on its start's line (its colon on a later line) or it is not known.
   */
  public Region keyRegion(JsonNode object, String name) {
    int entry = member(object, name);
    if (entry < 0) {
      return null;
    }
    int[] p = members.spans(entry);
    int at = Members.offset(entry);
    if (p[at + KEY_START_LINE] == 0 || p[at + KEY_END_LINE] != p[at + KEY_START_LINE]) {
      return null;
    }
    return region(
        p[at + KEY_START_LINE], p[at + KEY_START_COL], p[at + KEY_END_LINE], p[at + KEY_END_COL]);
  }

  private int member(JsonNode object, String name) {
    if (parsedAs.isEmpty()) {
      return members.find(object, name);
    }
    JsonNode parsed = parsedAs.getOrDefault(object, object);
    Map<String, String> names = renames.isEmpty() ? null : renames.get(parsed);
    if (names != null) {
      String was = names.get(name);
      if (was != null) {
        name = was;
      } else if (names.containsValue(name)) {
        // the parse's name of a member renamed since
        return -1;
      }
    }
    return members.find(parsed, name);
  }

  private int[] elements(JsonNode array) {
    return arrayElements.get(parsedAs.isEmpty() ? array : parsedAs.getOrDefault(array, array));
  }

  /** A region from recorded positions, read through the edits since the parse. */
  private Region region(int startLine, int startColumn, int endLine, int endColumn) {
    if (shifts.length == 0) {
      return new Region(startLine, startColumn, endLine, endColumn);
    }
    long start = shifted(startLine, startColumn);
    long end = shifted(endLine, endColumn);
    return new Region((int) (start >>> 32), (int) start, (int) (end >>> 32), (int) end);
  }

  /** A recorded position read through the edits: line in the high half, column in the low. */
  private long shifted(int line, int column) {
    for (int at = 0; at < shifts.length; at += 4) {
      if (line > shifts[at] || line == shifts[at] && column >= shifts[at + 1]) {
        if (line == shifts[at]) {
          column = shifts[at + 3] + column - shifts[at + 1];
        }
        line += shifts[at + 2];
      }
    }
    return (long) line << 32 | column & 0xFFFFFFFFL;
  }

  /**
   * False when no object of the file has a {@link #SUPPRESSION_KEY} member: the parser saw every
   * key (escapes decoded) while it built the tree, so findings in the file need no look-up. True
   * when one has, or for a tree without a text of its own ({@link #empty}).
   */
  public boolean maySuppress() {
    return maySuppress;
  }

  /**
   * The region a finding on {@code pointer} is shown at: an object member from its key to the end
   * of a scalar value (or the end of the key when the value is a container); an array element from
   * its start to the end of a scalar (or the end of its first line). A pointer without a node of
   * its own falls back to its nearest ancestor.
   */
  public Region region(String pointer) {
    return region(find(pointer));
  }

  /**
   * The region of {@link #region(String)} for a ref of this file, found from the node it was
   * reached from, without reading its pointer.
   */
  public Region region(NodeRef ref) {
    return region(span(ref));
  }

  private Region region(Span span) {
    int[] p = span.positions;
    int at = span.at;
    boolean container = span.node != null && span.node.isContainerNode();
    if (p[at + KEY_START_LINE] > 0) {
      if (container) {
        if (shifts.length == 0) {
          return new Region(
              p[at + KEY_START_LINE],
              p[at + KEY_START_COL],
              p[at + KEY_END_LINE],
              p[at + KEY_END_COL]);
        }
        if (p[at + KEY_END_LINE] == p[at + KEY_START_LINE]) {
          // a key renamed since the parse ends where its closing quote has moved to
          return region(
              p[at + KEY_START_LINE],
              p[at + KEY_START_COL],
              p[at + KEY_END_LINE],
              p[at + KEY_END_COL]);
        }
        // a JSON key's end column is reckoned from its start (its length and quotes), also when
        // its colon is on a later line: it moves with the start
        long start = shifted(p[at + KEY_START_LINE], p[at + KEY_START_COL]);
        long end = shifted(p[at + KEY_END_LINE], p[at + KEY_END_COL]);
        return new Region(
            (int) (start >>> 32),
            (int) start,
            (int) (end >>> 32),
            (int) start + p[at + KEY_END_COL] - p[at + KEY_START_COL]);
      }
      return region(
          p[at + KEY_START_LINE],
          p[at + KEY_START_COL],
          p[at + VALUE_END_LINE],
          p[at + VALUE_END_COL]);
    }
    if (p[at + VALUE_START_LINE] == 0) {
      return Region.START;
    }
    if (container) {
      Region start =
          region(
              p[at + VALUE_START_LINE],
              p[at + VALUE_START_COL],
              p[at + VALUE_START_LINE],
              p[at + VALUE_START_COL]);
      return new Region(
          start.startLine(),
          start.startColumn(),
          start.startLine(),
          lineEndColumn(start.startLine()));
    }
    return valueRegion(p, at);
  }

  /** The whole value at {@code pointer} (or at its nearest existing ancestor). */
  public Region valueRegion(String pointer) {
    Span span = find(pointer);
    if (span.positions[span.at + VALUE_START_LINE] == 0) {
      return Region.START;
    }
    return valueRegion(span.positions, span.at);
  }

  private Region valueRegion(int[] p, int at) {
    return region(
        p[at + VALUE_START_LINE],
        p[at + VALUE_START_COL],
        p[at + VALUE_END_LINE],
        p[at + VALUE_END_COL]);
  }

  /** True when the pointer names a node of this file. */
  public boolean exists(String pointer) {
    return find(pointer).exact;
  }

  /** A node and where its span starts in {@code positions}. */
  private record Span(JsonNode node, int[] positions, int at, boolean exact) {}

  /**
   * The span of a ref: its entry under the node it was reached from, else (a node the parser kept
   * no positions for) its parent's, as {@link #find} keeps the deepest ancestor's.
   */
  private Span span(NodeRef ref) {
    NodeRef parent = ref.parent();
    if (parent == null) {
      return find(ref.pointer());
    }
    JsonNode owner = parent.node();
    if (ref.memberName() != null) {
      int entry = owner.isObject() ? member(owner, ref.memberName()) : -1;
      if (entry >= 0) {
        return new Span(ref.node(), members.spans(entry), Members.offset(entry), true);
      }
    } else {
      int[] elements = owner.isArray() ? elements(owner) : null;
      if (elements != null && ref.index() * SPAN < elements.length) {
        return new Span(ref.node(), elements, ref.index() * SPAN, true);
      }
    }
    Span above = span(parent);
    return new Span(ref.node(), above.positions, above.at, true);
  }

  private Span find(String pointer) {
    JsonNode node = root;
    int[] positions = rootSpan;
    int at = 0;
    for (String segment : Pointers.segments(pointer)) {
      JsonNode child = null;
      int[] childPositions = null;
      int childAt = 0;
      if (node.isObject()) {
        child = node.get(segment);
        int entry = member(node, segment);
        if (entry >= 0) {
          childPositions = members.spans(entry);
          childAt = Members.offset(entry);
        }
      } else if (node.isArray()) {
        int[] elements = elements(node);
        int index = Pointers.index(segment);
        if (index >= 0 && index < node.size()) {
          child = node.get(index);
          if (elements != null && index * SPAN < elements.length) {
            childPositions = elements;
            childAt = index * SPAN;
          }
        }
      }
      if (child == null) {
        return new Span(node, positions, at, false);
      }
      node = child;
      if (childPositions != null) {
        positions = childPositions;
        at = childAt;
      }
    }
    return new Span(node, positions, at, true);
  }

  private int lineEndColumn(int line) {
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : textLength;
    return Math.max(1, end - start + 1);
  }

  /**
   * The spans of every object member of a file, in one open-addressing table keyed by the object
   * (by identity) and the member's name. Entries are dense, in the order they were added, in pages
   * that never move (growing by copying would double what a large spec's parse allocates); the
   * table holds an int per slot. A parse only appends entries, each hashed as it is added; the
   * table is filled when a duplicate key needs a look-up and when the index is built (probing the
   * table on every member was a sixth of GitHub's parse). The hash is made in {@link #add}, which
   * the parse calls once per member and C1 compiles early, not in {@link #placeAll}'s one long
   * loop: a cold JVM runs that loop in the interpreter until its on-stack compile is ready, and an
   * identity hash from the interpreter is a call into the VM (Stripe's JSON: 7 ms of the parse,
   * which every later step waits for).
   */
  private static final class Members {
    private static final int PAGE_BITS = 10;
    private static final int PAGE = 1 << PAGE_BITS;

    private JsonNode[][] owners = new JsonNode[4][];
    private String[][] names = new String[4][];
    private int[][] hashes = new int[4][];
    private int[][] spans = new int[4][];
    private int count;

    /** Entry + 1 per slot, 0 when free; at most half full once {@link #placeAll()} has run. */
    private int[] slots = new int[64];

    /** Entries in {@link #slots}: the first {@code placed}. */
    private int placed;

    private static int hash(JsonNode owner, String name) {
      int h = System.identityHashCode(owner) * 0x9E3779B9 + name.hashCode();
      return h ^ (h >>> 16);
    }

    /** The page of spans that holds the entry's. */
    int[] spans(int entry) {
      return spans[entry >>> PAGE_BITS];
    }

    /** Where the entry's span starts in its page. */
    static int offset(int entry) {
      return (entry & (PAGE - 1)) * SPAN;
    }

    /** The entry of the member, or -1. Only after {@link #placeAll()}. */
    int find(JsonNode owner, String name) {
      int hash = hash(owner, name);
      int mask = slots.length - 1;
      for (int slot = hash & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
        int entry = slots[slot] - 1;
        int page = entry >>> PAGE_BITS;
        int at = entry & (PAGE - 1);
        if (hashes[page][at] == hash && owners[page][at] == owner && names[page][at].equals(name)) {
          return entry;
        }
      }
      return -1;
    }

    /** Records a new member's positions. */
    void add(JsonNode owner, String name, int[] positions) {
      int page = count >>> PAGE_BITS;
      if (page == spans.length) {
        owners = java.util.Arrays.copyOf(owners, page * 2);
        names = java.util.Arrays.copyOf(names, page * 2);
        hashes = java.util.Arrays.copyOf(hashes, page * 2);
        spans = java.util.Arrays.copyOf(spans, page * 2);
      }
      if (spans[page] == null) {
        owners[page] = new JsonNode[PAGE];
        names[page] = new String[PAGE];
        hashes[page] = new int[PAGE];
        spans[page] = new int[PAGE * SPAN];
      }
      owners[page][count & (PAGE - 1)] = owner;
      names[page][count & (PAGE - 1)] = name;
      hashes[page][count & (PAGE - 1)] = hash(owner, name);
      System.arraycopy(positions, 0, spans[page], offset(count), SPAN);
      count++;
    }

    /**
     * Records a member's positions; returns the ones it had (a duplicate key, whose later span wins
     * as its value does in every parser), or null.
     */
    int[] put(JsonNode owner, String name, int[] positions) {
      placeAll();
      int existing = find(owner, name);
      if (existing < 0) {
        add(owner, name, positions);
        return null;
      }
      int[] page = spans(existing);
      int at = offset(existing);
      int[] previous = java.util.Arrays.copyOfRange(page, at, at + SPAN);
      System.arraycopy(positions, 0, page, at, SPAN);
      return previous;
    }

    /** Puts the entries added since the last call into the table, growing it as needed. */
    void placeAll() {
      if (placed == count) {
        return;
      }
      if (count * 2 > slots.length) {
        slots = new int[Integer.highestOneBit(count * 2 - 1) * 2];
        placed = 0;
      }
      int mask = slots.length - 1;
      for (int entry = placed; entry < count; entry++) {
        int page = entry >>> PAGE_BITS;
        int slot = hashes[page][entry & (PAGE - 1)] & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = entry + 1;
      }
      placed = count;
    }
  }

  /**
   * Collects positions while a tree is built (by the tree parser in core.source; rules never need
   * it).
   */
  public static final class Builder {
    private final Members members = new Members();
    private final IdentityHashMap<JsonNode, int[]> arrayElements = new IdentityHashMap<>();
    private final List<DuplicateKey> duplicates = new ArrayList<>();
    private boolean suppressionKey;

    /**
     * Records where a member of {@code object} is written ({@link #SPAN} ints as laid out above);
     * returns the positions recorded before for the same key (a duplicate key: the later one wins),
     * or null.
     */
    public int[] member(JsonNode object, String key, int[] positions) {
      if (key.equals(SUPPRESSION_KEY)) {
        suppressionKey = true;
      }
      if (!object.has(key)) {
        // the usual case, as the parsers call this before they set the member
        members.add(object, key, positions);
        return null;
      }
      return members.put(object, key, positions);
    }

    /** Records where the elements of {@code array} are written: {@link #SPAN} ints each. */
    public void elements(JsonNode array, int[] positions) {
      arrayElements.put(array, positions);
    }

    public void duplicate(DuplicateKey duplicate) {
      duplicates.add(duplicate);
    }

    public List<DuplicateKey> duplicates() {
      return duplicates;
    }

    public LocationIndex build(JsonNode root, int[] rootSpan, int[] lineStarts, int textLength) {
      members.placeAll();
      return new LocationIndex(
          root,
          rootSpan,
          members,
          arrayElements,
          lineStarts,
          textLength,
          suppressionKey,
          Map.of(),
          NO_SHIFTS,
          null,
          Map.of());
    }
  }
}
