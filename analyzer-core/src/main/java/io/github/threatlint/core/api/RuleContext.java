package io.github.threatlint.core.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** What a rule is given to report with. One context per rule and document. */
public interface RuleContext {
  ApiDocument document();

  /** Reports a finding on a node (its file, pointer and region). */
  default void report(NodeRef node, String message) {
    report(node, message, null, List.of());
  }

  /**
   * Reports a finding that refers to other places as well (where a duplicate was first written):
   * reporters show them with the finding, so the message names no files or lines.
   */
  default void report(NodeRef node, String message, RelatedLocation... related) {
    report(node, message, null, List.of(related));
  }

  /**
   * Reports a finding graded differently from the rule's default level, for rules whose catalog row
   * grades their findings (a missing operationId is a note, a duplicate one an error). The grade
   * applies while the rule runs at its default level; when configuration or a profile sets another
   * level, that level applies to all the rule's findings.
   */
  default void report(NodeRef node, String message, Level grade) {
    report(node, message, grade, List.of());
  }

  /**
   * The general form of the reports above: a finding on {@code node}, graded {@code grade} (null
   * for the rule's level), with the other places it refers to.
   */
  void report(NodeRef node, String message, Level grade, List<RelatedLocation> related);

  /**
   * Reports a finding on the child {@code key} of {@code parent}; when the child does not exist (a
   * missing field) the finding is shown on the parent.
   */
  default void report(NodeRef parent, String key, String message) {
    NodeRef child = parent.get(key);
    report(child != null ? child : parent, message);
  }

  /**
   * Like {@link #report(NodeRef, String, String)}, graded as {@link #report(NodeRef, String,
   * Level)}.
   */
  default void report(NodeRef parent, String key, String message, Level grade) {
    NodeRef child = parent.get(key);
    report(child != null ? child : parent, message, grade);
  }

  /**
   * Records evidence for the threat-model report: {@code node} shows the mitigation {@code
   * mitigation}, one of the ids the rule lists in {@link RuleInfo#mitigations()}. {@code
   * description} says what it shows in a few words ("GET /accounts requires oauth"). A rule records
   * where it found the mitigation it checks for, next to the findings where it is missing.
   */
  void mitigated(NodeRef node, String mitigation, String description);

  /**
   * Records that {@code node} lacks the mitigation {@code mitigation} (usually where the rule also
   * reports a finding): the report then shows the mitigation as partial, never as complete.
   */
  void unmitigated(NodeRef node, String mitigation, String description);

  /**
   * {@link #mitigated(NodeRef, String, String)} with the description made from {@code subject} only
   * when the evidence is kept: a check without a threat-model report keeps none, and a rule that
   * records evidence at every schema it judges made a label for each (string-max-length on Stripe:
   * 3,800 labels, 6 ms of a cold run's CPU). The subject is passed, not captured, so that {@code
   * description} can be a lambda that captures nothing: one that captures is made at each call, and
   * in C1's code through method handles into the VM (a {@code Supplier} capturing the response cost
   * rate-limit-headers-missing on Kubernetes about what the descriptions it saved).
   */
  default <T> void mitigated(
      NodeRef node, String mitigation, T subject, Function<? super T, String> description) {
    mitigated(node, mitigation, description.apply(subject));
  }

  /**
   * {@link #mitigated(NodeRef, String, Object, Function)} for a description made by a {@code
   * Supplier}: kept for rules written against it (a plugin's), made only when the evidence is kept.
   */
  default void mitigated(NodeRef node, String mitigation, Supplier<String> description) {
    mitigated(node, mitigation, description, Supplier::get);
  }

  /**
   * {@link #unmitigated(NodeRef, String, String)} with the description made from {@code subject}
   * only when the evidence is kept, as {@link #mitigated(NodeRef, String, Object, Function)}.
   */
  default <T> void unmitigated(
      NodeRef node, String mitigation, T subject, Function<? super T, String> description) {
    unmitigated(node, mitigation, description.apply(subject));
  }
}
