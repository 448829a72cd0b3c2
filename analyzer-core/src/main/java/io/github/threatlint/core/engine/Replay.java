package io.github.threatlint.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RelatedLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the calls kept for a rule ({@link RuleCalls}) again, through the rule's fresh context,
 * against a document whose tree differs from the one they were made on in prose alone: the context
 * works out regions, uses, suppressions and caps as for a live report. When the document's tree was
 * derived from the one they were last worked out on by an edit inside one string ({@link
 * LocationIndex.Edit}), a call whose node, region, uses and related places the edit cannot have
 * reached keeps them: its node is the same object, and every position off the edit's line is the
 * same. A call at the edited string or at one of the containers copied to hold it, or with a
 * position on the edit's line, is worked out again.
 */
final class Replay {
  private final ApiDocument document;

  /** The edit this document's tree was derived by, or null when it was parsed. */
  private final LocationIndex.Edit edit;

  /** The nodes of the root file that replayed calls named, by pointer. */
  private final Map<String, NodeRef> nodes = new HashMap<>();

  Replay(ApiDocument document) {
    this.document = document;
    this.edit = document.rootFile().index().lastEdit();
  }

  /** Whether this document's tree was derived from {@code tree} by an edit inside one string. */
  boolean follows(JsonNode tree) {
    return edit != null && tree != null && edit.before() == tree;
  }

  /**
   * Makes the calls again on {@code context}, as the rule made them against the last document;
   * false, having made none, when a node they name is not in this document. {@code last}: what each
   * was worked out as on the tree this one {@link #follows}, or null.
   */
  boolean replay(
      List<RuleCalls.Call> kept, List<RuleCalls.Resolved> last, DocumentRun.Context context) {
    List<NodeRef> named = new ArrayList<>(kept.size());
    RuleCalls.Resolved[] still = new RuleCalls.Resolved[kept.size()];
    boolean resolved = last != null && last.size() == kept.size();
    for (int i = 0; i < kept.size(); i++) {
      RuleCalls.Call call = kept.get(i);
      RuleCalls.Resolved was = resolved ? last.get(i) : null;
      NodeRef node;
      if (was != null && unreached(call, was)) {
        still[i] = was;
        node = new NodeRef(document.rootFile(), call.pointer(), was.node());
      } else if (call.detached()) {
        node = new NodeRef(document.rootFile(), call.pointer(), null);
      } else {
        node = nodeAt(call.pointer());
      }
      if (node == null) {
        return false;
      }
      named.add(node);
    }
    for (int i = 0; i < kept.size(); i++) {
      RuleCalls.Call call = kept.get(i);
      if (still[i] != null) {
        context.replay(call, named.get(i), still[i]);
        continue;
      }
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

  /** Whether the edit cannot have reached what {@code call} was worked out as ({@code was}). */
  private boolean unreached(RuleCalls.Call call, RuleCalls.Resolved was) {
    if (nearEdit(call.pointer()) || onEditLine(was.region())) {
      return false;
    }
    if (was.uses() != null) {
      for (Finding.Use use : was.uses()) {
        if (nearEdit(use.pointer()) || onEditLine(use.region())) {
          return false;
        }
      }
    }
    if (was.related() != null) {
      for (Finding.Related place : was.related()) {
        if (nearEdit(place.pointer()) || onEditLine(place.region())) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether {@code pointer} is the edited string or a container copied to hold it (one of its
   * ancestors). A member of a copied container is the same node object in both trees, and its
   * positions are read from the same tables of the parse.
   */
  private boolean nearEdit(String pointer) {
    String edited = edit.pointer();
    return edited.startsWith(pointer)
        && (edited.length() == pointer.length() || edited.charAt(pointer.length()) == '/');
  }

  private boolean onEditLine(Region region) {
    return region.startLine() == edit.line() || region.endLine() == edit.line();
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
