package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "deprecated-without-sunset",
    title = "Deprecated operation without sunset date",
    description =
        "A deprecated operation that announces no end of life: no Sunset (RFC 8594) or Deprecation response "
            + "header and no x-sunset date (or removal date in a vendor extension). Without a date, clients keep calling "
            + "it and the old version stays exposed indefinitely.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    mitigations = {"deprecation-policy"},
    securitySeverity = 3.0,
    precision = "very-high",
    section = "ops")
public final class DeprecatedWithoutSunset implements Checks.OperationCheck {
  @RuleOption(
      description = "Response headers that announce the end of life (compared ignoring case).")
  public List<String> headers = List.of("Sunset", "Deprecation");

  @RuleOption(
      description = "Extensions on the operation or its path item that give the end-of-life date.")
  public List<String> extensions = List.of("x-sunset", "x-sunset-date", "x-deprecation-date");

  @RuleOption(
      description =
          "Fields of a vendor extension object on the operation or its path item that give the "
              + "end-of-life date, such as x-github: {removalDate: ...} (compared ignoring case and separators).")
  public List<String> extensionDateFields =
      List.of("sunset", "sunsetDate", "removalDate", "endOfLifeDate");

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (!operation.isDeprecated()) {
      return;
    }
    for (NodeRef owner : List.of(operation.node(), operation.pathItem())) {
      if (extensions.stream().anyMatch(owner::has) || hasExtensionDateField(owner)) {
        context.mitigated(
            operation.node(), "deprecation-policy", operation.label() + " gives its end of life");
        return;
      }
    }
    for (Response response : operation.responses()) {
      for (String header : headers) {
        if (response.hasHeader(header)) {
          context.mitigated(
              operation.node(), "deprecation-policy", operation.label() + " returns " + header);
          return;
        }
      }
    }
    context.unmitigated(operation.node(), "deprecation-policy", operation.label());
    context.report(
        operation.node(),
        "deprecated",
        operation.label()
            + " is deprecated but announces no end of life: "
            + "return a Sunset header (RFC 8594) or a Deprecation header, or give the date in x-sunset, so that clients "
            + "can migrate before the operation is removed.");
  }

  /** A vendor extension object (x-...) that carries an end-of-life date field. */
  private boolean hasExtensionDateField(NodeRef owner) {
    for (Map.Entry<String, NodeRef> member : owner.members()) {
      if (!member.getKey().startsWith("x-") || !member.getValue().isObject()) {
        continue;
      }
      for (Map.Entry<String, NodeRef> field : member.getValue().members()) {
        if (Words.isAny(field.getKey(), extensionDateFields)) {
          return true;
        }
      }
    }
    return false;
  }
}
