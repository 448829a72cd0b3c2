package bank.rules;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "bank-operation-tags",
    title = "Operation without a tag",
    description = "Every operation is filed under one of the bank's API catalogue tags.",
    level = Level.ERROR,
    owasp2023 = {"API9"},
    owasp2019 = {},
    sftiAreas = {},
    sftiScenarios = {},
    securitySeverity = 2.0,
    section = "doc")
public final class OperationTags implements Checks.OperationCheck {
  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.tags().isEmpty()) {
      context.report(operation.node(), operation.label() + " has no tag");
    }
  }
}
