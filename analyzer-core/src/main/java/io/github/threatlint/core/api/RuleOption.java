package io.github.threatlint.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public field of a rule as a configurable option. The field's name is the option's name,
 * its initial value the default; supported types are {@code boolean}, {@code int}, {@code double},
 * {@code String} and {@code List<String>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface RuleOption {
  String description();
}
