package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.Map;

@RuleInfo(
    id = "security-scheme-undefined",
    title = "Security requirement names an undeclared scheme",
    description =
        "A security requirement names a scheme that the document does not declare. Tools and gateways "
            + "cannot enforce a requirement they cannot resolve, so the operation may end up unprotected.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 7.5,
    precision = "very-high",
    section = "auth")
public final class SecuritySchemeUndefined implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> declared = document.securitySchemes();
    String container = SecuritySites.schemesContainer(document);
    String known =
        declared.isEmpty()
            ? "it declares none"
            : "declared: " + String.join(", ", declared.keySet());
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      for (Requirement requirement : site.security().alternatives()) {
        for (String scheme : requirement.schemes().keySet()) {
          if (!declared.containsKey(scheme)) {
            context.report(
                requirement.schemeNode(scheme),
                "Security scheme '"
                    + scheme
                    + "' required by "
                    + site.where()
                    + " is not declared in "
                    + container
                    + " ("
                    + known
                    + "). Declare it there or correct the name.");
          }
        }
      }
    }
  }
}
