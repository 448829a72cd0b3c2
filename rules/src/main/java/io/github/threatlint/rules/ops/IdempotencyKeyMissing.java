package io.github.threatlint.rules.ops;

import io.github.threatlint.core.model.Operation;
import io.github.threatlint.core.model.Parameter;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.core.rule.RuleOption;
import io.github.threatlint.rules.support.Words;
import java.util.List;

@RuleInfo(
    id = "idempotency-key-missing",
    title = "Payment or order creation without idempotency key",
    description = "A POST that creates payments, orders, transfers or trades without an idempotency header "
        + "(Idempotency-Key). When a response is lost and the client retries, the transaction is executed twice; the "
        + "SFTI paper asks APIs to keep transaction handling consistent despite such technical failures (chapter 2.5).",
    level = Level.WARNING,
    owasp2023 = {"API6"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    sftiScenarios = {},
    securitySeverity = 5.0,
    precision = "high",
    section = "ops")
public final class IdempotencyKeyMissing implements Checks.OperationCheck {
  @RuleOption(description = "Words that mark a business transaction when they appear (as whole words, ignoring case "
      + "and separators) in the path, a tag or the operationId of a POST.")
  public List<String> patterns = List.of("payment", "payments", "order", "orders", "transfer", "transfers", "trade",
      "trades", "transaction", "transactions", "payout", "payouts", "charge", "charges", "refund", "refunds", "checkout");

  @RuleOption(description = "Header names that carry an idempotency key (compared ignoring case and separators).")
  public List<String> headers = List.of("Idempotency-Key", "X-Idempotency-Key");

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.kind() != Operation.Kind.PATH || !operation.method().equals("post")) {
      return;
    }
    String matched = matchedWord(operation);
    if (matched == null) {
      return;
    }
    for (Parameter parameter : operation.parameters("header")) {
      if (Words.isAny(parameter.name(), headers)) {
        return;
      }
    }
    context.report(operation.node(), operation.label() + " creates a business transaction ('" + matched + "') but "
        + "takes no Idempotency-Key header: accept one so that a client can retry after a timeout without executing "
        + "the " + matched + " twice.");
  }

  private String matchedWord(Operation operation) {
    for (String segment : operation.path().split("/")) {
      if (!segment.startsWith("{")) {
        String term = Words.matchingTerm(segment, patterns);
        if (term != null) {
          return term;
        }
      }
    }
    for (String tag : operation.tags()) {
      String term = Words.matchingTerm(tag, patterns);
      if (term != null) {
        return term;
      }
    }
    String operationId = operation.operationId();
    return operationId == null ? null : Words.matchingTerm(operationId, patterns);
  }
}
