package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
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
import io.github.threatlint.rules.support.CustomerData;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.Payments;
import io.github.threatlint.rules.support.ResourceFamilies;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "client-credentials-on-user-data",
    title = "Customer data reachable with client credentials only",
    description =
        "An operation on customer data, a payment execution or a funds check that can be called with a token "
            + "of the client-credentials flow only: the client acts on its own behalf, without the resource owner's "
            + "delegation or consent. Consent (intent) resources and payment status reads are the client's own business. "
            + "A bare API key offered beside a user flow is reported once where it is written, as a warning.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API1", "API5"},
    owasp2019 = {"API1", "API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    mitigations = {"oauth2-delegation"},
    securitySeverity = 5.5,
    precision = "medium",
    section = "auth")
public final class ClientCredentialsOnUserData
    implements Checks.PathOperationCheck, Checks.DocumentCheck {
  @RuleOption(
      description =
          "Words of path segments that mark customer data (matched as whole words of each segment, "
              + "so 'accounts' matches /accounts and /bank-accounts).")
  public List<String> customerDataWords = CustomerData.PATH_WORDS;

  @RuleOption(
      description =
          "Words of path segments that mark payments: creating one executes it and needs the "
              + "user's delegation; reading one (its status) is the client's own business in FAPI-based standards.")
  public List<String> paymentWords = Payments.WORDS;

  /**
   * Words that, with "funds", name a check of the available funds: /funds-confirmations,
   * /funds-check.
   */
  private static final List<String> FUNDS_CHECK_WORDS =
      List.of("confirmation", "confirmations", "check", "checks", "availability");

  /**
   * A bare API key offered as an alternative to a user flow (security: [{OAuth2: [...]}, {ApiKey:
   * []}]) reaches the customer data, payments and funds checks of every operation the requirement
   * governs, without any user's delegation: reported once where the alternative is written, with
   * the operations on customer data it opens, as a warning (a reviewer asks to remove it, unlike a
   * client-credentials token that may be the design).
   */
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    for (SecuritySites.Site site : SecuritySites.of(document)) {
      Requirement keyOnly = null;
      boolean delegated = false;
      for (Requirement requirement : site.security().alternatives()) {
        delegated |= delegatedByTheCustomer(requirement, schemes);
        if (keyOnly == null && apiKeysOnly(requirement, schemes)) {
          keyOnly = requirement;
        }
      }
      if (keyOnly == null || !delegated) {
        continue; // an API-key-only API is security-scheme-not-allowed's business
      }
      List<Operation> reached = new ArrayList<>();
      for (Operation operation : site.governed()) {
        if (operation.kind() == Operation.Kind.PATH && userDataAction(operation) != null) {
          reached.add(operation);
        }
      }
      if (reached.isEmpty()) {
        continue;
      }
      String key = String.join(" and ", keyOnly.schemes().keySet());
      context.report(
          keyOnly.node(),
          site.whereCapitalized()
              + " offers the API key '"
              + key
              + "' alone as an alternative to a user's delegation, so a bare key reaches "
              + (reached.size() == 1 ? "1 operation" : reached.size() + " operations")
              + " on customer data, payments or funds ("
              + DocumentWide.firstOf(reached)
              + "). Remove the key alternative there, or combine it with the user flow in one "
              + "requirement, and keep keys for public reference data.",
          Level.WARNING);
    }
  }

  /** True when every scheme of the requirement is an API key: it identifies a client, no user. */
  private static boolean apiKeysOnly(Requirement requirement, Map<String, SecurityScheme> schemes) {
    if (requirement.isAnonymous()) {
      return false;
    }
    for (String name : requirement.schemes().keySet()) {
      SecurityScheme scheme = schemes.get(name);
      if (scheme == null || !scheme.type().equals("apiKey")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    SecurityRequirements security = operation.security();
    if (security == null) {
      return;
    }
    Map<String, SecurityScheme> schemes = operation.document().securitySchemes();
    // what the operation does is read from its path (several word searches) only when a
    // requirement is recorded or reported below
    String what = concernsDelegation(security, schemes) ? userDataAction(operation) : null;
    if (what == null) {
      return;
    }
    for (Requirement requirement : security.alternatives()) {
      if (!requirement.isAnonymous() && delegatedByTheCustomer(requirement, schemes)) {
        context.mitigated(
            operation.node(),
            "oauth2-delegation",
            operation.label() + " requires " + SecuritySites.describe(requirement));
      }
      if (requirement.isAnonymous() || !clientCredentialsOnly(requirement, schemes)) {
        continue;
      }
      context.unmitigated(
          operation.node(), "oauth2-delegation", operation.label() + " (client credentials only)");
      String scheme = requirement.schemes().keySet().iterator().next();
      context.report(
          SecuritySites.locate(operation, requirement, scheme),
          operation.label()
              + " "
              + what
              + " but "
              + SecuritySites.requiresVerb(operation)
              + " "
              + SecuritySites.describe(requirement)
              + ", which only "
              + "the client-credentials flow can satisfy: the client acts without the resource owner's delegation. "
              + "Require a user flow (authorization code) for it.");
      return;
    }
  }

  /**
   * Whether a requirement of the operation is delegated by the customer or satisfied by client
   * credentials only: the two that {@link #checkPathOperation} records or reports.
   */
  private static boolean concernsDelegation(
      SecurityRequirements security, Map<String, SecurityScheme> schemes) {
    for (Requirement requirement : security.alternatives()) {
      if (!requirement.isAnonymous()
          && (delegatedByTheCustomer(requirement, schemes)
              || clientCredentialsOnly(requirement, schemes))) {
        return true;
      }
    }
    return false;
  }

  /**
   * What the operation does that needs the user's delegation, as the message says it, or null: a
   * funds check, the execution of a payment, or any operation on customer data. Consent ("intent")
   * resources and payment status reads are left out: in FAPI-based standards the client creates and
   * reads them with its own token, by design.
   */
  private String userDataAction(Operation operation) {
    if (Payments.initiates(operation, paymentWords)
        && !ConsentReferenceMissing.isConsentPath(operation.pathTemplate())) {
      return "executes a payment from a customer's account";
    }
    for (String segment : operation.pathTemplate().fixedSegments()) {
      List<String> words = Words.split(segment);
      if (words.isEmpty()) {
        continue;
      }
      boolean consentResource =
          words.get(words.size() - 1).startsWith("consent"); // /funds-confirmation-consents
      if (words.contains("funds")
          && FUNDS_CHECK_WORDS.stream().anyMatch(words::contains)
          && !consentResource) {
        return "checks the funds of a customer's account";
      }
    }
    // a consent, or a payment's status (GET /domestic-payments/{id}), is the client's own business
    boolean paymentResource =
        Words.containsAny(ResourceFamilies.of(operation.pathTemplate()), paymentWords);
    return CustomerData.inPath(operation.pathTemplate(), customerDataWords)
            && !paymentResource
            && !ConsentReferenceMissing.isConsentPath(operation.pathTemplate())
        ? "works on customer data"
        : null;
  }

  /**
   * True when a scheme of the requirement is OpenID Connect or has a flow in which the customer
   * signs in and consents.
   */
  private static boolean delegatedByTheCustomer(
      Requirement requirement, Map<String, SecurityScheme> schemes) {
    for (String name : requirement.schemes().keySet()) {
      SecurityScheme scheme = schemes.get(name);
      if (scheme == null) {
        continue;
      }
      if (scheme.isOpenIdConnect()) {
        return true;
      }
      // a loop, not a stream: asked for every requirement of every operation (a stream of each
      // scheme's flows was 2 of the rule's 5 samples of a cold Stripe run)
      for (OAuthFlow flow : scheme.flows()) {
        if (flow.kind().equals("authorizationCode") || flow.kind().equals("deviceAuthorization")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when every scheme of the requirement is OAuth2 and, for each, the only flows that declare
   * all the scopes asked are client-credentials flows.
   */
  static boolean clientCredentialsOnly(
      Requirement requirement, Map<String, SecurityScheme> schemes) {
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
