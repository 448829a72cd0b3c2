package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.Regexes;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;

@RuleInfo(
    id = "pattern-unanchored",
    title = "Input pattern not anchored",
    description =
        "A pattern on an input that does not start with ^ and end with $: JSON Schema patterns match anywhere "
            + "in the value, so '[0-9]{4}' accepts '1234<script>' and the allow-list lets anything through around a match.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "data")
public final class PatternUnanchored implements Checks.SchemaCheck {
  @RuleOption(description = "Also check patterns of responses, not only inputs.")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    String pattern = schema.text("pattern");
    if (pattern == null
        || !Schemas.judged(visit, includeResponses)
        || Regexes.isAnchored(pattern)
        || Regexes.matchesAnything(pattern)) {
      // a match-anything pattern is no constraint, anchored or not: string-pattern-missing reports
      // it
      return;
    }
    boolean alternatives = Regexes.topLevelAlternatives(pattern).size() > 1;
    String fix =
        alternatives
            ? "its alternatives are not all anchored: group them, as ^(?:a|b)$, so that ^ and $ apply to each."
            : "patterns match anywhere in the value, so add ^ at the start and $ at the end to make it match the whole value.";
    context.report(
        schema.get("pattern"),
        "The pattern of " + SchemaLabels.of(visit.document(), schema) + " is not anchored: " + fix);
  }
}
