package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.List;

@RuleInfo(
    id = "retry-after-missing",
    title = "429 response without Retry-After",
    description =
        "A 429 Too Many Requests response without a Retry-After header (or a rate-limit reset header that "
            + "says when the quota renews). Clients that are not told when to retry tend to retry at once and in a loop, "
            + "which turns throttling into more load.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    securitySeverity = 2.0,
    precision = "very-high",
    section = "ops")
public final class RetryAfterMissing implements Checks.PathOperationCheck {
  @RuleOption(
      description =
          "Response headers that tell a throttled client when it may call again (compared ignoring "
              + "case): Retry-After, or the reset of the rate-limit window.")
  public List<String> headers =
      List.of(
          "Retry-After",
          "RateLimit-Reset",
          "X-RateLimit-Reset",
          "X-Rate-Limit-Reset",
          "X-RateLimit-Reset-After");

  private final ResponseDefinitions definitions = new ResponseDefinitions();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    for (Response response : operation.responses()) {
      if (response.status().equals("429")
          && definitions.firstVisit(response)
          && headers.stream().noneMatch(response::hasHeader)) {
        context.report(
            response.node(),
            ResponseDefinitions.subject(response)
                + " has no Retry-After header: declare "
                + "it so that throttled clients know when they may call again instead of retrying at once.");
      }
    }
  }
}
