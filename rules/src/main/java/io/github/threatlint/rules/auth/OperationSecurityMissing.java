package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.vocabulary.Glob;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.CredentialNames;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.PublicReads;
import io.github.threatlint.rules.support.QueryPosts;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@RuleInfo(
    id = "operation-security-missing",
    title = "Operation without authentication",
    description =
        "An operation whose effective security (its own 'security', else the document's, else a documented "
            + "vendor convention such as CDR's x-scopes) is absent, empty, or offers the empty requirement {} as an "
            + "alternative can be called without credentials. Several operations that take a credential parameter "
            + "(such as an API-key header) in a document that declares no security scheme are one finding for the "
            + "document, naming the first of them.",
    level = Level.ERROR,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API2", "API5"},
    owasp2019 = {"API2", "API5"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data", "Account hijacking"},
    mitigations = {"authentication-on-every-operation"},
    securitySeverity = 8.5,
    precision = "very-high",
    section = "auth")
public final class OperationSecurityMissing implements Checks.PathOperationCheck {
  /**
   * How descriptions state that an operation is public by design: "no authentication is required",
   * "public endpoint".
   */
  private static final Pattern PUBLIC_STATEMENT =
      Pattern.compile(
          "(?i)\\b(no|without|not require[sd]?|does not need)"
              + " (any )?(authentication|authorization|authorisation|access token|credentials)\\b"
              + "|\\b(unauthenticated|anonymous) (access|call|endpoint)|\\bpublic(ly)? (endpoint|api|access|accessible|available)\\b");

  /**
   * What {@link #PUBLIC_STATEMENT} reads after "public " or "publicly " ("accessible" begins with
   * "access").
   */
  private static final List<String> PUBLIC_NOUNS =
      List.of("endpoint", "api", "access", "available");

  @RuleOption(
      description = "Path globs whose operations may be public, such as /health or /status/**.")
  public List<String> allowAnonymous = List.of();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (Glob.anyMatches(allowAnonymous, operation.path())) {
      return;
    }
    String access = QueryPosts.access(operation);
    SecurityRequirements security = operation.security();
    boolean noScheme = security == null || security.isEmpty();
    if (noScheme && operation.header("Authorization") != null) {
      return; // credentials in an Authorization header parameter instead of a scheme:
      // authorization-header-parameter's finding
    }
    boolean schemesDeclared = !operation.document().securitySchemes().isEmpty();
    // where schemes are declared, not requiring them is the problem to name, whatever a parameter
    // carries
    Parameter credential =
        noScheme && !schemesDeclared ? CredentialNames.parameterOf(operation) : null;
    if (credential == null && documentWide(operation.document()).contains(operation)) {
      context.unmitigated(
          operation.node(),
          "authentication-on-every-operation",
          operation.label() + " (" + access + ")");
      reportOnceForTheDocument(operation, context);
      return;
    }
    if (credential != null
        || security == null
        || security.isEmpty()
        || security.allowsAnonymous()) {
      context.unmitigated(
          operation.node(),
          "authentication-on-every-operation",
          operation.label() + " (" + access + ")");
    } else {
      context.mitigated(
          operation.node(),
          "authentication-on-every-operation",
          operation.label()
              + " requires "
              + SecuritySites.describe(security.alternatives().get(0)));
    }
    if (credential != null && credentialsOnly(operation.document()).size() > 1) {
      reportCredentialsOnce(operation, context);
    } else if (credential != null) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") takes a credential in the "
              + credential.in()
              + " parameter '"
              + credential.name()
              + "', but the document declares no security scheme"
              + (security == null ? "" : " and " + whose(operation) + " is empty")
              + ", so tools and gateways see an operation that anyone may call. Declare a security scheme for it (an "
              + "apiKey scheme sent in a header, or OAuth2) and require it with 'security'.");
    } else if (security == null
        && saysPublic(operation)
        && PublicReads.isReferenceRead(operation)) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") requires no authentication, and its "
              + "description says it is public: if that is the design, list the path in the rule's allowAnonymous option "
              + "so that the exception is explicit and reviewed.",
          Level.NOTE);
    } else if (security == null
        && vendorConvention(operation.document()) != null
        && PublicReads.isReferenceRead(operation)) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") states no "
              + vendorConvention(operation.document())
              + " while the document's other operations state their authorization there, and it returns no "
              + "customer data: public reference data by the standard's convention. If that is the design, list the "
              + "path in the rule's allowAnonymous option so that the exception is explicit and reviewed.",
          Level.NOTE);
    } else if ((security == null || security.isEmpty()) && signedBody(operation) != null) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") states no authentication, but its request body is a signed token ("
              + signedBody(operation)
              + "): the receiver authenticates the sender by verifying its signature. Say in the description whose key "
              + "signs it and how the caller is authenticated on the connection (such as mutual TLS), or require a "
              + "security scheme.",
          Level.NOTE);
    } else if (security == null) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") requires no authentication: no 'security' "
              + "applies to it"
              + declaredSchemes(operation));
    } else if (security.isEmpty()
        && operation.node().has("security")
        && PublicReads.isReferenceRead(operation)) {
      context.report(
          operation.node(),
          operation.label()
              + " (read) is marked public by its own empty 'security' and "
              + "returns no customer data: a deliberate exception, as for reference data, discovery or keys. If it is meant "
              + "so, list the path in the rule's allowAnonymous option; if not, require a security scheme.",
          Level.NOTE);
    } else if (security.isEmpty() && operation.node().has("security") && saysPresigned(operation)) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") is marked public by its own empty 'security', and its description says its URL is "
              + "presigned: the signature in the URL authorizes the call, so the URL itself is the credential. Say "
              + "how long it is valid and what it allows, and keep it out of logs; list the path in the rule's "
              + "allowAnonymous option so that the exception is explicit and reviewed.",
          Level.NOTE);
    } else if (security.isEmpty()) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") is public: "
              + whose(operation)
              + " is empty. Require a security scheme, or list the path in the rule's allowAnonymous option if it must be "
              + "public.");
    } else if (security.allowsAnonymous()) {
      context.report(
          operation.node(),
          operation.label()
              + " ("
              + access
              + ") makes authentication optional, not "
              + "absent: "
              + whose(operation)
              + " offers the empty requirement {} beside "
              + required(security)
              + ", so a "
              + "caller without those credentials is accepted unless something outside the document (such as a mutual-TLS "
              + "client certificate) authenticates it. Say in the description what authenticates such calls, or remove {}.",
          Level.NOTE);
    }
  }

  /**
   * The operations whose missing authentication is one fact about the document, fixed in one place:
   * computed once per document (a fresh rule instance checks each document). In document order, for
   * the finding's first operations; a set, since every operation asks whether it is one of them
   * (GitHub: all of its 1,000).
   */
  private Set<Operation> documentWide;

  /** The document's vendor convention, "" when it has none; computed once per document. */
  private String vendorConvention;

  /**
   * The path operations left open by one document-wide cause, or none when each operation has its
   * own. Two such causes: the document declares no security scheme and no vendor convention
   * (security-schemes-missing reports that once, with the count and the first operations), or it
   * declares schemes and no path operation states any security (one document-wide 'security' fixes
   * it). Operations whose description says they are public, and those allowed anonymous, keep their
   * own note or none.
   */
  private Set<Operation> documentWide(ApiDocument document) {
    if (documentWide != null) {
      return documentWide;
    }
    List<Operation> open = new ArrayList<>();
    boolean convention = false;
    boolean stated = false;
    for (Operation other : document.operations()) {
      SecurityRequirements security = other.security();
      convention |= security != null && security.isVendorConvention();
      stated |= security != null && other.kind() == Operation.Kind.PATH;
      if (other.kind() == Operation.Kind.PATH
          && !Glob.anyMatches(allowAnonymous, other.path())
          && !(security == null && saysPublic(other) && PublicReads.isReferenceRead(other))) {
        open.add(other);
      }
    }
    boolean noSchemeAnywhere = document.securitySchemes().isEmpty() && !convention;
    boolean neverRequired = !document.securitySchemes().isEmpty() && !stated && open.size() > 1;
    documentWide = noSchemeAnywhere || neverRequired ? new LinkedHashSet<>(open) : Set.of();
    return documentWide;
  }

  /**
   * One finding for the document, on its paths, when it declares schemes and requires them nowhere;
   * none when it declares no scheme at all, which is security-schemes-missing's finding.
   */
  private void reportOnceForTheDocument(Operation operation, RuleContext context) {
    ApiDocument document = operation.document();
    if (document.securitySchemes().isEmpty() || documentWide.iterator().next() != operation) {
      return;
    }
    List<String> names = List.copyOf(document.securitySchemes().keySet());
    String none =
        "None of the document's "
            + documentWide.size()
            + " operations ("
            + DocumentWide.firstOf(List.copyOf(documentWide))
            + ") requires ";
    String schemes = (names.size() == 1 ? " '" : "s '") + String.join("', '", names) + "'";
    String openData = PublicReads.openDataEvidence(document);
    if (openData != null && documentWide.stream().allMatch(PublicReads::isReferenceRead)) {
      // public by design: the document says it is open data, and nothing in it is customer data
      context.report(
          DocumentWide.place(document),
          none
              + "the declared security scheme"
              + schemes
              + ", and "
              + openData
              + " says it is open data: reads that return no customer data, public by design. Say so with a "
              + "document-wide 'security: []' and remove the unused schemes.",
          Level.NOTE);
      return;
    }
    context.report(
        DocumentWide.place(document),
        none
            + "authentication, although the document declares the security scheme"
            + schemes
            + ": no operation and no document-wide 'security' requires "
            + (names.size() == 1 ? "it" : "any of them")
            + ". Require "
            + (names.size() == 1 ? "it" : "one of them")
            + " with a document-wide 'security'; if the API is public by design, say so with 'security: []' and "
            + "remove the unused schemes.");
  }

  /** The path operations that take a credential parameter outside any scheme; once per document. */
  private List<Operation> credentialsOnly;

  /**
   * The path operations of a document without schemes that carry their credential in a parameter:
   * computed once per document (a fresh rule instance checks each document).
   */
  private List<Operation> credentialsOnly(ApiDocument document) {
    if (credentialsOnly == null) {
      credentialsOnly = new ArrayList<>();
      // where schemes are declared, each operation's missing requirement is its own finding
      for (Operation other :
          document.securitySchemes().isEmpty() ? document.operations() : List.<Operation>of()) {
        SecurityRequirements security = other.security();
        if (other.kind() == Operation.Kind.PATH
            && !Glob.anyMatches(allowAnonymous, other.path())
            && (security == null || security.isEmpty())
            && other.header("Authorization") == null
            && CredentialNames.parameterOf(other) != null) {
          credentialsOnly.add(other);
        }
      }
    }
    return credentialsOnly;
  }

  /**
   * Several operations that carry a credential parameter in a document without schemes are one gap,
   * fixed in one place (a scheme and a document-wide 'security'): one finding on the paths, with
   * the count, the first operations and the parameters they use.
   */
  private void reportCredentialsOnce(Operation operation, RuleContext context) {
    if (credentialsOnly.get(0) != operation) {
      return;
    }
    Set<String> parameters = new LinkedHashSet<>();
    for (Operation other : credentialsOnly) {
      Parameter credential = CredentialNames.parameterOf(other);
      parameters.add("the " + credential.in() + " parameter '" + credential.name() + "'");
    }
    context.report(
        DocumentWide.place(operation.document()),
        credentialsOnly.size()
            + " operations ("
            + DocumentWide.firstOf(credentialsOnly)
            + ") take a credential in "
            + SecuritySites.enumerateFirst(List.copyOf(parameters))
            + ", but the document declares no security scheme, so tools and gateways see operations that "
            + "anyone may call. Declare a security scheme for that credential (an apiKey scheme sent in a "
            + "header, or OAuth2) and require it with a document-wide 'security'.");
  }

  /**
   * The media type of a request body that is a signed token (a JWT or JWS, such as a security event
   * or a registration request), or null: its signature authenticates the sender.
   */
  private static String signedBody(Operation operation) {
    List<MediaType> content = operation.requestContent();
    for (MediaType type : content) {
      if (!MediaTypes.isSignedToken(type.name())) {
        return null;
      }
    }
    return content.isEmpty() ? null : content.get(0).name();
  }

  /**
   * The non-empty alternatives of the security, named by their schemes: "BearerAuthOAuth" or "oauth
   * or apiKey".
   */
  private static String required(SecurityRequirements security) {
    List<String> alternatives = new ArrayList<>();
    for (SecurityRequirements.Requirement requirement : security.alternatives()) {
      if (!requirement.isAnonymous()) {
        alternatives.add(String.join(" and ", requirement.schemes().keySet()));
      }
    }
    return "'" + String.join("' or '", alternatives) + "'";
  }

  /**
   * The vendor extension (such as CDR's x-scopes) in which the document's operations state their
   * authorization, or null when none does: an operation without it is public by that convention.
   */
  private String vendorConvention(ApiDocument document) {
    if (vendorConvention == null) {
      vendorConvention = "";
      for (Operation other : document.operations()) {
        SecurityRequirements security = other.security();
        if (security != null && security.isVendorConvention()) {
          vendorConvention = security.convention();
          break;
        }
      }
    }
    return vendorConvention.isEmpty() ? null : vendorConvention;
  }

  /**
   * The operation's summary or description says that it needs no authentication, or that it is
   * public.
   */
  private static boolean saysPublic(Operation operation) {
    for (String field : List.of("summary", "description")) {
      String text = operation.node().text(field);
      if (text != null && mayStatePublic(text) && PUBLIC_STATEMENT.matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The operation's summary or description says that it is called on a presigned URL (object
   * storage's upload and download links), whose signature authorizes the call.
   */
  private static boolean saysPresigned(Operation operation) {
    for (String field : List.of("summary", "description")) {
      String text = operation.node().text(field);
      if (text != null) {
        String lower = Words.lower(text);
        if (lower.contains("presigned")
            || lower.contains("pre-signed")
            || lower.contains("signed url")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the text has what every match of {@link #PUBLIC_STATEMENT} spells: a negation and a
   * credential word after a space, "unauthenticated ", "anonymous ", or "public" or "publicly"
   * before a noun of {@link #PUBLIC_NOUNS} (that expression ignores ASCII case; lower case in the
   * root locale finds at least as much). Most descriptions skip the expression, which tries its
   * word boundary and alternatives at every position (GitHub: 2,360 summaries and descriptions of
   * operations, 237 of 120 kB left with "public" alone, 47 of 28 kB with its nouns).
   */
  private static boolean mayStatePublic(String text) {
    String lower = Words.lower(text);
    boolean negation =
        lower.contains("no ")
            || lower.contains("without ")
            || lower.contains("not require")
            || lower.contains("not need");
    boolean credentialWord =
        lower.contains(" authenti")
            || lower.contains(" authori")
            || lower.contains(" access token")
            || lower.contains(" credentials");
    return (negation && credentialWord)
        || lower.contains("unauthenticated ")
        || lower.contains("anonymous ")
        || namesPublicAccess(lower);
  }

  /**
   * Whether "public " or "publicly " comes right before one of {@link #PUBLIC_NOUNS} in the
   * lower-case text: "public repositories" and "public key", frequent in GitHub's descriptions, do
   * not.
   */
  private static boolean namesPublicAccess(String lower) {
    for (int at = lower.indexOf("public"); at >= 0; at = lower.indexOf("public", at + 1)) {
      int next = at + "public".length();
      if (lower.startsWith("ly", next)) {
        next += "ly".length();
      }
      if (!lower.startsWith(" ", next)) {
        continue;
      }
      for (String noun : PUBLIC_NOUNS) {
        if (lower.startsWith(noun, next + 1)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * "its 'security'" or "the document-wide 'security' it inherits": where the problem is to be
   * fixed.
   */
  private static String whose(Operation operation) {
    return operation.node().has("security")
        ? "its 'security'"
        : "the document-wide 'security' it inherits";
  }

  /**
   * What is declared and what to do: documents often declare their schemes and never require them,
   * and then the fix is one document-wide 'security'.
   */
  private static String declaredSchemes(Operation operation) {
    List<String> names = List.copyOf(operation.document().securitySchemes().keySet());
    if (names.isEmpty()) {
      return " and the document declares no security scheme. Declare one and require it on the operation or for the "
          + "whole document.";
    }
    return ", although the document declares the security scheme"
        + (names.size() == 1 ? " '" : "s '")
        + String.join("', '", names)
        + "'. Require "
        + (names.size() == 1 ? "it" : "one of them")
        + " on the "
        + "operation, or for every operation with a document-wide 'security'.";
  }
}
