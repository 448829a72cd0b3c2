package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which operations use each referenced part of a document: a schema, parameter or response in the
 * components, a fragment file, a path item kept in a file of its own. Computed once per document by
 * following, for every operation under {@code paths} and {@code webhooks}, the references of the
 * operation (its callbacks included), of its path item's parameters, and of whatever those lead to;
 * and the references by which its path item and the operation itself are mounted. The walk visits a
 * shared part once, at its own place: this is how a finding there tells which operations it
 * affects.
 */
public final class ReferenceUsers {
  private final ApiDocument document;

  /**
   * For each target of a reference, the operations that reach it, as their indexes in {@link
   * #operations}: a large document has thousands of targets, each reached by hundreds of
   * operations.
   */
  private final Map<NodeRef, BitSet> users = new HashMap<>();

  /**
   * The targets numbered as they are met, with the targets one hop from each: following an
   * operation then works on numbers, not on places (thousands of targets, hundreds of operations).
   */
  private final Map<NodeRef, Integer> numbers = new HashMap<>();

  private final List<NodeRef> targets = new ArrayList<>();
  private final List<BitSet> reachedBy = new ArrayList<>();
  private final List<int[]> next = new ArrayList<>();

  /**
   * The operations each target passes on to the targets one hop from it: those that reach it
   * through references, less those that reach it only as the mount of their path item or of
   * themselves (from there, the other operations of the path item are not followed).
   */
  private final List<BitSet> passedOn = new ArrayList<>();

  /** For each target, the operations whose path item or operation it mounts. */
  private final List<BitSet> mountedFor = new ArrayList<>();

  /** The targets whose operations have grown since their next hops were last given them. */
  private final Deque<Integer> changed = new ArrayDeque<>();

  private final BitSet queued = new BitSet();

  /** The targets of the references written inside a node, by node. */
  private final Map<NodeRef, List<NodeRef>> referencedFrom = new HashMap<>();

  private final Map<NodeRef, Operation> operationsByNode = new HashMap<>();
  private final Map<Operation, Integer> order = new HashMap<>();

  /** The operations followed, in document order. */
  private final List<Operation> operations = new ArrayList<>();

  /**
   * What a document derived from this one needs to carry these users ({@link #carried}); null when
   * a reference led out of the root file, which may change unseen.
   */
  private DerivedEdit.Basis basis;

  private ReferenceUsers(ApiDocument document) {
    this.document = document;
  }

  static ReferenceUsers compute(ApiDocument document) {
    ReferenceUsers usage = new ReferenceUsers(document);
    for (Operation operation : document.allOperations()) {
      if (operation.kind() != Operation.Kind.CALLBACK) {
        usage.start(operation);
      }
    }
    usage.spread();
    usage.basis = DerivedEdit.Basis.of(document);
    return usage;
  }

  /**
   * Member names whose edit may change the users: references, the containers of operations and
   * their path items' parameters and callbacks, and the names of the HTTP methods. A member renamed
   * from or to one of them (or from or to an extension's {@code x-} name, which paths skip) is
   * worked out again.
   */
  private static final Set<String> READ_NAMES = readNames();

  private static Set<String> readNames() {
    // parameters: an operation also uses what its path item's parameters reference (record)
    Set<String> names =
        new HashSet<>(List.of("$ref", "paths", "webhooks", "callbacks", "parameters"));
    names.addAll(Operation.METHODS);
    return Set.copyOf(names);
  }

  /**
   * The users of {@code document}, carried from {@code last}, those of the document its tree was
   * derived from by one edit ({@link DerivedEdit}), when the edit cannot change them; else null
   * (work them out). A string value other than a reference is read by nothing here; nor is a
   * member's name, unless it is one the users read ({@link #READ_NAMES}) or a place some followed
   * reference leads to or into (under the old name or the new). The operations are the new
   * document's, the same ones in the same order (a renamed path item's under its new path); the
   * targets are the same places, those on the copied path the copies.
   */
  static ReferenceUsers carried(ApiDocument document, ReferenceUsers last) {
    DerivedEdit edit = DerivedEdit.since(last.basis, document.rootFile());
    if (edit == null || (edit.isRename() ? edit.renames(READ_NAMES) : edit.member.equals("$ref"))) {
      return null;
    }
    ReferenceUsers users = new ReferenceUsers(document);
    for (Operation operation : document.allOperations()) {
      if (operation.kind() == Operation.Kind.CALLBACK) {
        continue;
      }
      int index = users.operations.size();
      if (index >= last.operations.size()) {
        return null;
      }
      Operation before = last.operations.get(index);
      if (before.kind() != operation.kind()
          || !before.method().equals(operation.method())
          || edit.inNewTree(before.node().node()) != operation.node().node()) {
        return null;
      }
      users.operationsByNode.put(operation.node(), operation);
      users.order.put(operation, index);
      users.operations.add(operation);
    }
    if (users.operations.size() != last.operations.size()) {
      return null;
    }
    ParsedFile file = document.rootFile();
    for (Map.Entry<NodeRef, BitSet> target : last.users.entrySet()) {
      NodeRef place = target.getKey();
      users.users.put(
          new NodeRef(file, place.pointer(), edit.inNewTree(place.node())), target.getValue());
    }
    users.basis = last.basis.carriedTo(document);
    return users;
  }

  /**
   * Records the operation, the targets its mounting references lead to, and the targets of the
   * references written in it and in its path item's parameters, from which {@link #spread} follows
   * it further.
   */
  private void start(Operation operation) {
    operationsByNode.put(operation.node(), operation);
    int index = operations.size();
    order.put(operation, index);
    operations.add(operation);
    // the path item and the operation may be mounted by references (one file per path or
    // operation):
    // their targets are used, but the other operations of the path item are not followed from there
    NodeRef entry = mountContainer(operation).get(operation.path());
    markChain(entry, index);
    markChain(operation.pathItem().get(operation.method()), index);
    pass(referencedFrom(operation.node()), index);
    NodeRef pathParameters = operation.pathItem().get("parameters");
    if (pathParameters != null) {
      pass(referencedFrom(pathParameters), index);
    }
  }

  private void pass(List<NodeRef> found, int operation) {
    for (NodeRef target : found) {
      int number = number(target);
      if (!mountedFor.get(number).get(operation) && !passedOn.get(number).get(operation)) {
        passedOn.get(number).set(operation);
        reachedBy.get(number).set(operation);
        enqueue(number);
      }
    }
  }

  /**
   * Follows every operation from the targets it reaches to the targets one hop further, until
   * nothing changes: a few operations of bits per reference, where following each operation on its
   * own visited every target it reaches once per operation (hundreds of operations reach the same
   * thousands of targets).
   */
  private void spread() {
    BitSet adding = new BitSet();
    while (!changed.isEmpty()) {
      int target = changed.poll();
      queued.clear(target);
      for (int further : next(target)) {
        adding.clear();
        adding.or(passedOn.get(target));
        adding.andNot(mountedFor.get(further));
        adding.andNot(passedOn.get(further));
        if (!adding.isEmpty()) {
          passedOn.get(further).or(adding);
          reachedBy.get(further).or(adding);
          enqueue(further);
        }
      }
    }
  }

  private void enqueue(int target) {
    if (!queued.get(target)) {
      queued.set(target);
      changed.add(target);
    }
  }

  private int number(NodeRef target) {
    Integer known = numbers.get(target);
    if (known != null) {
      return known;
    }
    int number = targets.size();
    numbers.put(target, number);
    targets.add(target);
    BitSet reached = new BitSet();
    reachedBy.add(reached);
    users.put(target, reached);
    passedOn.add(new BitSet());
    mountedFor.add(new BitSet());
    next.add(null);
    return number;
  }

  /** The numbers of the targets one hop from a target; computed once per target. */
  private int[] next(int target) {
    int[] known = next.get(target);
    if (known == null) {
      List<NodeRef> found = referencedFrom(targets.get(target));
      known = new int[found.size()];
      for (int i = 0; i < known.length; i++) {
        known[i] = number(found.get(i));
      }
      next.set(target, known);
    }
    return known;
  }

  private NodeRef mountContainer(Operation operation) {
    return document.root().get(operation.kind() == Operation.Kind.WEBHOOK ? "webhooks" : "paths");
  }

  private void markChain(NodeRef written, int operation) {
    NodeRef current = written;
    for (int hop = 0; current != null && current.isRef() && hop < 64; hop++) {
      Resolution step = document.step(current);
      if (!step.resolved()) {
        return;
      }
      current = step.target();
      int number = number(current);
      reachedBy.get(number).set(operation);
      mountedFor.get(number).set(operation);
    }
  }

  /**
   * The targets (one hop) of every reference written inside {@code node}; computed once per node,
   * from the references its parse recorded when it has them ({@link ReferencePlaces}), else by a
   * walk of its containers.
   */
  private List<NodeRef> referencedFrom(NodeRef node) {
    List<NodeRef> known = referencedFrom.get(node);
    if (known != null) {
      return known;
    }
    List<NodeRef> targets = new ArrayList<>();
    ReferencePlaces places = node.file().references();
    List<String> written = places == null ? null : places.within(node.node());
    if (written != null) {
      // as the parse met them: the order of the targets changes none of the users
      for (String ref : written) {
        Resolution step = document.step(node.file(), ref);
        if (step.resolved()) {
          targets.add(step.target());
        }
      }
    } else {
      Deque<NodeRef> pending = new ArrayDeque<>();
      pending.push(node);
      while (!pending.isEmpty()) {
        visit(pending.pop(), targets, pending);
      }
    }
    referencedFrom.put(node, targets);
    return targets;
  }

  /**
   * Adds the target of the node's own reference to {@code targets} and pushes its children that can
   * hold references (only containers: no place is made for the scalars). A method of its own,
   * called for every node: in a cold run C1 compiles it after a few hundred nodes, where the loop
   * of {@link #referencedFrom} ran in the interpreter until that method (called once per operation
   * and target) was compiled. The reference is found among the members being read, not looked up.
   */
  private void visit(NodeRef current, List<NodeRef> targets, Deque<NodeRef> pending) {
    JsonNode node = current.node();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        JsonNode value = member.getValue();
        if (value.isContainerNode()) {
          // a child ref makes its pointer only when asked: most places here are never targets
          pending.push(current.member(member.getKey(), value));
        } else if (value.isTextual() && member.getKey().equals("$ref")) {
          Resolution step = document.step(current);
          if (step.resolved()) {
            targets.add(step.target());
          }
        }
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isContainerNode()) {
          pending.push(current.get(i));
        }
      }
    }
  }

  /**
   * The operations that use the place through references, in document order: those that reach a
   * referenced node containing it. Empty when the place is in no referenced part (an operation
   * written in the root document, the document's own info). A place inside an operation mounted by
   * a reference is used by that operation only, not by the other operations of its path item.
   */
  public List<Operation> of(ParsedFile file, String pointer) {
    return of(new NodeRef(file, pointer, null));
  }

  /**
   * {@link #of(ParsedFile, String)} for the place of a ref, whose ancestors are the refs it was
   * reached from (no pointer string is made for them) up to one made from a pointer.
   */
  public List<Operation> of(NodeRef place) {
    BitSet found = new BitSet();
    for (NodeRef node = place; node != null; node = parentOf(node)) {
      Operation own = operationsByNode.get(node);
      if (own != null) {
        if (!found.isEmpty() || isMountedByReference(own)) {
          found.set(order.get(own));
        }
        break;
      }
      BitSet reached = users.get(node);
      if (reached != null) {
        found.or(reached);
      }
    }
    List<Operation> sorted = new ArrayList<>(found.cardinality());
    for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
      sorted.add(operations.get(i));
    }
    return sorted;
  }

  private static NodeRef parentOf(NodeRef node) {
    if (node.parent() != null) {
      return node.parent();
    }
    String pointer = Pointers.parent(node.pointer());
    return pointer == null ? null : new NodeRef(node.file(), pointer, null);
  }

  private boolean isMountedByReference(Operation operation) {
    return users.containsKey(operation.node()) || users.containsKey(operation.pathItem());
  }

  /**
   * Where a finding names an operation that uses it: the operation where it is written under {@code
   * paths} (or {@code webhooks}), or, when the path item or the operation is mounted by a reference
   * (a file per path), the entry that mounts it.
   */
  public NodeRef mount(Operation operation) {
    return isMountedByReference(operation)
        ? mountContainer(operation).get(operation.path())
        : operation.node();
  }
}
