package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "client-credentials-on-user-data",
    title = "Customer data reachable with client credentials only",
    description = "An operation on customer data that can be called with a token of the client-credentials flow only: "
        + "the client acts on its own behalf, without the resource owner's delegation or consent.",
    level = Level.NOTE,
    owasp2023 = {"API1", "API5"},
    owasp2019 = {"API1", "API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    mitigations = {"oauth2-delegation"},
    securitySeverity = 5.5,
    precision = "medium",
    section = "auth")
public final class ClientCredentialsOnUserData implements Checks.PathOperationCheck {
  @RuleOption(description = "Words of path segments that mark customer data (matched as whole words of each segment, "
      + "so 'accounts' matches /accounts and /bank-accounts).")
  public List<String> customerDataWords = List.of("account", "accounts", "customer", "customers", "user", "users",
      "person", "persons", "people", "party", "parties", "profile", "profiles", "me", "payment", "payments",
      "transaction", "transactions", "balance", "balances", "card", "cards", "portfolio", "portfolios", "position",
      "positions", "mortgage", "mortgages", "pension", "pensions", "contract", "contracts", "statement", "statements",
      "beneficiary", "beneficiaries", "insured", "holding", "holdings", "deposit", "deposits", "loan", "loans");

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (security == null || !isCustomerData(operation.path())) {
      return;
    }
    Map<String, SecurityScheme> schemes = operation.document().securitySchemes();
    for (Requirement requirement : security.alternatives()) {
      if (!requirement.isAnonymous() && delegatedByTheCustomer(requirement, schemes)) {
        context.mitigated(operation.node(), "oauth2-delegation", operation.label() + " requires "
            + SecuritySites.describe(requirement));
      }
      if (requirement.isAnonymous() || !clientCredentialsOnly(requirement, schemes)) {
        continue;
      }
      context.unmitigated(operation.node(), "oauth2-delegation", operation.label() + " (client credentials only)");
      String scheme = requirement.schemes().keySet().iterator().next();
      context.report(SecuritySites.locate(operation, requirement, scheme), operation.label() + " works on customer data "
          + "but " + SecuritySites.requiresVerb(operation) + " " + SecuritySites.describe(requirement) + ", which only "
          + "the client-credentials flow can satisfy: the client acts without the resource owner's delegation. "
          + "Require a user flow (authorization code) for customer data.");
      return;
    }
  }

  private boolean isCustomerData(String path) {
    for (String segment : path.split("/")) {
      if (!segment.isEmpty() && !segment.startsWith("{") && Words.containsAny(segment, customerDataWords)) {
        return true;
      }
    }
    return false;
  }

  /** True when a scheme of the requirement is OpenID Connect or has a flow in which the customer signs in and consents. */
  private static boolean delegatedByTheCustomer(Requirement requirement, Map<String, SecurityScheme> schemes) {
    for (String name : requirement.schemes().keySet()) {
      SecurityScheme scheme = schemes.get(name);
      if (scheme != null && (scheme.isOpenIdConnect() || scheme.flows().stream()
          .anyMatch(f -> f.kind().equals("authorizationCode") || f.kind().equals("deviceAuthorization")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when every scheme of the requirement is OAuth2 and, for each, the only flows that declare all the
   * scopes asked are client-credentials flows.
   */
  static boolean clientCredentialsOnly(Requirement requirement, Map<String, SecurityScheme> schemes) {
    for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
      SecurityScheme scheme = schemes.get(entry.getKey());
      if (scheme == null || !scheme.isOAuth2()) {
        return false;
      }
      boolean anyFlow = false;
      for (OAuthFlow flow : scheme.flows()) {
        if (!flow.scopes().keySet().containsAll(entry.getValue())) {
          continue; // a token of this flow cannot carry the scopes asked
        }
        if (!flow.kind().equals("clientCredentials")) {
          return false;
        }
        anyFlow = true;
      }
      if (!anyFlow) {
        return false;
      }
    }
    return true;
  }
}
