package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.QueryPosts;
import io.github.threatlint.rules.support.Scopes;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "oauth2-write-scope-missing",
    title = "Write operation satisfied by read scopes",
    description =
        "A write operation (POST, PUT, PATCH, DELETE) can be called with OAuth2 scopes that are all "
            + "read-class, so a client the user allowed only to read can change data. POSTs that search, simulate or "
            + "compute (the last path segment says so) are left out.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API5"},
    owasp2019 = {"API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 6.5,
    precision = "high",
    section = "auth")
public final class Oauth2WriteScopeMissing implements Checks.PathOperationCheck {
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (!operation.isWrite() || security == null || QueryPosts.isQueryLike(operation)) {
      return; // a POST that searches or simulates may well need read scopes only
    }
    Map<String, SecurityScheme> schemes = operation.document().securitySchemes();
    for (Requirement requirement : security.alternatives()) {
      List<String> scopes = new ArrayList<>();
      String firstScheme = null;
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        SecurityScheme scheme = schemes.get(entry.getKey());
        if (scheme != null && scheme.takesScopes()) {
          scopes.addAll(entry.getValue());
          if (firstScheme == null && !entry.getValue().isEmpty()) {
            firstScheme = entry.getKey();
          }
        }
      }
      if (scopes.isEmpty() || !scopes.stream().allMatch(Scopes::isReadClass)) {
        continue;
      }
      context.report(
          SecuritySites.locate(operation, requirement, firstScheme),
          operation.label()
              + " (write) "
              + SecuritySites.requiresVerb(operation)
              + " "
              + SecuritySites.describe(requirement)
              + ", whose scopes are all "
              + "read-class: a token the user granted only for reading can change data. Require a write-class scope "
              + "(such as 'write' or '<resource>:write') for this operation.");
      return;
    }
  }
}
