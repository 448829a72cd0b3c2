package io.github.threatlint.core.api;

/** Where a {@code $ref} leads: the target node, or the reason it does not resolve. */
public record Resolution(NodeRef target, String problem, boolean remote) {
  public boolean resolved() {
    return target != null;
  }
}
