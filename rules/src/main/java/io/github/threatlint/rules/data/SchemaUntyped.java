package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.Set;

@RuleInfo(
    id = "schema-untyped",
    title = "Input schema that constrains nothing",
    description =
        "A schema of a parameter or request body (or one of its properties or items) with no type, properties, "
            + "composition, $ref, enum or const: it accepts any JSON value, so nothing validates what clients send.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API3", "API8"},
    owasp2019 = {"API3", "API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class SchemaUntyped implements Checks.SchemaCheck {
  @RuleOption(description = "Also check schemas of responses, not only inputs.")
  public boolean includeResponses = false;

  /**
   * Where a schema is a whole value: not a composition branch, a condition or a schema for unlisted
   * properties.
   */
  private static final Set<String> VALUE_PLACES =
      Set.of("properties", "items", "prefixItems", "patternProperties");

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (visit.keyword() != null && !VALUE_PLACES.contains(visit.keyword())) {
      return;
    }
    // the schema's own keywords first: how clients use it is a look-up in the document's usage
    if (Schemas.isShaped(schema)) {
      return;
    }
    if (!Schemas.judged(visit, includeResponses)) {
      return;
    }
    if (visit.isParameter() && "body".equals(schema.text("in"))) {
      return;
    }
    context.report(
        schema,
        SchemaLabels.of(visit.document(), schema)
            + " constrains nothing (no type, properties, $ref, composition, enum "
            + "or const), so it accepts any JSON value: declare its type and the constraints of what clients may send.");
  }
}
