package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.NotificationReceivers;
import io.github.threatlint.rules.support.ResponseDefinitions;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "response-429-missing",
    title = "No 429 response documented",
    description =
        "An operation that documents no 429 Too Many Requests (nor a 4XX range). Without it, clients are not "
            + "told that calls are throttled, and nothing in the contract says that brute force and excessive use are "
            + "detected and limited. When several operations document none, that is one finding for the document (also when "
            + "others do: the document has a 429 they forgot to reference); an operation "
            + "whose 'default' response has an error body documents its error contract, which is a note, and so is a "
            + "TPP's webhook receiver (the API calls it).",
    level = Level.WARNING,
    readsProse = true,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Undetected brute force attacks or improper use of APIs by legitimate TPPs"},
    mitigations = {"rate-limiting"},
    securitySeverity = 4.5,
    precision = "high",
    section = "ops")
public final class Response429Missing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> missing = new ArrayList<>();
    int documented = 0;
    for (Operation operation : document.operations()) {
      if (operation.documentsStatus("429", false)) {
        context.mitigated(operation.node(), "rate-limiting", operation.label() + " documents 429");
        documented++;
      } else {
        context.unmitigated(operation.node(), "rate-limiting", operation.label() + " (no 429)");
        missing.add(operation);
      }
    }
    if (!missing.isEmpty() && NotificationReceivers.allInbound(document.operations())) {
      // a TPP's webhook receiver: the TPP limits what it accepts and the API is the caller, so
      // what the contract needs is how the sender backs off
      String receiver = NotificationReceivers.evidence(document);
      for (Operation operation : missing) {
        NodeRef responses = operation.node().get("responses");
        context.report(
            responses != null ? responses : operation.node(),
            operation.label()
                + " documents no 429 response, but it is the receiver a client hosts ("
                + receiver
                + "), which the API calls: its rate limit is the receiver's. Say how the API retries and backs off "
                + "when the receiver answers 429 or is unavailable.",
            Level.NOTE);
      }
      return;
    }
    if (missing.size() > 1) {
      // one fact about the document, not one per operation: no operation documents a 429, or
      // the document has one that the others forgot to reference
      boolean allDefault =
          missing.stream()
              .allMatch(operation -> ResponseDefinitions.defaultErrorResponse(operation) != null);
      String operations =
          " ("
              + DocumentWide.firstOf(missing)
              + (allDefault ? "; each has only a 'default' error response" : "")
              + ")";
      String message =
          documented == 0
              ? "None of the "
                  + missing.size()
                  + " operations documents a 429 response"
                  + operations
                  + ": document 429 Too Many Requests (with Retry-After), in a shared response, so that "
                  + "clients know the API is rate limited and how to back off."
              : missing.size()
                  + " of the "
                  + (missing.size() + documented)
                  + " operations document no 429 response"
                  + operations
                  + ", although "
                  + documented
                  + (documented == 1 ? " does" : " do")
                  + ": reference the same 429 Too Many Requests response (with Retry-After) from each, so "
                  + "that clients know the API is rate limited and how to back off.";
      report(context, DocumentWide.place(document), message, allDefault);
      return;
    }
    for (Operation operation : missing) {
      boolean viaDefault = ResponseDefinitions.defaultErrorResponse(operation) != null;
      NodeRef responses = operation.node().get("responses");
      report(
          context,
          responses != null ? responses : operation.node(),
          operation.label()
              + " documents no 429 response"
              + (viaDefault ? " (only a 'default' error response)" : "")
              + ": add 429 Too Many Requests (with Retry-After) "
              + "so that clients know the operation is rate limited and how to back off.",
          viaDefault);
    }
  }

  /** A 'default' error response documents the error contract: what remains is a note. */
  private static void report(
      RuleContext context, NodeRef node, String message, boolean viaDefault) {
    if (viaDefault) {
      context.report(node, message, Level.NOTE);
    } else {
      context.report(node, message);
    }
  }
}
