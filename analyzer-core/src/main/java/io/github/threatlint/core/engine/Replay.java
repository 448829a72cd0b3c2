package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the calls kept for a rule ({@link RuleCalls}) again, through the rule's fresh context,
 * against a document whose tree differs from the one they were made on in prose alone: the context
 * works out regions, uses, suppressions and caps as for a live report.
 */
final class Replay {
  private final ApiDocument document;

  /** The nodes of the root file that replayed calls named, by pointer. */
  private final Map<String, NodeRef> nodes = new HashMap<>();

  Replay(ApiDocument document) {
    this.document = document;
  }

  /**
   * Makes the calls again on {@code context}, as the rule made them against the last document;
   * false, having made none, when a node they name is not in this document.
   */
  boolean replay(List<RuleCalls.Call> kept, RuleContext context) {
    List<NodeRef> named = new ArrayList<>(kept.size());
    for (RuleCalls.Call call : kept) {
      NodeRef node =
          call.detached()
              ? new NodeRef(document.rootFile(), call.pointer(), null)
              : nodeAt(call.pointer());
      if (node == null) {
        return false;
      }
      named.add(node);
    }
    for (int i = 0; i < kept.size(); i++) {
      RuleCalls.Call call = kept.get(i);
      switch (call.kind()) {
        case REPORT -> {
          List<RelatedLocation> related = new ArrayList<>(call.related().size());
          for (RuleCalls.Related place : call.related()) {
            related.add(
                new RelatedLocation(
                    document.rootFile(),
                    place.pointer(),
                    document.rootFile().index().region(place.pointer()),
                    place.label()));
          }
          context.report(named.get(i), call.text(), call.grade(), related);
        }
        case MITIGATED -> context.mitigated(named.get(i), call.text(), call.description());
        case UNMITIGATED -> context.unmitigated(named.get(i), call.text(), call.description());
      }
    }
    return true;
  }

  /**
   * The node of the root file at {@code pointer}, reached from its parent's as {@link NodeRef#at}
   * reaches it from the root, or null. Replayed calls often name the same place, and places share
   * their parents: each is reached once.
   */
  private NodeRef nodeAt(String pointer) {
    if (pointer.isEmpty()) {
      return document.root();
    }
    NodeRef node = nodes.get(pointer);
    int slash = pointer.lastIndexOf('/');
    if (node == null && slash >= 0) {
      NodeRef parent = nodeAt(pointer.substring(0, slash));
      node = parent == null ? null : parent.child(Pointers.lastSegment(pointer));
      if (node != null) {
        nodes.put(pointer, node);
      }
    }
    return node;
  }
}
