package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.Payments;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "payment-signature-optional",
    title = "Payment initiation with optional request signing",
    description =
        "A payment-initiation operation that declares request-signing headers (Signature, Digest, "
            + "TPP-Signature-Certificate, x-jws-signature, ...) but requires none of them: a payment order may arrive "
            + "unsigned, so its integrity and its origin cannot be proven afterwards.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS", "TPP"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 5.5,
    precision = "high",
    section = "transport")
public final class PaymentSignatureOptional implements Checks.PathOperationCheck {
  @RuleOption(
      description =
          "Header names that carry a signature of the request or a digest of its body, compared "
              + "ignoring case and separators (HTTP Message Signatures, NextGenPSD2, FAPI's detached JWS).")
  public List<String> signatureHeaders =
      List.of(
          "Signature",
          "Signature-Input",
          "Digest",
          "Content-Digest",
          "TPP-Signature-Certificate",
          "x-jws-signature",
          "JWS-Signature",
          "X-Signature");

  @RuleOption(
      description =
          "Words of the last path segment (or path parameter name) that mark payment initiation.")
  public List<String> paymentWords = Payments.WORDS;

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (!Payments.initiates(operation, paymentWords)) {
      return;
    }
    List<Parameter> signing = new ArrayList<>();
    for (Parameter parameter : operation.parameters("header")) {
      if (Words.isAny(parameter.name(), signatureHeaders)) {
        if (parameter.required()) {
          return;
        }
        signing.add(parameter);
      }
    }
    if (signing.isEmpty()) {
      return; // no signing convention at all: nothing here says the standard signs its requests
    }
    List<String> names = signing.stream().map(Parameter::name).toList();
    context.report(
        signing.get(0).entry(),
        operation.label()
            + " initiates a payment, and its request-signing header"
            + (names.size() == 1 ? " '" : "s '")
            + String.join("', '", names)
            + (names.size() == 1 ? "' is" : "' are all")
            + " optional: a payment order may arrive unsigned, so neither its integrity nor who sent it can be proven. "
            + "Require the signature on payment initiation (required: true), or say in the description why transport "
            + "security alone is enough.");
  }
}
