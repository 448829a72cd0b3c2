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
  /**
   * What a fact worked out on a tree keeps so that a document derived from that tree may carry it:
   * the tree's root, and the places of it that the references followed meanwhile name (a renamed
   * member that none of them is or lies in changes no reference's target).
   */
  record Basis(JsonNode root, Set<String> referencedPlaces) {
    /**
     * The basis of a fact just worked out on {@code document}; null when a reference led out of the
     * root file, which may change unseen, so the fact may not be carried.
     */
    static Basis of(ApiDocument document) {
      return document.readOtherFiles()
          ? null
          : new Basis(document.rootFile().root(), document.referencedPlaces());
    }

    /** The basis of the fact carried to {@code document}, whose tree follows this one. */
    Basis carriedTo(ApiDocument document) {
      return new Basis(document.rootFile().root(), referencedPlaces);
    }
  }

  /** The places the references followed on the last tree name ({@link Basis#referencedPlaces}). */
  private final Set<String> referencedPlaces;

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
      Set<String> referencedPlaces,
      Map<JsonNode, JsonNode> copies,
      String container,
      String containerName,
      String member,
      String renamedFrom) {
    this.referencedPlaces = referencedPlaces;
    this.copies = copies;
    this.container = container;
    this.containerName = containerName;
    this.member = member;
    this.renamedFrom = renamedFrom;
  }

  /**
   * The edit that derived {@code file}'s tree from the tree of {@code basis}; null when it was not,
   * or when {@code basis} is null (the fact may not be carried).
   */
  static DerivedEdit since(Basis basis, ParsedFile file) {
    LocationIndex.Edit edit = file.index().lastEdit();
    if (basis == null || edit == null || edit.before() != basis.root()) {
      return null;
    }
    List<String> segments = Pointers.segments(edit.pointer());
    if (segments.isEmpty()) {
      return null;
    }
    Map<JsonNode, JsonNode> copies = new IdentityHashMap<>();
    JsonNode before = basis.root();
    JsonNode after = file.root();
    int last = segments.size() - 1;
    for (int i = 0; i < last && before != null && after != null; i++) {
      copies.put(before, after);
      before = Pointers.childAt(before, segments.get(i));
      after = Pointers.childAt(after, segments.get(i));
    }
    if (before == null || after == null || !before.isContainerNode()) {
      return null;
    }
    copies.put(before, after);
    String member = segments.get(last);
    JsonNode edited = Pointers.childAt(before, member);
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
        basis.referencedPlaces(),
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
   * Whether the rename may change what a fact that reads the member names {@code names} worked out:
   * the old or the new name is one of them or an extension's ({@code x-}), or a place a followed
   * reference names is or lies in the renamed member, under its old name or its new one (so that
   * reference's target changed); false for a replaced string.
   */
  boolean renames(Set<String> names) {
    return isRename()
        && (names.contains(renamedFrom)
            || names.contains(member)
            || renamedFrom.startsWith("x-")
            || member.startsWith("x-")
            || renamesReferencedPlace());
  }

  private boolean renamesReferencedPlace() {
    String oldPlace = Pointers.child(container, renamedFrom);
    String newPlace = Pointers.child(container, member);
    for (String target : referencedPlaces) {
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
