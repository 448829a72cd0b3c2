package io.github.threatlint.core.ruleset;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleMetadata;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.vocabulary.Glob;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A rule of a ruleset, read and compiled once per run: its JSONPaths, functions and options are
 * checked and ready for every document.
 *
 * @param name the rule's name in the ruleset, its threatlint id
 * @param description the ruleset's description, or null
 * @param message the message template, or null (Spectral then shows the description, else the
 *     function's message)
 * @param given the JSONPaths of the nodes the rule looks at
 * @param then what each node is checked with
 * @param formats the versions the rule applies to; empty for all
 * @param resolved whether the rule sees the document with its references resolved
 * @param overrides the ruleset's severities per file, in order (the last that matches applies)
 * @param metadata the metadata threatlint shows (level from the severity, mappings from {@code
 *     x-threatlint}, the rule's page from {@code documentationUrl})
 */
record DeclaredRule(
    String name,
    String description,
    String message,
    List<JsonPath> given,
    List<Then> then,
    Set<SpecVersion> formats,
    boolean resolved,
    List<FileSeverity> overrides,
    RuleMetadata metadata) {

  /**
   * One check: the field of the given node (null for the node itself, {@code @key} for its keys, a
   * JSONPath from it, or a lodash path), and the function.
   */
  record Then(String field, JsonPath fieldPath, List<Object> fieldKeys, RuleFunction function) {}

  /**
   * A severity for the findings in files matching {@code files} (relative to {@code folder}), below
   * {@code pointer} when given; {@link Level#OFF} drops them.
   */
  record FileSeverity(Path folder, Glob files, String pointer, Level level) {}

  RuleDescriptor descriptor() {
    return new RuleDescriptor(metadata, DeclaredRuleCheck.class, () -> new DeclaredRuleCheck(this));
  }
}
