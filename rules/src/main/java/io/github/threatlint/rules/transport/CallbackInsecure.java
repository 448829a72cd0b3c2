package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.vocabulary.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "callback-insecure",
    title = "Insecure callback or webhook",
    description =
        "A callback or webhook URL over http, or a callback or webhook request that carries neither security "
            + "nor a signature header: receivers cannot tell the API's notifications from forged ones, and over http anyone "
            + "on the path reads and changes them.",
    level = Level.WARNING,
    owasp2023 = {"API10", "API7"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    sftiScenarios = {
      "Interception/alteration of data during transport",
      "Malicious code or data injection"
    },
    securitySeverity = 6.0,
    precision = "high",
    section = "transport")
public final class CallbackInsecure implements Checks.OperationCheck {
  @RuleOption(
      description =
          "Words of header names that carry a signature of the request, matched as whole words.")
  public List<String> signatureHeaders = List.of("signature", "hmac", "jws");

  private final Set<NodeRef> checked = new HashSet<>();

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.kind() == Operation.Kind.PATH || !checked.add(operation.node())) {
      return;
    }
    // label() reads "callback POST {$request.body#/url}" or "webhook POST newPet"
    String what =
        "The "
            + operation.label()
            + (operation.kind() == Operation.Kind.CALLBACK
                ? " of " + operation.parent().label()
                : "");
    String expression = operation.path().trim().toLowerCase(Locale.ROOT);
    if (operation.kind() == Operation.Kind.CALLBACK
        && (expression.startsWith("http://") || expression.startsWith("ws://"))
        && checked.add(operation.pathItem())) {
      context.report(
          operation.pathItem(),
          what
              + " is sent over http: use an https URL so that notifications cannot be "
              + "read or changed in transit.");
    }
    if (!secured(operation) && !signed(operation)) {
      context.report(
          operation.node(),
          what
              + " carries neither security nor a signature header: declare how the "
              + "receiver authenticates the request (security, or a signature header such as Webhook-Signature) so that "
              + "forged notifications are refused.");
    }
  }

  /** Its own security: a callback does not inherit the security clients use to call the API. */
  private static boolean secured(Operation operation) {
    NodeRef own = operation.node().get("security");
    return own != null
        && !new SecurityRequirements(own).isEmpty()
        && !new SecurityRequirements(own).allowsAnonymous();
  }

  private boolean signed(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("header")
          && (Words.containsAny(parameter.name(), signatureHeaders)
              || parameter.name().equalsIgnoreCase("Authorization"))) {
        return true;
      }
    }
    return false;
  }
}
