package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import java.util.Map;

/**
 * A rule switched on for a run: its descriptor, the level its findings get, and its option values.
 */
public record EnabledRule(RuleDescriptor descriptor, Level level, Map<String, Object> options) {
  public String id() {
    return descriptor.id();
  }
}
