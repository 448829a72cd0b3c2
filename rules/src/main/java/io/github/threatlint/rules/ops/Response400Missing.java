package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "response-400-missing",
    title = "No 400 response for an operation with inputs",
    description =
        "An operation with query, header or cookie parameters or a request body that documents no 400, 422 or 4XX "
            + "response (path identifiers alone are answered with a documented 404, 401 or 403). Input "
            + "that fails validation must be rejected with a documented client error; an undocumented rejection suggests "
            + "that inputs are not validated at all. A 'default' response with an error body documents the error contract: "
            + "then a note. When several operations lack it, that is one finding for the document, naming the first "
            + "of them.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 3.0,
    precision = "high",
    section = "ops")
public final class Response400Missing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> without = new ArrayList<>();
    List<Operation> withDefault = new ArrayList<>();
    for (Operation operation : document.operations()) {
      if (operation.kind() == Operation.Kind.PATH && lacks400(operation)) {
        (ResponseDefinitions.defaultErrorResponse(operation) != null ? withDefault : without)
            .add(operation);
      }
    }
    // several operations without one are one gap of the document (no shared 400 response), not
    // one finding per operation
    if (without.size() > 1) {
      context.report(
          DocumentWide.place(document),
          without.size()
              + " operations take inputs but document no 400, 422 or 4XX response ("
              + DocumentWide.firstOf(without)
              + "): declare how invalid input is rejected (400 Bad Request with an error body) once, "
              + "in a shared response, and reference it from each.");
    } else {
      without.forEach(operation -> reportOperation(operation, context));
    }
    if (withDefault.size() > 1) {
      context.report(
          DocumentWide.place(document),
          withDefault.size()
              + " operations take inputs and document their errors only through a 'default' response "
              + "with an error body ("
              + DocumentWide.firstOf(withDefault)
              + "): list 400 Bad Request as well, in a shared response, so that clients can tell "
              + "invalid input from other failures.",
          Level.NOTE);
    } else {
      withDefault.forEach(operation -> reportOperation(operation, context));
    }
  }

  /** Takes inputs that can be invalid and documents no 400, 422 or 4XX for them. */
  private static boolean lacks400(Operation operation) {
    if (operation.parameters().isEmpty() && !operation.hasRequestBody()) {
      return false;
    }
    // an unknown or malformed identifier in the path is answered with the documented 404 (or
    // 401/403 that refuse it); the Authorization header is a credential, refused with 401, not
    // input to validate
    if (takesOnlyIdentifiers(operation)
        && !operation.hasRequestBody()
        && (operation.documentsStatus("404", false)
            || operation.documentsStatus("401", false)
            || operation.documentsStatus("403", false))) {
      return false;
    }
    return !operation.documentsStatus("400", false) && !operation.documentsStatus("422", false);
  }

  /**
   * Every parameter is in the path or is the Authorization header. A loop, not a stream, for every
   * operation (the stream was 2 of the rule's 7 samples of a cold Stripe run, 3.4 of 9 on
   * Kubernetes).
   */
  private static boolean takesOnlyIdentifiers(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      if (!parameter.in().equals("path")
          && !(parameter.in().equals("header")
              && parameter.name().equalsIgnoreCase("Authorization"))) {
        return false;
      }
    }
    return true;
  }

  private static void reportOperation(Operation operation, RuleContext context) {
    String inputs = operation.hasRequestBody() ? "a request body" : "parameters";
    NodeRef responses = operation.node().get("responses");
    NodeRef at = responses != null ? responses : operation.node();
    if (ResponseDefinitions.defaultErrorResponse(operation) != null) {
      // the 'default' response's error body documents how rejections look: a note
      context.report(
          at,
          operation.label()
              + " takes "
              + inputs
              + " and documents its errors only through a 'default' "
              + "response with an error body: list 400 Bad Request as well, so that clients can tell invalid input from "
              + "other failures.",
          Level.NOTE);
      return;
    }
    context.report(
        at,
        operation.label()
            + " takes "
            + inputs
            + " but documents no 400, "
            + "422 or 4XX response: document how invalid input is rejected (400 Bad Request with an error body).");
  }
}
