package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The edit that derived a document's tree from the last one's ({@link LocationIndex#lastEdit}: one
 * string replaced, or one member's key renamed; the containers from the root to it copied, every
 * other node the same object), as the facts carried across it read it ({@link SchemaUsage#carried},
 * {@link ReferenceUsers#carried}).
 */
final class DerivedEdit {
  /** The containers from the root to the edited member's, in the last tree, each to its copy. */
  private final Map<JsonNode, JsonNode> copies;

  /** The pointer of the container of the edited member. */
  final String container;

  /** The container's own name (its last segment), or null for the root. */
  final String containerName;

  /** The edited string's member name (an element's index), or the renamed member's new name. */
  final String member;

  /** The renamed member's old name; null when a string was replaced. */
  final String renamedFrom;

  private DerivedEdit(
      Map<JsonNode, JsonNode> copies,
      String container,
      String containerName,
      String member,
      String renamedFrom) {
    this.copies = copies;
    this.container = container;
    this.containerName = containerName;
    this.member = member;
    this.renamedFrom = renamedFrom;
  }

  /** The edit that derived {@code file}'s tree from {@code lastRoot}, or null when it was not. */
  static DerivedEdit of(ParsedFile file, JsonNode lastRoot) {
    LocationIndex.Edit edit = file.index().lastEdit();
    if (edit == null || edit.before() != lastRoot) {
      return null;
    }
    List<String> segments = Pointers.segments(edit.pointer());
    if (segments.isEmpty()) {
      return null;
    }
    Map<JsonNode, JsonNode> copies = new IdentityHashMap<>();
    JsonNode before = lastRoot;
    JsonNode after = file.root();
    int last = segments.size() - 1;
    for (int i = 0; i < last && before != null && after != null; i++) {
      copies.put(before, after);
      before = Pointers.nodeAt(before, segments.subList(i, i + 1), 1);
      after = Pointers.nodeAt(after, segments.subList(i, i + 1), 1);
    }
    if (before == null || after == null || !before.isContainerNode()) {
      return null;
    }
    copies.put(before, after);
    String member = segments.get(last);
    JsonNode edited = Pointers.nodeAt(before, segments.subList(last, last + 1), 1);
    String renamedFrom = null;
    if (edited == null) {
      renamedFrom = before.isObject() ? renamedFrom(before, after) : null;
      if (renamedFrom == null) {
        return null;
      }
    } else if (!edited.isTextual()) {
      return null;
    }
    return new DerivedEdit(
        copies,
        Pointers.parent(edit.pointer()),
        last > 0 ? segments.get(last - 1) : null,
        member,
        renamedFrom);
  }

  /** The name the member of {@code before} had that {@code after} (its copy) renamed, or null. */
  private static String renamedFrom(JsonNode before, JsonNode after) {
    Iterator<String> renamed = after.fieldNames();
    for (Iterator<String> names = before.fieldNames(); names.hasNext() && renamed.hasNext(); ) {
      String name = names.next();
      if (!name.equals(renamed.next())) {
        return name;
      }
    }
    return null;
  }

  /** Whether a member's key was renamed (else a string value was replaced). */
  boolean isRename() {
    return renamedFrom != null;
  }

  /**
   * Whether a renamed member's old or new name is one of {@code names} or an extension's ({@code
   * x-}); false for a replaced string.
   */
  boolean renames(Set<String> names) {
    return isRename()
        && (names.contains(renamedFrom)
            || names.contains(member)
            || renamedFrom.startsWith("x-")
            || member.startsWith("x-"));
  }

  /**
   * Whether one of the places {@code targets} (JSON pointers that followed references name) is or
   * lies in the renamed member, under its old name or its new one (so that reference's target
   * changed); false for a replaced string.
   */
  boolean renamesTarget(Set<String> targets) {
    if (!isRename()) {
      return false;
    }
    String oldPlace = Pointers.child(container, renamedFrom);
    String newPlace = Pointers.child(container, member);
    for (String target : targets) {
      if (Pointers.isWithin(target, oldPlace) || Pointers.isWithin(target, newPlace)) {
        return true;
      }
    }
    return false;
  }

  /** The node of the new tree at the place of {@code node} of the last tree. */
  JsonNode inNewTree(JsonNode node) {
    JsonNode copy = copies.get(node);
    return copy != null ? copy : node;
  }

  /** The copied containers of the last tree, each to its copy. */
  Map<JsonNode, JsonNode> copies() {
    return copies;
  }
}
