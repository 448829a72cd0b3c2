package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "authorization-header-parameter",
    title = "Authorization declared as a header parameter",
    description =
        "'Authorization' declared as a header parameter of an operation that requires no security scheme. "
            + "OpenAPI 3 tools ignore such a parameter, so the operation looks unauthenticated to them, and nothing says "
            + "which credentials it takes.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 4.0,
    precision = "very-high",
    section = "auth")
public final class AuthorizationHeaderParameter implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // each definition once, where it is written, with the operations that take their credentials
    // through it alone
    Map<NodeRef, List<Operation>> unsecured = new LinkedHashMap<>();
    for (Operation operation : document.allOperations()) {
      Parameter header = operation.header("Authorization");
      // beside a security requirement the parameter only documents the header again: not "instead
      // of" a scheme
      SecurityRequirements security = operation.security();
      if (header != null && (security == null || !security.requiresCredentials())) {
        unsecured.computeIfAbsent(header.node(), node -> new ArrayList<>()).add(operation);
      }
    }
    for (Map.Entry<NodeRef, List<Operation>> entry : unsecured.entrySet()) {
      List<Operation> operations = entry.getValue();
      String users =
          operations.get(0).label()
              + (operations.size() == 1
                  ? ""
                  : " and "
                      + (operations.size() - 1)
                      + " more operation"
                      + (operations.size() == 2 ? "" : "s"));
      context.report(
          entry.getKey(),
          "name",
          "The header parameter '"
              + entry.getKey().text("name")
              + "' carries the credentials of "
              + users
              + " outside any security scheme: tools ignore it and the "
              + "operation looks unauthenticated. "
              + remedy(
                  document.securitySchemes().keySet(),
                  entry.getKey().node().path("required").asBoolean(false)));
    }
  }

  /**
   * What to do: require a scheme the document declares already, or declare one; a header the
   * operation does not require stands for credentials a client may leave out (NextGenPSD2's OAuth
   * token after a consent), which an empty requirement beside the scheme says.
   */
  private static String remedy(Set<String> schemes, boolean required) {
    if (schemes.isEmpty()) {
      return "Declare a security scheme (http bearer, OAuth2, OpenID Connect) and require it with 'security' "
          + "instead.";
    }
    List<String> named = schemes.stream().limit(3).map(name -> "'" + name + "'").toList();
    return (schemes.size() == 1
            ? "Require the document's security scheme " + named.get(0)
            : "Require one of the document's security schemes ("
                + String.join(", ", named)
                + (schemes.size() > named.size() ? ", ..." : "")
                + ")")
        + " with 'security' instead"
        + (required ? "." : ", beside an empty requirement ({}) since the header is optional.");
  }
}
