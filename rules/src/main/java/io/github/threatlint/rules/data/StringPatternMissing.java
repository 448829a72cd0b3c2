package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.InlineParameters;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.Regexes;
import io.github.threatlint.rules.support.Schemas;

@RuleInfo(
    id = "string-pattern-missing",
    title = "Input string without a pattern or format",
    description =
        "A string that clients send with no pattern (or one that matches every string, such as .*), format, value type "
            + "(x-cds-type), enum or const: any characters are accepted, so "
            + "the API relies on every back end to handle markup, control characters and injection payloads safely. A "
            + "parameter written inline the same way in several operations is one finding, on its first copy, naming them.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "data")
public final class StringPatternMissing implements Checks.SchemaCheck {
  @RuleOption(description = "Also check strings of responses, not only inputs.")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef()
        || !Schemas.isString(schema)
        || !Schemas.judged(visit, includeResponses)
        || schema.has("contentEncoding")
        || schema.has("contentMediaType")) {
      return;
    }
    String body = Schemas.bodyMediaType(schema);
    if (body != null && !MediaTypes.isJson(body)) {
      // the whole of an XML or text document: a pattern cannot describe it
      return;
    }
    boolean constrained =
        Schemas.declares(
                visit,
                node ->
                    constrainingPattern(node) || node.has("format") || Schemas.isEnumerated(node))
            || Schemas.valueType(schema) != null;
    if (!constrained) {
      if (InlineParameters.isRepeat(visit.document(), schema)) {
        return; // the first copy's finding names this operation too
      }
      String pattern = schema.text("pattern");
      String evidence =
          pattern != null ? " (its pattern '" + pattern + "' matches every string)" : "";
      context.report(
          schema,
          InlineParameters.label(visit.document(), schema)
              + " is a string "
              + Schemas.usageLabel(visit)
              + " that accepts any "
              + "characters"
              + evidence
              + ": declare a pattern (or a format such as date, uuid or email, or an enum) that allows only what "
              + "the value can legitimately contain.",
          null,
          InlineParameters.laterCopies(visit.document(), schema));
    }
  }

  /** A pattern that excludes something: a match-anything pattern (.*) is no constraint. */
  private static boolean constrainingPattern(NodeRef schema) {
    String pattern = schema.text("pattern");
    return pattern != null && !Regexes.matchesAnything(pattern);
  }
}
