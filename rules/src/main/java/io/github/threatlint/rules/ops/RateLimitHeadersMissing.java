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
    id = "rate-limit-headers-missing",
    title = "Response without rate-limit headers",
    description = "A 2xx or 429 response that declares no rate-limit header (RateLimit, RateLimit-Policy, "
        + "RateLimit-Limit, X-RateLimit-Limit, X-Rate-Limit-Limit). Documented limits tell clients their quota and "
        + "show that throttling per client is in place against bulk data extraction.",
    level = Level.WARNING,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    securitySeverity = 4.0,
    precision = "high",
    section = "ops")
public final class RateLimitHeadersMissing implements Checks.PathOperationCheck {
  @RuleOption(description = "Response headers that document the rate limit (compared ignoring case).")
  public List<String> headers = List.of("RateLimit", "RateLimit-Policy", "RateLimit-Limit", "X-RateLimit-Limit",
      "X-Rate-Limit-Limit");

  private final ResponseDefinitions definitions = new ResponseDefinitions();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    for (Response response : operation.responses()) {
      if (!(response.isSuccess() || response.status().equals("429")) || !definitions.firstVisit(response)) {
        continue;
      }
      if (headers.stream().noneMatch(response::hasHeader)) {
        context.report(response.node(), ResponseDefinitions.subject(response) + " declares no rate-limit "
            + "header: document the client's quota with RateLimit and RateLimit-Policy (or X-RateLimit-Limit) so that "
            + "clients can pace themselves and throttling is part of the contract.");
      }
    }
  }
}
