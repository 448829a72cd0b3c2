package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RelatedLocation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "operation-id-invalid",
    title = "Missing or duplicate operationId",
    description =
        "An operation without operationId (graded note) or with one that another operation also uses "
            + "(graded error). Accounting, audit trails, gateway policies and generated clients key on a stable, unique "
            + "operation identifier; a duplicate one makes two operations indistinguishable.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DOC", "AAA"},
    sftiScenarios = {
      "Lack of consistent documentation",
      "Missing traceability on incident investigations"
    },
    securitySeverity = 2.5,
    precision = "very-high",
    section = "doc")
public final class OperationIdInvalid implements Checks.OperationCheck {
  private final Map<String, Operation> firstById = new HashMap<>();

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    String operationId = operation.operationId();
    if (operationId == null || operationId.isBlank()) {
      if (operation.kind() != Operation.Kind.CALLBACK) {
        context.report(
            operation.node(),
            operation.label()
                + " has no operationId: give it a unique, stable "
                + "identifier (such as listAccounts) so that logs, gateway policies and clients can name it.",
            Level.NOTE);
      }
      return;
    }
    Operation first = firstById.putIfAbsent(operationId, operation);
    if (first != null) {
      context.report(
          operation.node().get("operationId"),
          "operationId '"
              + operationId
              + "' of "
              + operation.label()
              + " is already used by "
              + first.label()
              + ": operation ids must be unique; rename one of them.",
          Level.ERROR,
          List.of(
              RelatedLocation.of(
                  first.node().get("operationId"), "first used by " + first.label())));
    }
  }
}
