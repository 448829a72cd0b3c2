package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.github.threatlint.core.source.TreeParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ref reached by navigation makes its pointer only when asked; it must still be the same place as
 * a ref made from that pointer: equal, with the same hash, located at the same region.
 */
class NodeRefTest {
  private static final String TEXT =
      """
      openapi: 3.0.0
      paths:
        /a/{id}:
          get:
            parameters:
              - name: id
              - name: other
        ~tilde: {x: 1}
      list: [a, b, c, d, e, f, g, h, i, j, k, l, {deep: [1, 2]}]
      numbers:
        "0": zero
        "12": twelve
      shared: &anchor {inner: {value: 1}}
      alias: *anchor
      """;

  private static ParsedFile parse() throws Exception {
    ParsedFile file = TreeParser.parse(new SourceFile(null, "spec.yaml", TEXT));
    assertThat(file.hasAliases()).isTrue();
    return file;
  }

  @Test
  void aNavigatedRefIsTheRefOfItsPointer() throws Exception {
    ParsedFile file = parse();
    NodeRef root = NodeRef.root(file);
    for (NodeRef node : everyNode(root)) {
      String pointer = node.pointer();
      // refs made afresh, before anything asks for their pointers
      NodeRef navigated = root.at(pointer);
      NodeRef again = root.at(pointer);
      NodeRef fromPointer = new NodeRef(file, pointer, node.node());
      assertThat(navigated).as(pointer).isEqualTo(again);
      assertThat(navigated).as(pointer).isEqualTo(fromPointer);
      assertThat(fromPointer).as(pointer).isEqualTo(again);
      assertThat(navigated.hashCode()).as(pointer).isEqualTo(fromPointer.hashCode());
      assertThat(file.index().region(navigated))
          .as(pointer)
          .isEqualTo(file.index().region(pointer));
      assertThat(navigated.pointer()).isEqualTo(pointer);
    }
  }

  @Test
  void namesAndSegmentsAreThoseOfThePointer() throws Exception {
    ParsedFile file = parse();
    NodeRef root = NodeRef.root(file);
    for (NodeRef node : everyNode(root)) {
      String pointer = node.pointer();
      String name = pointer.isEmpty() ? null : Pointers.lastSegment(pointer);
      // reached by navigation, made from the pointer, and reached from one made from a pointer
      NodeRef fromPointer = new NodeRef(file, pointer, node.node());
      List<NodeRef> refs = new ArrayList<>(List.of(root.at(pointer), fromPointer));
      if (!pointer.isEmpty()) {
        String parent = Pointers.parent(pointer);
        refs.add(new NodeRef(file, parent, root.at(parent).node()).child(name));
      }
      for (NodeRef ref : refs) {
        assertThat(ref.name()).as(pointer).isEqualTo(name);
        assertThat(ref.segments()).as(pointer).isEqualTo(Pointers.segments(pointer));
      }
    }
  }

  @Test
  void hashesAreThoseOfThePointerStrings() throws Exception {
    ParsedFile file = parse();
    NodeRef root = NodeRef.root(file);
    for (NodeRef navigated : everyNode(root)) {
      NodeRef fresh = root.at(navigated.pointer());
      assertThat(fresh.hashCode())
          .as(navigated.pointer())
          .isEqualTo(System.identityHashCode(file) * 31 + navigated.pointer().hashCode());
    }
  }

  @Test
  void aPointerIsJoinedBelowTheNearestRefThatKnowsItsOwn() throws Exception {
    ParsedFile file = parse();
    NodeRef root = NodeRef.root(file);
    NodeRef deep = root.at("/paths/~1a~1{id}/get/parameters/1/name");
    // asked before any ref above it: made without theirs, and theirs are still right afterwards
    assertThat(deep.pointer()).isEqualTo("/paths/~1a~1{id}/get/parameters/1/name");
    assertThat(root.at("/paths/~1a~1{id}/get").pointer()).isEqualTo("/paths/~1a~1{id}/get");
    NodeRef operation =
        new NodeRef(file, "/paths/~1a~1{id}/get", root.at("/paths/~1a~1{id}/get").node());
    assertThat(operation.at("/parameters/0/name").pointer())
        .isEqualTo("/paths/~1a~1{id}/get/parameters/0/name");
  }

  @Test
  void refsOfDifferentPlacesDiffer() throws Exception {
    ParsedFile file = parse();
    NodeRef root = NodeRef.root(file);
    assertThat(root.at("/paths/~1a~1{id}").pointer()).isEqualTo("/paths/~1a~1{id}");
    assertThat(root.at("/paths/~0tilde").pointer()).isEqualTo("/paths/~0tilde");
    assertThat(root.at("/list/12/deep/1").pointer()).isEqualTo("/list/12/deep/1");
    assertThat(root.at("/numbers/12")).isNotEqualTo(root.at("/list/12"));
    assertThat(root.at("/shared/inner")).isNotEqualTo(root.at("/alias/inner"));
    assertThat(root.at("/shared/inner").node()).isSameAs(root.at("/alias/inner").node());
    assertThat(root.at("/list/1x")).isNull();
    assertThat(root.at("/list/0").pointer()).isEqualTo("/list/0");
  }

  @Test
  void withoutAliasesEachObjectOrArrayIsOnePlace() throws Exception {
    ParsedFile file =
        TreeParser.parse(new SourceFile(null, "spec.yaml", TEXT.replace("alias: *anchor\n", "")));
    assertThat(file.hasAliases()).isFalse();
    NodeRef root = NodeRef.root(file);
    for (NodeRef node : everyNode(root)) {
      String pointer = node.pointer();
      NodeRef fromPointer = new NodeRef(file, pointer, node.node());
      assertThat(root.at(pointer)).as(pointer).isEqualTo(fromPointer);
      assertThat(root.at(pointer).hashCode()).as(pointer).isEqualTo(fromPointer.hashCode());
    }
    assertThat(root.at("/numbers/12")).isNotEqualTo(root.at("/list/12"));
    // a scalar node may be shared (Jackson keeps one node for true): its places still differ
    JsonNode shared = BooleanNode.TRUE;
    assertThat(new NodeRef(file, "/a", shared)).isNotEqualTo(new NodeRef(file, "/b", shared));
  }

  @Test
  void forEachMemberHandsTheMembersInOrderAsMembersListsThem() throws Exception {
    NodeRef root = NodeRef.root(parse());
    for (NodeRef node : everyNode(root)) {
      List<String> names = new ArrayList<>();
      List<NodeRef> values = new ArrayList<>();
      node.forEachMember(
          (name, value) -> {
            names.add(name);
            values.add(value);
          });
      List<String> listedNames = new ArrayList<>();
      List<NodeRef> listedValues = new ArrayList<>();
      for (var member : node.members()) {
        listedNames.add(member.getKey());
        listedValues.add(member.getValue());
      }
      assertThat(names).as(node.pointer()).isEqualTo(listedNames);
      assertThat(values).as(node.pointer()).isEqualTo(listedValues);
      for (NodeRef value : values) {
        assertThat(value.pointer()).isEqualTo(Pointers.child(node.pointer(), value.name()));
      }
    }
  }

  private static List<NodeRef> everyNode(NodeRef root) {
    List<NodeRef> nodes = new ArrayList<>();
    collect(root, nodes);
    return nodes;
  }

  private static void collect(NodeRef ref, List<NodeRef> nodes) {
    nodes.add(ref);
    for (var member : ref.members()) {
      collect(member.getValue(), nodes);
    }
    for (NodeRef element : ref.elements()) {
      collect(element, nodes);
    }
  }
}
