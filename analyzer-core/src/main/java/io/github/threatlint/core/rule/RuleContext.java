package io.github.threatlint.core.rule;

import io.github.threatlint.core.model.ApiDocument;
import io.github.threatlint.core.model.NodeRef;

/** What a rule is given to report with. One context per rule and document. */
public interface RuleContext {
  ApiDocument document();

  /** Reports a finding on a node (its file, pointer and region). */
  void report(NodeRef node, String message);

  /**
   * Reports a finding one level above the rule's configured level (error at most), for the most
   * serious case of what the rule flags, such as a remote reference over plain http. A context
   * without levels reports it as any other finding.
   */
  default void reportRaised(NodeRef node, String message) {
    report(node, message);
  }

  /**
   * Reports a finding on the child {@code key} of {@code parent}; when the child does not exist
   * (a missing field) the finding is shown on the parent.
   */
  default void report(NodeRef parent, String key, String message) {
    NodeRef child = parent.get(key);
    report(child != null ? child : parent, message);
  }
}
