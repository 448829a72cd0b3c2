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
      io.github.threatlint.rules.doc.ComponentUnused.class,
      io.github.threatlint.rules.ops.CorrelationIdMissing.class,
      io.github.threatlint.rules.ops.DeprecatedWithoutSunset.class,
      io.github.threatlint.rules.ops.ErrorResponseUnstructured.class,
      io.github.threatlint.rules.ops.IdempotencyKeyMissing.class,
      io.github.threatlint.rules.doc.InfoContactMissing.class,
      io.github.threatlint.rules.ops.InfoVersionNotSemver.class,
      io.github.threatlint.rules.ops.InternalEndpointExposed.class,
      io.github.threatlint.rules.doc.OpenapiVersionOutdated.class,
      io.github.threatlint.rules.doc.OperationDescriptionMissing.class,
      io.github.threatlint.rules.doc.OperationIdInvalid.class,
      io.github.threatlint.rules.auth.OperationSecurityMissing.class,
      io.github.threatlint.rules.ops.PaginationUnbounded.class,
      io.github.threatlint.rules.doc.ParameterDescriptionMissing.class,
      io.github.threatlint.rules.ops.PathUnversioned.class,
      io.github.threatlint.rules.ops.RateLimitHeadersMissing.class,
      io.github.threatlint.rules.ops.Response400Missing.class,
      io.github.threatlint.rules.ops.Response404Missing.class,
      io.github.threatlint.rules.ops.Response429Missing.class,
      io.github.threatlint.rules.ops.Response500Missing.class,
      io.github.threatlint.rules.ops.RetryAfterMissing.class,
      io.github.threatlint.rules.auth.SecuritySchemesMissing.class,
      io.github.threatlint.rules.doc.SpecInvalid.class);

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
