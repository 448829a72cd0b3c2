package io.github.threatlint.rules.ops;

import io.github.threatlint.core.model.Operation;
import io.github.threatlint.core.model.Response;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.core.rule.RuleOption;
import java.util.List;

@RuleInfo(
    id = "deprecated-without-sunset",
    title = "Deprecated operation without sunset date",
    description = "A deprecated operation that announces no end of life: no Sunset (RFC 8594) or Deprecation response "
        + "header and no x-sunset date. Without a date, clients keep calling it and the old version stays exposed "
        + "indefinitely.",
    level = Level.WARNING,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 3.0,
    precision = "very-high",
    section = "ops")
public final class DeprecatedWithoutSunset implements Checks.OperationCheck {
  @RuleOption(description = "Response headers that announce the end of life (compared ignoring case).")
  public List<String> headers = List.of("Sunset", "Deprecation");

  @RuleOption(description = "Extensions on the operation or its path item that give the end-of-life date.")
  public List<String> extensions = List.of("x-sunset", "x-sunset-date", "x-deprecation-date");

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (!operation.isDeprecated()) {
      return;
    }
    for (String extension : extensions) {
      if (operation.node().has(extension) || operation.pathItem().has(extension)) {
        return;
      }
    }
    for (Response response : operation.responses()) {
      for (String header : headers) {
        if (response.hasHeader(header)) {
          return;
        }
      }
    }
    context.report(operation.node(), "deprecated", operation.label() + " is deprecated but announces no end of life: "
        + "return a Sunset header (RFC 8594) or a Deprecation header, or give the date in x-sunset, so that clients "
        + "can migrate before the operation is removed.");
  }
}
