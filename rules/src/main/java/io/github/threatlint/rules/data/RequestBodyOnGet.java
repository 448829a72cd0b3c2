package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.List;
import java.util.Locale;

@RuleInfo(
    id = "request-body-on-get",
    title = "Request body on GET, HEAD or DELETE",
    description =
        "A GET, HEAD or DELETE operation that takes a request body: HTTP gives such a body no meaning, so "
            + "proxies, caches and gateways drop it or ignore it when they check and cache the request, and what the back "
            + "end processes differs from what was inspected.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "data")
public final class RequestBodyOnGet implements Checks.OperationCheck {
  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    String method = operation.method();
    if (!method.equals("get") && !method.equals("head") && !method.equals("delete")) {
      return;
    }
    NodeRef at = operation.requestBodyEntry();
    if (at != null && onlyEmpty(operation)) {
      // a body whose schemas admit only {} declares that there is none (Stripe's GET operations
      // do this)
      at = null;
    }
    if (at != null) {
      context.report(
          at,
          operation.label()
              + " takes a request body, which "
              + method.toUpperCase(Locale.ROOT)
              + " requests do not carry reliably: move the data to parameters, or use POST (for example a POST search).");
    }
  }

  /** Every media type's schema is an object with no properties that admits no others. */
  private static boolean onlyEmpty(Operation operation) {
    List<MediaType> content = operation.requestContent();
    if (content.isEmpty()) {
      return false;
    }
    for (MediaType type : content) {
      NodeRef schema = operation.document().deref(type.schema());
      if (schema == null || !schema.isObject()) {
        return false;
      }
      NodeRef properties = schema.get("properties");
      boolean noProperties = properties == null || properties.members().isEmpty();
      NodeRef additional = schema.get("additionalProperties");
      boolean closed =
          additional != null && additional.node().isBoolean() && !additional.node().booleanValue();
      if (!noProperties || !closed) {
        return false;
      }
    }
    return true;
  }
}
