package io.github.threatlint.rules.auth;

import io.github.threatlint.core.model.Operation;
import io.github.threatlint.core.model.SecurityRequirements;
import io.github.threatlint.core.rule.Checks;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.rule.RuleContext;
import io.github.threatlint.core.rule.RuleInfo;
import io.github.threatlint.core.rule.RuleOption;
import io.github.threatlint.rules.support.PathGlob;
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
    securitySeverity = 8.5,
    precision = "very-high",
    section = "auth")
public final class OperationSecurityMissing implements Checks.OperationCheck {
  @RuleOption(description = "Path globs whose operations may be public, such as /health or /status/**.")
  public List<String> allowAnonymous = List.of();

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.kind() != Operation.Kind.PATH || PathGlob.matchesAny(allowAnonymous, operation.path())) {
      return;
    }
    String access = operation.isWrite() ? "write" : "read";
    SecurityRequirements security = operation.security();
    if (security == null) {
      context.report(operation.node(), operation.label() + " (" + access + ") requires no authentication: no 'security' "
          + "applies to it. Add a security requirement to the operation or to the document.");
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
}
