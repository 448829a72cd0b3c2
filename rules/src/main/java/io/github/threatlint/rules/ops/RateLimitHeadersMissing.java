package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "rate-limit-headers-missing",
    title = "Response without rate-limit headers",
    description =
        "A 2xx or 429 response that declares no rate-limit header (RateLimit, RateLimit-Policy, "
            + "RateLimit-Limit, X-RateLimit-Limit, X-Rate-Limit-Limit). Documented limits tell clients their quota and "
            + "show that throttling per client is in place against bulk data extraction. An operation whose 429 response "
            + "carries Retry-After documents its throttling already; when no response of the document declares a "
            + "rate-limit header, that is one finding for the document.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    mitigations = {"rate-limiting"},
    securitySeverity = 4.0,
    precision = "high",
    section = "ops")
public final class RateLimitHeadersMissing implements Checks.DocumentCheck {
  @RuleOption(
      description = "Response headers that document the rate limit (compared ignoring case).")
  public List<String> headers =
      List.of(
          "RateLimit",
          "RateLimit-Policy",
          "RateLimit-Limit",
          "X-RateLimit-Limit",
          "X-Rate-Limit-Limit");

  private final ResponseDefinitions definitions = new ResponseDefinitions();

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Response> unlimited = new ArrayList<>();
    Set<Operation> operations = new LinkedHashSet<>();
    boolean anyDeclared = false;
    for (Operation operation : document.operations()) {
      if (throttlingDocumented(operation)) {
        continue;
      }
      for (Response response : operation.responses()) {
        if (!(response.isSuccess() || response.status().equals("429"))
            || !definitions.firstVisit(response)) {
          continue;
        }
        if (declaresRateLimit(response)) {
          anyDeclared = true;
          context.mitigated(
              response.node(),
              "rate-limiting",
              response,
              limited -> ResponseDefinitions.subject(limited) + " declares rate-limit headers");
        } else {
          // described only when the evidence is kept: most responses of a large API have no
          // rate-limit header (Kubernetes: 1.5 samples of a cold run for descriptions unused)
          context.unmitigated(
              response.node(),
              "rate-limiting",
              response,
              lacking -> ResponseDefinitions.subject(lacking) + " (no rate-limit header)");
          unlimited.add(response);
          operations.add(operation);
        }
      }
    }
    if (!anyDeclared && operations.size() > 1) {
      // one fact about the document, not one per response
      context.report(
          DocumentWide.place(document),
          "No response of the document declares a rate-limit header ("
              + unlimited.size()
              + " responses of "
              + operations.size()
              + " operations, such as "
              + DocumentWide.firstOf(new ArrayList<>(operations))
              + "): document the client's quota with RateLimit and "
              + "RateLimit-Policy (or X-RateLimit-Limit), in shared response headers, so that clients can pace themselves "
              + "and throttling is part of the contract.");
      return;
    }
    for (Response response : unlimited) {
      context.report(
          response.node(),
          ResponseDefinitions.subject(response)
              + " declares no rate-limit "
              + "header: document the client's quota with RateLimit and RateLimit-Policy (or X-RateLimit-Limit) so that "
              + "clients can pace themselves and throttling is part of the contract.");
    }
  }

  /**
   * One of the rate-limit headers: a loop, not a stream with a method reference, for every success
   * response of the document (the stream was a third of the rule's samples of a cold run).
   */
  private boolean declaresRateLimit(Response response) {
    for (String header : headers) {
      if (response.hasHeader(header)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A 429 response with Retry-After: the operation tells clients it is throttled and when to retry.
   */
  private static boolean throttlingDocumented(Operation operation) {
    for (Response response : operation.responses()) {
      if (response.status().equals("429") && response.hasHeader("Retry-After")) {
        return true;
      }
    }
    return false;
  }
}
