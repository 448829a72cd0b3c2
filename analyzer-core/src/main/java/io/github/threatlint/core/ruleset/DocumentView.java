package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A document as a ruleset rule sees it: as written ({@code resolved: false}), or with every {@code
 * $ref} replaced by what it leads to ({@code resolved: true}, Spectral's default), without copying
 * the tree: a child that is a reference is the node it resolves to, where that is written (in this
 * file or another). A reference that does not resolve stays as written, and so does one on a cycle
 * ({@link CircularRefs}), as Spectral's resolver leaves it.
 */
final class DocumentView {
  private final ApiDocument document;
  private final boolean resolved;
  private final Set<NodeRef> circular;

  DocumentView(ApiDocument document, boolean resolved) {
    this.document = document;
    this.resolved = resolved;
    this.circular = resolved ? CircularRefs.of(document) : Set.of();
  }

  ApiDocument document() {
    return document;
  }

  Place root() {
    return Place.root(follow(document.root()));
  }

  /** The children of a place in document order: members of an object, elements of an array. */
  List<Place> children(Place place) {
    if (place.keyOnly()) {
      return List.of();
    }
    NodeRef node = place.node();
    if (node.node().isObject()) {
      List<Place> children = new ArrayList<>(node.node().size());
      for (Map.Entry<String, NodeRef> member : node.members()) {
        children.add(place.child(member.getValue(), follow(member.getValue()), member.getKey()));
      }
      return children;
    }
    if (node.node().isArray()) {
      List<Place> children = new ArrayList<>(node.node().size());
      List<NodeRef> elements = node.elements();
      for (int i = 0; i < elements.size(); i++) {
        children.add(place.child(elements.get(i), follow(elements.get(i)), i));
      }
      return children;
    }
    return Collections.emptyList();
  }

  /** The child under a key or index, or null when there is none. */
  Place child(Place place, Object key) {
    if (place.keyOnly()) {
      return null;
    }
    NodeRef child =
        key instanceof Integer index
            ? place.node().node().isArray() ? place.node().get(index) : null
            : place.node().node().isObject() ? place.node().get((String) key) : null;
    return child == null ? null : place.child(child, follow(child), key);
  }

  private NodeRef follow(NodeRef node) {
    if (!resolved || !node.isRef() || circular.contains(node)) {
      return node;
    }
    NodeRef target = document.deref(node);
    return target == null ? node : target;
  }

  /**
   * The value of a place as one tree, references resolved when the view resolves them (for JSON
   * Schema validation, which needs the whole value); a reference back into itself stays as written.
   */
  JsonNode materialize(Place place) {
    if (place.keyOnly()) {
      return JsonNodeFactory.instance.textNode(place.property());
    }
    return materialize(place.node(), Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private JsonNode materialize(NodeRef node, Set<JsonNode> ancestors) {
    JsonNode value = node.node();
    if (!resolved || !value.isContainerNode()) {
      return value;
    }
    if (!ancestors.add(value)) {
      return value;
    }
    JsonNode copy;
    if (value.isObject()) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, NodeRef> member : node.members()) {
        object.set(member.getKey(), materialize(follow(member.getValue()), ancestors));
      }
      copy = object;
    } else {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (NodeRef element : node.elements()) {
        array.add(materialize(follow(element), ancestors));
      }
      copy = array;
    }
    ancestors.remove(value);
    return copy;
  }
}
