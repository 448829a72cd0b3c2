package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "response-429-missing",
    title = "No 429 response documented",
    description = "An operation that documents no 429 Too Many Requests (nor a 4XX range). Without it, clients are not "
        + "told that calls are throttled, and nothing in the contract says that brute force and excessive use are "
        + "detected and limited.",
    level = Level.WARNING,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Undetected brute force attacks or improper use of APIs by legitimate TPPs"},
    securitySeverity = 4.5,
    precision = "high",
    section = "ops")
public final class Response429Missing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (operation.documentsStatus("429", false)) {
      return;
    }
    context.report(operation.node(), "responses", operation.label() + " documents no 429 response: add 429 Too Many "
        + "Requests (with Retry-After) so that clients know the operation is rate limited and how to back off.");
  }
}
