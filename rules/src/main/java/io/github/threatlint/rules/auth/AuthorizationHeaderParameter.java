package io.github.threatlint.rules.auth;

import io.github.threatlint.core.model.Parameter;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;

@RuleInfo(
    id = "authorization-header-parameter",
    title = "Authorization declared as a header parameter",
    description = "'Authorization' declared as a header parameter instead of through a security scheme. OpenAPI 3 "
        + "tools ignore such a parameter, so the operation looks unauthenticated to them, and nothing says which "
        + "credentials it takes.",
    level = Level.WARNING,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "auth")
public final class AuthorizationHeaderParameter implements Checks.ParameterCheck {
  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    if (!"header".equals(parameter.in()) || !parameter.name().equalsIgnoreCase("Authorization")) {
      return;
    }
    context.report(parameter.node(), "name", "The header parameter '" + parameter.name() + "' carries credentials "
        + "outside any security scheme: tools ignore it and the operation looks unauthenticated. Declare a security "
        + "scheme (http bearer, OAuth2, OpenID Connect) and require it with 'security' instead.");
  }
}
