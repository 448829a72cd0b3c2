package io.github.threatlint.rules;

import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.rule.Rule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The built-in rules: an explicit list, so what ships is what is written here. Adding a rule
 * touches its class, its fixtures, its documentation and this list.
 */
public final class BuiltInRules {
  private static final List<Class<? extends Rule>> RULES = List.of(
      io.github.threatlint.rules.auth.OperationSecurityMissing.class,
      io.github.threatlint.rules.transport.RefRemote.class,
      io.github.threatlint.rules.doc.RefUnresolved.class,
      io.github.threatlint.rules.auth.SecuritySchemesMissing.class);

  private static final List<RuleDescriptor> DESCRIPTORS = describe();

  private BuiltInRules() {}

  /** Every built-in rule, sorted by id. */
  public static List<RuleDescriptor> all() {
    return DESCRIPTORS;
  }

  /** The rule with this id, or null. */
  public static RuleDescriptor byId(String id) {
    for (RuleDescriptor descriptor : DESCRIPTORS) {
      if (descriptor.id().equals(id)) {
        return descriptor;
      }
    }
    return null;
  }

  private static List<RuleDescriptor> describe() {
    List<RuleDescriptor> descriptors = new ArrayList<>();
    for (Class<? extends Rule> type : RULES) {
      descriptors.add(new RuleDescriptor(type));
    }
    descriptors.sort(Comparator.comparing(RuleDescriptor::id));
    return List.copyOf(descriptors);
  }
}
