package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.InlineParameters;
import io.github.threatlint.rules.support.Schemas;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

@RuleInfo(
    id = "numeric-format",
    title = "Number without a size format",
    description =
        "An integer without format int32/int64, or a number without float/double: clients and servers pick "
            + "their own sizes, so values overflow or lose precision between them (amounts, quantities, identifiers). A "
            + "parameter written inline the same way in several operations is one finding, on its first copy, naming them.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 2.0,
    precision = "high",
    section = "data")
public final class NumericFormat implements Checks.SchemaCheck {
  @RuleOption(
      description =
          "Formats accepted for integers (and for numbers: an integer size fixes a number's too).")
  public List<String> integerFormats =
      List.of("int32", "int64", "int8", "int16", "uint8", "uint16", "uint32", "uint64");

  @RuleOption(description = "Formats accepted for numbers.")
  public List<String> numberFormats = List.of("float", "double");

  /**
   * The tests {@link Schemas#declares} takes, made once: a lambda that reads the rule's options is
   * made anew at each evaluation, and in C1's code through method handles into the VM (for every
   * numeric schema of a cold run).
   */
  private final Predicate<NodeRef> sizesInteger = this::sizesInteger;

  private final Predicate<NodeRef> sizesNumber = this::sizesNumber;

  /** An integer format in the schema itself. */
  private boolean sizesInteger(NodeRef node) {
    return Schemas.formatIn(node, integerFormats);
  }

  /** An integer or a number format in the schema itself: a number may be sized by either. */
  private boolean sizesNumber(NodeRef node) {
    return Schemas.formatIn(node, integerFormats) || Schemas.formatIn(node, numberFormats);
  }

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (schema.isRef() || !Schemas.isNumeric(schema) || Schemas.isEnumerated(schema)) {
      return;
    }
    Set<String> types = Schemas.valueTypes(schema);
    boolean integer = types.contains("integer") && !types.contains("number");
    // an integer size (int64, uint32, ...) fixes the size of a number as well
    if (Schemas.declares(visit, integer ? sizesInteger : sizesNumber)) {
      return;
    }
    if (InlineParameters.isRepeat(visit.document(), schema)) {
      return; // the first copy's finding names this operation too
    }
    List<String> suggested =
        integer ? integerFormats.subList(0, Math.min(2, integerFormats.size())) : numberFormats;
    String format = Schemas.format(schema);
    String problem = format == null ? "has no format" : "has format '" + format + "'";
    context.report(
        schema.has("format") ? schema.get("format") : schema,
        InlineParameters.label(visit.document(), schema)
            + " is "
            + (integer ? "an integer" : "a number")
            + " that "
            + problem
            + ": declare "
            + String.join(" or ", suggested)
            + " so that clients and servers agree on its size and precision.",
        null,
        InlineParameters.laterCopies(visit.document(), schema));
  }
}
