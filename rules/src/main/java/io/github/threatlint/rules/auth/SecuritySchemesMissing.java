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
import io.github.threatlint.rules.support.CredentialNames;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.NotificationReceivers;
import io.github.threatlint.rules.support.PublicReads;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "security-schemes-missing",
    title = "No security scheme declared",
    description =
        "The document has operations but declares no security scheme, so nothing says how a client "
            + "authenticates: every operation is open to anyone who can reach the server. The message counts the "
            + "operations it leaves open and names the first; where they document a 401 response, it says that they "
            + "expect credentials the document does not describe.",
    level = Level.ERROR,
    owasp2023 = {"API2"},
    owasp2019 = {"API2"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data"},
    securitySeverity = 8.0,
    precision = "very-high",
    section = "auth")
public final class SecuritySchemesMissing implements Checks.DocumentCheck {
  private static final String AUTHORIZATION_HEADER = "a required 'Authorization' header parameter";

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    if (document.operations().isEmpty() || !document.securitySchemes().isEmpty()) {
      return;
    }
    String where = document.version().securitySchemesLocation();
    List<Operation> open = new ArrayList<>();
    List<Operation> inParameters = new ArrayList<>();
    Set<String> conventions = new LinkedHashSet<>();
    for (Operation operation : document.operations()) {
      SecurityRequirements security = operation.security();
      if (security != null && security.isVendorConvention()) {
        conventions.add(security.convention());
      } else if (operation.kind() == Operation.Kind.PATH) {
        (credentialParameter(operation) != null ? inParameters : open).add(operation);
      }
    }
    String parameters = inParameters.isEmpty() ? null : parametersOf(inParameters);
    int count = document.operations().size();
    String operations = count + " operation" + (count == 1 ? "" : "s");
    if (!conventions.isEmpty()) {
      // a standard's documented convention: the operations are protected, but no tool or gateway
      // can tell
      NodeRef at = document.root().get(document.version().versionField());
      context.report(
          at != null ? at : document.root(),
          "The API declares no security scheme: its operations state their "
              + "authorization only in the vendor extension"
              + (conventions.size() == 1 ? " " : "s ")
              + String.join(", ", conventions)
              + ", which tools, gateways and generated clients do not read"
              + (open.isEmpty()
                  ? ""
                  : ", and " + places(open) + " state none (public by design, or open)")
              + ". Declare the scheme in "
              + where
              + " and require it with 'security', keeping the extension if the "
              + "standard needs it.",
          Level.NOTE);
      return;
    }
    if (open.isEmpty() && !inParameters.isEmpty()) {
      // every operation requires credentials in a parameter of its own, such as an 'Authorization'
      // header (the SFTI Common API's webhook subscriptions) or an API key header: protected, but
      // described where no tool looks (operation-security-missing reports the key parameters)
      NodeRef at = document.root().get(document.version().versionField());
      context.report(
          at != null ? at : document.root(),
          "The API declares no security scheme: its "
              + places(inParameters)
              + (inParameters.size() == 1 ? " takes its" : " take their")
              + " credentials only in "
              + parameters
              + ", which "
              + "tools, gateways and generated clients do not read as authentication. Declare the scheme ("
              + (parameters.equals(AUTHORIZATION_HEADER) ? "" : "an apiKey scheme for a key, ")
              + "http bearer, OAuth2, OpenID Connect) in "
              + where
              + " and require it with 'security' instead of the parameter.",
          Level.NOTE);
      return;
    }
    if (NotificationReceivers.allInbound(open)) {
      // a TPP's webhook document: the API calls these operations, not clients; how the receiver
      // authenticates the sender is callback-insecure's finding
      return;
    }
    String openData = PublicReads.openDataEvidence(document);
    if (openData != null
        && !open.isEmpty()
        && open.stream().allMatch(PublicReads::isReferenceRead)) {
      // public by design: the document says it is open data, and nothing in it is customer data
      NodeRef at = document.root().get(document.isSwagger2() ? "swagger" : "openapi");
      context.report(
          at != null ? at : document.root(),
          "The API declares no security scheme, and "
              + openData
              + " says it is open data: its "
              + places(open)
              + " are reads that return no customer data, public by design. Say so with a document-wide "
              + "'security: []', so that the intent is explicit, and keep customer data out of this API.",
          Level.NOTE);
      return;
    }
    if (publicByDeclaration(document)
        && !open.isEmpty()
        && open.stream().allMatch(PublicReads::isReferenceRead)) {
      // written public on purpose (a directory of pension funds), and nothing in it is customer
      // data: the intent is stated, what is left is to keep it so
      context.report(
          document.root().get("security"),
          "The API declares no security scheme and says with a document-wide 'security: []' that "
              + "its "
              + places(open)
              + " need no credentials; they are reads that return no customer data. Keep customer "
              + "data out of this API: an operation that returns it needs a scheme.",
          Level.NOTE);
      return;
    }
    context.report(
        document.root(),
        document.version().versionField(),
        "The API has "
            + operations
            + " but declares no security scheme"
            + consequence(open)
            + (open.isEmpty() || inParameters.isEmpty()
                ? ""
                : (inParameters.size() == 1
                        ? " (the other one takes them in "
                        : " (the other " + inParameters.size() + " take them in ")
                    + parameters
                    + ")")
            + ": declare how clients authenticate in "
            + where
            + " (OAuth2 or OpenID Connect for "
            + "customer data) and require it with 'security'.");
  }

  /**
   * What the missing scheme means for the operations that take no credentials in a parameter: open
   * to anyone, or, where each documents a 401, credentials expected that the document leaves out
   * (and everything generated from it, gateway rules, clients and tests, takes them for open).
   */
  private static String consequence(List<Operation> open) {
    if (open.isEmpty()) {
      return "";
    }
    long rejecting =
        open.stream().filter(operation -> operation.documentsStatus("401", false)).count();
    if (rejecting == open.size()) {
      return ", yet "
          + (open.size() == 1
              ? places(open) + " documents a 401 response: it expects"
              : "all " + places(open) + " document a 401 response: they expect")
          + " credentials that the document does not describe, so gateways, generated clients and "
          + "tests take the API for open";
    }
    return ", so "
        + places(open)
        + " can be called without credentials"
        + (rejecting == 0 ? "" : " (" + rejecting + " of them document a 401 response)");
  }

  /**
   * The document says, with a top-level {@code security: []}, that its operations need no
   * credentials: a directory of institutions or a product catalogue written public on purpose.
   */
  private static boolean publicByDeclaration(ApiDocument document) {
    NodeRef security = document.root().get("security");
    return security != null && security.node().isArray() && security.node().isEmpty();
  }

  /**
   * The parameter in which the operation asks for credentials: a required 'Authorization' header,
   * or a header or required query parameter named like a key or token ({@link
   * CredentialNames#parameterOf}); null when it asks for none.
   */
  private static Parameter credentialParameter(Operation operation) {
    Parameter header = operation.header("Authorization");
    return header != null && header.required() ? header : CredentialNames.parameterOf(operation);
  }

  /**
   * "a required 'Authorization' header parameter", or the parameters named: "the header parameter
   * 'X-Api-Key'", "the header parameters 'X-Client-Id' and 'X-Client-Secret'".
   */
  private static String parametersOf(List<Operation> operations) {
    Set<String> names = new LinkedHashSet<>();
    String in = null;
    boolean authorization = true;
    for (Operation operation : operations) {
      Parameter parameter = credentialParameter(operation);
      names.add("'" + parameter.name() + "'");
      in = in == null || in.equals(parameter.in()) ? parameter.in() : "";
      // header names are not case-sensitive
      authorization &=
          parameter.in().equals("header") && parameter.name().equalsIgnoreCase("Authorization");
    }
    if (authorization) {
      return AUTHORIZATION_HEADER;
    }
    List<String> listed = new ArrayList<>(names);
    String last = listed.remove(listed.size() - 1);
    return "the "
        + (in.isEmpty() ? "" : in + " ")
        + (names.size() == 1 ? "parameter " : "parameters ")
        + (listed.isEmpty() ? last : String.join(", ", listed) + " and " + last);
  }

  /** "1 operation (GET /a)" or "12 operations (GET /a, GET /b, GET /c and 9 more)". */
  private static String places(List<Operation> operations) {
    return (operations.size() == 1 ? "1 operation (" : operations.size() + " operations (")
        + DocumentWide.firstOf(operations)
        + ")";
  }
}
