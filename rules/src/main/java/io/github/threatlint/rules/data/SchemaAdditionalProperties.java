package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;

@RuleInfo(
    id = "schema-additional-properties",
    title = "Input object accepts unlisted properties",
    description =
        "An object schema of an input that accepts properties it does not list (additionalProperties absent, "
            + "true or {} without maxProperties; for composed OAS 3.1 schemas, unevaluatedProperties likewise): a client can "
            + "slip in fields such as role, isAdmin or balance and a back end that binds them is open to mass assignment.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API3"},
    owasp2019 = {"API6"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 5.5,
    precision = "high",
    section = "data")
public final class SchemaAdditionalProperties implements Checks.SchemaCheck {
  @RuleOption(description = "Also check objects of responses, not only inputs.")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    boolean composed = schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
    // only objects and compositions are judged: the schema's own keywords before how clients use it
    if (schema.isRef()
        || (!composed && !Schemas.isObject(schema))
        || !Schemas.judged(visit, includeResponses)
        || visit.isCompositionMember()
        || Schemas.isEnumerated(schema)) {
      return;
    }
    if (composed) {
      // before 3.1 a composed object cannot be closed: additionalProperties does not see the
      // branches' properties
      if (visit.document().version() == SpecVersion.OPENAPI_3_1
          && (Schemas.isObject(schema) || schema.has("allOf"))
          && open(schema, "unevaluatedProperties")) {
        context.report(
            schema,
            "unevaluatedProperties",
            SchemaLabels.of(visit.document(), schema)
                + " is a composed object "
                + Schemas.usageLabel(visit)
                + " that accepts properties none of its parts lists: add unevaluatedProperties: "
                + "false (or maxProperties) so that a client cannot slip in fields the API does not expect.");
      }
      return;
    }
    if (!Schemas.isObject(schema)
        || !open(schema, "additionalProperties")
        || closedBy31Keyword(visit, schema)) {
      return;
    }
    JsonNode additional = schema.node().get("additionalProperties");
    String how =
        additional == null
            ? "additionalProperties is absent"
            : "additionalProperties is " + (additional.isBoolean() ? "true" : "{}");
    context.report(
        schema,
        "additionalProperties",
        SchemaLabels.of(visit.document(), schema)
            + " is an object "
            + Schemas.usageLabel(visit)
            + " that accepts properties it does not list ("
            + how
            + "): set additionalProperties: false, or a schema for the "
            + "values plus maxProperties, so that a client cannot slip in fields such as role or isAdmin.");
  }

  /**
   * Open: the keyword absent, {@code true} or {@code {}}, and no {@code maxProperties} to bound
   * what is added.
   */
  private static boolean open(NodeRef schema, String keyword) {
    if (schema.has("maxProperties")) {
      return false;
    }
    JsonNode value = schema.node().get(keyword);
    return value == null
        || (value.isBoolean() && value.booleanValue())
        || (value.isObject() && value.isEmpty());
  }

  /** OAS 3.1: unevaluatedProperties: false closes a plain object too. */
  private static boolean closedBy31Keyword(SchemaVisit visit, NodeRef schema) {
    return visit.document().version() == SpecVersion.OPENAPI_3_1
        && !open(schema, "unevaluatedProperties");
  }
}
