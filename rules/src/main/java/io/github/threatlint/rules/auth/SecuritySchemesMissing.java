package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "security-schemes-missing",
    title = "No security scheme declared",
    description = "The document has operations but declares no security scheme, so nothing says how a client "
        + "authenticates: every operation is open to anyone who can reach the server.",
    level = Level.ERROR,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 8.0,
    precision = "very-high",
    section = "auth")
public final class SecuritySchemesMissing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    if (document.operations().isEmpty() || !document.securitySchemes().isEmpty()) {
      return;
    }
    String where = document.isSwagger2() ? "securityDefinitions" : "components.securitySchemes";
    int count = document.operations().size();
    context.report(document.root(), document.isSwagger2() ? "swagger" : "openapi",
        "The API has " + count + " operation" + (count == 1 ? "" : "s") + " but declares no security scheme: declare how "
            + "clients authenticate in " + where + " (OAuth2 or OpenID Connect for customer data) and require it with 'security'.");
  }
}
