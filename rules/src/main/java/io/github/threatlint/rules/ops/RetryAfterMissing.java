package io.github.threatlint.rules.ops;

import io.github.threatlint.core.model.Operation;
import io.github.threatlint.core.model.Response;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.rules.support.ResponseDefinitions;

@RuleInfo(
    id = "retry-after-missing",
    title = "429 response without Retry-After",
    description = "A 429 Too Many Requests response without a Retry-After header. Clients that are not told when to "
        + "retry tend to retry at once and in a loop, which turns throttling into more load.",
    level = Level.NOTE,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    securitySeverity = 2.0,
    precision = "very-high",
    section = "ops")
public final class RetryAfterMissing implements Checks.OperationCheck {
  private final ResponseDefinitions definitions = new ResponseDefinitions();

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.kind() != Operation.Kind.PATH) {
      return;
    }
    for (Response response : operation.responses()) {
      if (response.status().equals("429") && definitions.firstVisit(response) && !response.hasHeader("Retry-After")) {
        context.report(response.node(), ResponseDefinitions.subject(response) + " has no Retry-After header: declare "
            + "it so that throttled clients know when they may call again instead of retrying at once.");
      }
    }
  }
}
