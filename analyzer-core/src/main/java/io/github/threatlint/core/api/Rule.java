package io.github.threatlint.core.api;

/**
 * A rule: a class annotated with {@link RuleInfo} that implements one or more of the check
 * interfaces in this package. A fresh instance analyses each document, so a rule may keep
 * per-document state in fields; options are its {@link RuleOption} fields.
 */
public interface Rule {}
