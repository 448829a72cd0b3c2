package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.ParsedFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code $ref}s of a document that Spectral's resolver leaves as written: those on a cycle,
 * whose target leads back to them (through what it contains and the references in there). A rule on
 * the resolved document sees such a {@code $ref} itself, not what it names; the entry into a cycle
 * is resolved. Computed once per document, for all its rules.
 */
final class CircularRefs {
  /** A fact of the document: computed once, also when its rules run on several threads. */
  private static final ApiDocument.Fact<Set<NodeRef>> FACT = CircularRefs::compute;

  private CircularRefs() {}

  static Set<NodeRef> of(ApiDocument document) {
    return document.fact(FACT);
  }

  private static Set<NodeRef> compute(ApiDocument document) {
    // every $ref of every file the document reaches, and where each one leads
    Map<ParsedFile, List<NodeRef>> sitesByFile = new IdentityHashMap<>();
    List<NodeRef> sites = new ArrayList<>();
    Map<NodeRef, NodeRef> targets = new HashMap<>();
    Deque<ParsedFile> files = new ArrayDeque<>(List.of(document.rootFile()));
    while (!files.isEmpty()) {
      ParsedFile file = files.pop();
      if (sitesByFile.containsKey(file)) {
        continue;
      }
      List<NodeRef> inFile = new ArrayList<>();
      collect(NodeRef.root(file), inFile);
      inFile.sort(Comparator.comparing(NodeRef::pointer));
      sitesByFile.put(file, inFile);
      for (NodeRef site : inFile) {
        NodeRef target = document.deref(site);
        if (target != null) {
          targets.put(site, target);
          files.push(target.file());
        }
      }
      sites.addAll(inFile);
    }
    // site -> the sites inside its target; a site on a cycle of this graph is left as written
    Map<NodeRef, List<NodeRef>> edges = new HashMap<>();
    for (NodeRef site : sites) {
      NodeRef target = targets.get(site);
      edges.put(site, target == null ? List.of() : within(sitesByFile.get(target.file()), target));
    }
    return onCycles(sites, edges);
  }

  private static void collect(NodeRef node, List<NodeRef> sites) {
    JsonNode value = node.node();
    if (node.isRef()) {
      sites.add(node);
    }
    if (value.isObject()) {
      for (Map.Entry<String, NodeRef> member : node.members()) {
        if (member.getValue().node().isContainerNode()) {
          collect(member.getValue(), sites);
        }
      }
    } else if (value.isArray()) {
      for (NodeRef element : node.elements()) {
        if (element.node().isContainerNode()) {
          collect(element, sites);
        }
      }
    }
  }

  /** The sites (sorted by pointer) at or below {@code target}. */
  private static List<NodeRef> within(List<NodeRef> sorted, NodeRef target) {
    if (sorted == null) {
      return List.of();
    }
    String prefix = target.pointer();
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (sorted.get(middle).pointer().compareTo(prefix) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    List<NodeRef> inside = new ArrayList<>();
    for (int i = low; i < sorted.size() && sorted.get(i).pointer().startsWith(prefix); i++) {
      String pointer = sorted.get(i).pointer();
      if (pointer.length() == prefix.length() || pointer.charAt(prefix.length()) == '/') {
        inside.add(sorted.get(i));
      }
    }
    return inside;
  }

  /** The sites in a strongly connected component with a cycle (Tarjan's, without recursion). */
  private static Set<NodeRef> onCycles(List<NodeRef> sites, Map<NodeRef, List<NodeRef>> edges) {
    Map<NodeRef, Integer> index = new HashMap<>();
    Map<NodeRef, Integer> lowLink = new HashMap<>();
    Deque<NodeRef> stack = new ArrayDeque<>();
    Set<NodeRef> onStack = new HashSet<>();
    Set<NodeRef> circular = new HashSet<>();
    int next = 0;
    for (NodeRef start : sites) {
      if (index.containsKey(start)) {
        continue;
      }
      // each frame: a site and the position of the next edge to look at
      Deque<Object[]> frames = new ArrayDeque<>();
      frames.push(new Object[] {start, 0});
      index.put(start, next);
      lowLink.put(start, next++);
      stack.push(start);
      onStack.add(start);
      while (!frames.isEmpty()) {
        Object[] frame = frames.peek();
        NodeRef site = (NodeRef) frame[0];
        List<NodeRef> out = edges.get(site);
        int position = (Integer) frame[1];
        if (position < out.size()) {
          frame[1] = position + 1;
          NodeRef to = out.get(position);
          if (!index.containsKey(to)) {
            index.put(to, next);
            lowLink.put(to, next++);
            stack.push(to);
            onStack.add(to);
            frames.push(new Object[] {to, 0});
          } else if (onStack.contains(to)) {
            lowLink.put(site, Math.min(lowLink.get(site), index.get(to)));
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          NodeRef parent = (NodeRef) frames.peek()[0];
          lowLink.put(parent, Math.min(lowLink.get(parent), lowLink.get(site)));
        }
        if (lowLink.get(site).equals(index.get(site))) {
          List<NodeRef> component = new ArrayList<>();
          NodeRef member;
          do {
            member = stack.pop();
            onStack.remove(member);
            component.add(member);
          } while (!member.equals(site));
          if (component.size() > 1 || out.contains(site)) {
            circular.addAll(component);
          }
        }
      }
    }
    return Set.copyOf(circular);
  }
}
