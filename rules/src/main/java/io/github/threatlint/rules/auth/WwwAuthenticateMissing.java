package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "www-authenticate-missing",
    title = "401 response without WWW-Authenticate",
    description =
        "A 401 response that does not document the WWW-Authenticate header, which HTTP (RFC 9110) requires "
            + "on every 401 to tell the client which scheme to use and, for bearer tokens, why the token was refused.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 2.0,
    precision = "very-high",
    section = "auth")
public final class WwwAuthenticateMissing implements Checks.ResponseCheck {
  @Override
  public void checkResponse(Response response, RuleContext context) {
    if (!response.status().equals("401") || response.hasHeader("WWW-Authenticate")) {
      return;
    }
    Operation operation = response.operation();
    String where =
        response.entry().isRef()
            ? "The 401 response '"
                + response.entry().ref()
                + "' (used by "
                + operation.label()
                + ")"
            : "The 401 response of " + operation.label();
    context.report(
        response.node(),
        "headers",
        where
            + " does not document the WWW-Authenticate header that HTTP "
            + "requires on a 401. Add it under 'headers', naming the scheme (for example Bearer with error=\"invalid_token\").");
  }
}
