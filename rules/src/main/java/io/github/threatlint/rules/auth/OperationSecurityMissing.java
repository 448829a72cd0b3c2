package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.CredentialNames;
import io.github.threatlint.rules.support.PathGlob;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;

@RuleInfo(
    id = "operation-security-missing",
    title = "Operation without authentication",
    description = "An operation whose effective security (its own 'security', else the document's) is absent, empty, "
        + "or offers the empty requirement {} as an alternative can be called without credentials.",
    level = Level.ERROR,
    owasp2023 = {"API2", "API5"},
    owasp2019 = {"API2", "API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data", "Account hijacking"},
    mitigations = {"authentication-on-every-operation"},
    securitySeverity = 8.5,
    precision = "very-high",
    section = "auth")
public final class OperationSecurityMissing implements Checks.PathOperationCheck {
  @RuleOption(description = "Path globs whose operations may be public, such as /health or /status/**.")
  public List<String> allowAnonymous = List.of();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (PathGlob.matchesAny(allowAnonymous, operation.path())) {
      return;
    }
    String access = operation.isWrite() ? "write" : "read";
    SecurityRequirements security = operation.security();
    boolean noScheme = security == null || security.isEmpty();
    if (noScheme && operation.header("Authorization") != null) {
      return; // credentials in an Authorization header parameter instead of a scheme: authorization-header-parameter's finding
    }
    // where schemes are declared, not requiring them is the problem to name, whatever a parameter carries
    Parameter credential = noScheme && operation.document().securitySchemes().isEmpty()
        ? credentialParameter(operation) : null;
    if (credential != null || security == null || security.isEmpty() || security.allowsAnonymous()) {
      context.unmitigated(operation.node(), "authentication-on-every-operation", operation.label() + " (" + access + ")");
    } else {
      context.mitigated(operation.node(), "authentication-on-every-operation", operation.label() + " requires "
          + SecuritySites.describe(security.alternatives().get(0)));
    }
    if (credential != null) {
      context.report(operation.node(), operation.label() + " (" + access + ") takes a credential in the "
          + credential.in() + " parameter '" + credential.name() + "', but the document declares no security scheme"
          + (security == null ? "" : " and " + whose(operation) + " is empty")
          + ", so tools and gateways see an operation that anyone may call. Declare a security scheme for it (an "
          + "apiKey scheme sent in a header, or OAuth2) and require it with 'security'.");
    } else if (security == null) {
      context.report(operation.node(), operation.label() + " (" + access + ") requires no authentication: no 'security' "
          + "applies to it" + declaredSchemes(operation));
    } else if (security.isEmpty()) {
      context.report(operation.node(), operation.label() + " (" + access + ") is public: " + whose(operation)
          + " is empty. Require a security scheme, or list the path in the rule's allowAnonymous option if it must be "
          + "public.");
    } else if (security.allowsAnonymous()) {
      context.report(operation.node(), operation.label() + " (" + access + ") can be called anonymously: "
          + whose(operation) + " offers the empty requirement {} as an alternative. Remove {} so that credentials are "
          + "always needed.");
    }
  }

  /** "its 'security'" or "the document-wide 'security' it inherits": where the problem is to be fixed. */
  private static String whose(Operation operation) {
    return operation.node().has("security") ? "its 'security'" : "the document-wide 'security' it inherits";
  }

  /**
   * What is declared and what to do: documents often declare their schemes and never require them, and then the
   * fix is one document-wide 'security'.
   */
  private static String declaredSchemes(Operation operation) {
    List<String> names = List.copyOf(operation.document().securitySchemes().keySet());
    if (names.isEmpty()) {
      return " and the document declares no security scheme. Declare one and require it on the operation or for the "
          + "whole document.";
    }
    return ", although the document declares the security scheme" + (names.size() == 1 ? " '" : "s '")
        + String.join("', '", names) + "'. Require " + (names.size() == 1 ? "it" : "one of them") + " on the "
        + "operation, or for every operation with a document-wide 'security'.";
  }

  /**
   * A parameter that carries the operation's credential outside any scheme: a header named like a key or token
   * (X-Api-Key, X-Auth-Token) or a required query parameter named so (api_key); null when there is none. The
   * operation is not public then, only its authentication is undeclared.
   */
  private static Parameter credentialParameter(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      String in = parameter.in();
      boolean header = in.equals("header") && (CredentialNames.credentialTerm(parameter.name(), in) != null
          || Words.split(parameter.name()).contains("authentication"));
      boolean query = in.equals("query") && parameter.required()
          && CredentialNames.credentialTerm(parameter.name(), in) != null;
      if (header || query) {
        return parameter;
      }
    }
    return null;
  }
}
