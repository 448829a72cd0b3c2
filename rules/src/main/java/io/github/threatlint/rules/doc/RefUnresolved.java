package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "ref-unresolved",
    title = "Unresolved reference",
    description =
        "A $ref that leads nowhere: its file or pointer does not exist, it reaches outside the permitted root "
            + "folder, or a chain of references comes back to itself. What it should describe is missing from the "
            + "contract, and no rule can check it.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DSO"},
    sftiScenarios = {"Buggy APIs get to production"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "doc")
public final class RefUnresolved implements Checks.ReferenceCheck {
  /** Longer chains of references than any real document writes; past it the chain is reported. */
  private static final int MAX_CHAIN = 64;

  @Override
  public void checkReference(NodeRef reference, RuleContext context) {
    ApiDocument document = context.document();
    Resolution step = document.step(reference);
    if (!step.resolved()) {
      // a remote reference the policy did not fetch is ref-remote's finding, not a broken one
      if (!step.remote()) {
        context.report(
            reference,
            "$ref",
            "The reference '"
                + reference.ref()
                + "' does not resolve: "
                + step.problem()
                + ". What it should describe is missing and unchecked; correct the path or the pointer.");
      }
      return;
    }
    // each hop of a chain is checked where it is written; here only a chain back to this reference
    List<NodeRef> chain = new ArrayList<>(List.of(reference));
    NodeRef current = step.target();
    while (current.isRef()) {
      if (current.equals(reference)) {
        context.report(
            reference,
            "$ref",
            "The reference '"
                + reference.ref()
                + "' forms a cycle ("
                + describe(chain)
                + " and back): it resolves to nothing. Point one of them at a definition.");
        return;
      }
      if (chain.contains(current)) {
        return; // a cycle further on, reported on its own references
      }
      if (chain.size() >= MAX_CHAIN) {
        context.report(
            reference,
            "$ref",
            "The reference '"
                + reference.ref()
                + "' starts a chain of more than "
                + MAX_CHAIN
                + " references; point it at the definition directly.");
        return;
      }
      chain.add(current);
      Resolution next = document.step(current);
      if (!next.resolved()) {
        return; // reported on the reference that fails
      }
      current = next.target();
    }
  }

  private static String describe(List<NodeRef> chain) {
    List<String> refs = new ArrayList<>();
    for (NodeRef node : chain) {
      refs.add(node.ref());
    }
    return String.join(" -> ", refs);
  }
}
