package io.github.threatlint.core.rule;

import io.github.threatlint.core.model.ApiDocument;
import io.github.threatlint.core.model.NodeRef;

/** What a rule is given to report with. One context per rule and document. */
public interface RuleContext {
  ApiDocument document();

  /** Reports a finding on a node (its file, pointer and region). */
  void report(NodeRef node, String message);

  /**
   * Reports a finding at the rule's configured level, lowered to {@code atMost} when that is
   * lower: for rules whose catalog row gives a milder level in some cases (for example a note
   * only in OpenAPI 3.1).
   */
  void report(NodeRef node, String message, Level atMost);

  /**
   * Reports a finding on the child {@code key} of {@code parent}; when the child does not exist
   * (a missing field) the finding is shown on the parent.
   */
  default void report(NodeRef parent, String key, String message) {
    NodeRef child = parent.get(key);
    report(child != null ? child : parent, message);
  }
}
