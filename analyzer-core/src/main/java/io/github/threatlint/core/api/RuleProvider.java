package io.github.threatlint.core.api;

import java.util.List;

/**
 * The service a rule plugin provides: a jar names its implementation in {@code
 * META-INF/services/io.github.threatlint.core.api.RuleProvider}, and threatlint loads it with
 * {@link java.util.ServiceLoader} from the configuration's {@code plugins:} jars (command line) or
 * the Maven plugin's {@code <dependencies>}. Its rules then run as the built-in rules do.
 */
public interface RuleProvider {
  /**
   * The rule classes: each annotated with {@link RuleInfo}, with a constructor without arguments,
   * and an id no built-in or other plugin rule has.
   */
  List<Class<? extends Rule>> rules();
}
