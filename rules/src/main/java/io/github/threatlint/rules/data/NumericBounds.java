package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.PageParameters;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.Collections;
import java.util.List;

@RuleInfo(
    id = "numeric-bounds",
    title = "Input number without bounds",
    description =
        "An integer or number that clients send without both a lower and an upper bound: negative amounts, "
            + "zero or huge quantities and counts reach the back end unchecked. A page size's missing maximum is "
            + "pagination-unbounded's finding, and a page number or offset needs only a minimum. A count of what the "
            + "record describes (numberOfRooms, companyNumberOfEmployees, roomCount, a page envelope's TotalPages) is a "
            + "note.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    mitigations = {"input-validation"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class NumericBounds implements Checks.SchemaCheck {
  @RuleOption(description = "Also check numbers of responses, not only inputs.")
  public boolean includeResponses = false;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef() || !Schemas.isNumeric(schema) || !Schemas.judged(visit, includeResponses)) {
      return;
    }
    boolean lower =
        Schemas.declares(visit, node -> bound(node, "minimum", "exclusiveMinimum"))
            || Schemas.hasNonNegativeValueType(schema);
    boolean upper =
        Schemas.declares(visit, node -> bound(node, "maximum", "exclusiveMaximum"))
            || pagingParameter(schema);
    if ((lower && upper) || Schemas.declares(visit, Schemas::isEnumerated)) {
      context.mitigated(
          schema,
          "input-validation",
          () -> SchemaLabels.of(visit.document(), schema) + " (bounded number)");
      return;
    }
    String label = SchemaLabels.of(visit.document(), schema);
    context.unmitigated(schema, "input-validation", label + " (unbounded number)");
    String missing =
        !lower && !upper ? "neither a minimum nor a maximum" : !lower ? "no minimum" : "no maximum";
    // a page number or a non-negative value type misses one bound only: ask for that one
    String declare =
        !lower && !upper
            ? "minimum and maximum (or exclusiveMinimum/exclusiveMaximum)"
            : !lower ? "a minimum (or exclusiveMinimum)" : "a maximum (or exclusiveMaximum)";
    String type = Schemas.valueTypes(schema).contains("integer") ? "an integer" : "a number";
    String message =
        label
            + " is "
            + type
            + " "
            + Schemas.usageLabel(visit)
            + " with "
            + missing
            + ": declare "
            + declare
            + " for the values the operation can really process.";
    if (isCount(visit.propertyName())) {
      // numberOfRooms, guestCount: a count of things described, not an amount or a size the server
      // acts on
      context.report(
          schema, message + " (A count of what the record describes: a note.)", Level.NOTE);
    } else {
      context.report(schema, message);
    }
  }

  /**
   * A paging parameter needs no maximum here: a page size's is pagination-unbounded's finding (one
   * finding per cause on a node), and a page number or offset past the end returns an empty page.
   */
  private static boolean pagingParameter(NodeRef schema) {
    JsonNode parameter = Schemas.parameterOf(schema);
    if (parameter == null || !parameter.path("name").isTextual()) {
      return false;
    }
    String name = parameter.path("name").textValue();
    return PageParameters.isSize(name) || PageParameters.isPosition(name);
  }

  /**
   * The totals of a page envelope ({@code TotalPages}, {@code totalResults}): what the server
   * counts for the response it returns.
   */
  private static final List<String> PAGE_TOTALS =
      List.of("pages", "results", "elements", "records", "items", "rows");

  /**
   * {@code numberOfGuestWC}, {@code companyNumberOfEmployees}, {@code roomCount}, {@code
   * TotalPages}: a property that counts what the record describes.
   */
  private static boolean isCount(String propertyName) {
    List<String> words = Words.split(propertyName);
    if (words.size() < 2) {
      return false;
    }
    String last = words.get(words.size() - 1);
    return Collections.indexOfSubList(words, List.of("number", "of")) >= 0
        || last.equals("count")
        || (words.size() == 2 && words.get(0).equals("total") && PAGE_TOTALS.contains(last));
  }

  /**
   * A bound: the inclusive keyword, or the exclusive one written as a number (3.1; 3.0 writes it as
   * a boolean flag).
   */
  private static boolean bound(NodeRef schema, String inclusive, String exclusive) {
    JsonNode value = schema.node().get(inclusive);
    if (value != null && value.isNumber()) {
      return true;
    }
    JsonNode exclusiveValue = schema.node().get(exclusive);
    return exclusiveValue != null && exclusiveValue.isNumber();
  }
}
