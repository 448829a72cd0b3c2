package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;

@RuleInfo(
    id = "correlation-id-missing",
    title = "Operation without correlation id",
    description = "An operation that neither accepts nor returns a correlation header (X-Correlation-ID, X-Request-ID, "
        + "Request-Id, traceparent, ...). Without one, a call cannot be followed through client, gateway and backend "
        + "logs, so nobody can tell afterwards which client used which API on behalf of whom, and when.",
    level = Level.WARNING,
    owasp2023 = {"API8"},
    owasp2019 = {"API10"},
    sftiAreas = {"AAA", "APIM"},
    sftiScenarios = {"Missing traceability on incident investigations", "Lack of logging/monitoring"},
    mitigations = {"correlation-id"},
    securitySeverity = 3.5,
    precision = "high",
    section = "ops")
public final class CorrelationIdMissing implements Checks.PathOperationCheck {
  @RuleOption(description = "Header names that carry a correlation or trace id, compared ignoring case and separators; "
      + "a request header parameter or a response header of that name, or ending with it after a vendor prefix "
      + "(X-Bunq-Client-Request-Id ends with Request-Id), satisfies the rule.")
  public List<String> headers = List.of("X-Correlation-ID", "Correlation-ID", "X-Request-ID", "Request-Id",
      "X-Trace-ID", "traceparent", "X-B3-TraceId", "b3", "X-Amzn-Trace-Id", "X-Cloud-Trace-Context", "X-Transaction-ID");

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    for (Parameter parameter : operation.parameters("header")) {
      if (isCorrelationHeader(parameter.name())) {
        context.mitigated(operation.node(), "correlation-id", operation.label() + " takes " + parameter.name());
        return;
      }
    }
    for (Response response : operation.responses()) {
      for (String name : response.headers().keySet()) {
        if (isCorrelationHeader(name)) {
          context.mitigated(operation.node(), "correlation-id", operation.label() + " returns " + name);
          return;
        }
      }
    }
    context.unmitigated(operation.node(), "correlation-id", operation.label());
    context.report(operation.node(), operation.label() + " accepts no correlation header and returns none: add a "
        + "header parameter such as X-Correlation-ID (declared once in the components and referenced by every "
        + "operation) and echo it in the responses, so that each call can be traced through all logs.");
  }

  /** The name is a configured header, or ends with one (without its "X-") after a vendor prefix. */
  private boolean isCorrelationHeader(String name) {
    return Words.isAny(name, headers) || Words.endsWithAny(name, headers, 1);
  }
}
