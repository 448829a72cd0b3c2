package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaUsage;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;

@RuleInfo(
    id = "array-max-items",
    title = "Array without maxItems",
    description =
        "An array without maxItems: a client can send (or make the API return) any number of elements, so one "
            + "request can exhaust memory and processing time or carry away a whole data set.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class ArrayMaxItems implements Checks.SchemaCheck {
  @RuleOption(
      description =
          "Also check arrays of responses (their size is usually bounded by pagination instead).")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef()
        || !Schemas.isArray(schema)
        || !Schemas.judged(visit, includeResponses)
        || Schemas.declares(visit, node -> node.has("maxItems") || Schemas.isEnumerated(node))) {
      return;
    }
    String label = SchemaLabels.of(visit.document(), schema);
    NodeRef items = visit.document().deref(schema.get("items"));
    JsonNode parameter = Schemas.parameterOf(schema);
    if (parameter != null
        && SchemaUsage.isServerLimited(parameter.path("in").asText())
        && Schemas.isEnumerated(items)) {
      // a list of known values in the URL or a header (?expand=a,b): the request line's and the
      // headers' size limits bound how many there can be, and each one is a lookup
      context.report(
          schema,
          label
              + " is an array of enumerated values without maxItems: the request's size limit bounds it, "
              + "but declare maxItems (the number of values) or uniqueItems: true, so that the contract says how "
              + "many the operation accepts.",
          Level.NOTE);
      return;
    }
    context.report(
        schema,
        label
            + " is an array "
            + Schemas.usageLabel(visit)
            + " without maxItems: "
            + "declare the largest number of elements the operation accepts, so that one request cannot carry an unbounded list.");
  }
}
