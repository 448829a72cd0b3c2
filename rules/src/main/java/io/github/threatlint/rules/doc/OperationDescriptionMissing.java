package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "operation-description-missing",
    title = "Operation without summary or description",
    description =
        "An operation with neither a summary nor a description. Reviewers, consumers and the people who "
            + "grant consent cannot judge what an undocumented operation does or which data it touches.",
    level = Level.NOTE,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DOC"},
    sftiScenarios = {"Lack of consistent documentation"},
    mitigations = {"documentation"},
    securitySeverity = 1.5,
    precision = "very-high",
    section = "doc")
public final class OperationDescriptionMissing implements Checks.OperationCheck {
  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (hasText(operation.node().text("summary"))
        || hasText(operation.node().text("description"))) {
      context.mitigated(operation.node(), "documentation", operation.label() + " is described");
      return;
    }
    context.unmitigated(
        operation.node(), "documentation", operation.label() + " (no summary or description)");
    context.report(
        operation.node(),
        operation.label()
            + " has neither a summary nor a description: say in a "
            + "summary what it does and, in a description, which data it reads or changes and who may call it.");
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
