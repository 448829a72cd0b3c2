package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.CredentialNames;
import io.github.threatlint.rules.support.DocumentWide;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "credentials-in-url",
    title = "Credential in a query or path parameter",
    description =
        "A query or path parameter named like a credential (password, secret, token, api_key, client_secret, "
            + "session id, PIN, OTP) or with format: password. URLs are written to logs, proxies, browser history and "
            + "Referer headers, so the credential leaks. The same credential parameter written into several operations is "
            + "one finding for the document, naming the first of them.",
    level = Level.ERROR,
    owasp2023 = {"API2", "API8"},
    owasp2019 = {"API2", "API3"},
    sftiAreas = {"DS", "AAA"},
    sftiScenarios = {"Information leakage, integrity violation", "Account hijacking"},
    securitySeverity = 7.5,
    precision = "high",
    section = "auth")
public final class CredentialsInUrl implements Checks.DocumentCheck {
  /**
   * Words of a path segment that make a bare token in its URL a one-time link token, as e-mails
   * carry them (/verify/{token}, /invitations/accept/{token}, /reset-password/{token}), not a
   * credential of the API: the same kinds of token that {@link CredentialNames} leaves out when the
   * name says it (verifyToken).
   */
  private static final Set<String> ONE_TIME_LINK_WORDS =
      Set.of(
          "verify",
          "verified",
          "verification",
          "verifications",
          "confirm",
          "confirmation",
          "confirmations",
          "invite",
          "invites",
          "invitation",
          "invitations",
          "reset",
          "unsubscribe");

  /** A credential parameter as one operation declares it (its definition may be shared). */
  private record Use(Parameter parameter, Operation operation, String reason) {}

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // each definition once (a shared component used by many operations is one), by its name
    Map<String, Map<NodeRef, Use>> byName = new LinkedHashMap<>();
    for (Operation operation : document.operations()) {
      for (Parameter parameter : operation.parameters()) {
        String reason = reason(parameter, operation.pathTemplate());
        if (reason != null) {
          String name = parameter.in() + " " + parameter.name();
          Map<NodeRef, Use> definitions = byName.get(name);
          if (definitions == null) {
            definitions = new LinkedHashMap<>();
            byName.put(name, definitions);
          }
          definitions.putIfAbsent(parameter.node(), new Use(parameter, operation, reason));
        }
      }
    }
    for (Map<NodeRef, Use> definitions : byName.values()) {
      Use first = definitions.values().iterator().next();
      String carries =
          " carries a credential ("
              + first.reason()
              + "): URLs are kept in logs, proxies, browser history and Referer "
              + "headers. Send it in a header, the request body, or replace it with an OAuth2 access token in the "
              + "Authorization header.";
      String parameter =
          "The " + first.parameter().in() + " parameter '" + first.parameter().name() + "'";
      if (definitions.size() == 1) {
        context.report(first.parameter().node(), "name", parameter + carries);
        continue;
      }
      // the same credential written into several operations is one way of authenticating, fixed
      // once for the document: one finding, naming the first operations
      Set<Operation> distinct = new LinkedHashSet<>();
      for (Use use : definitions.values()) {
        distinct.add(use.operation());
      }
      List<Operation> operations = List.copyOf(distinct);
      context.report(
          DocumentWide.place(document),
          parameter
              + " of "
              + operations.size()
              + " operations ("
              + DocumentWide.firstOf(operations)
              + ")"
              + carries);
    }
  }

  /**
   * Why the parameter carries a credential in the URL of the given path, or null when it does not.
   */
  private static String reason(Parameter parameter, PathTemplate path) {
    String in = parameter.in();
    if (!in.equals("query") && !in.equals("path")) {
      return null;
    }
    String name = parameter.name();
    NodeRef schema = parameter.schema();
    String reason =
        canHoldCredential(schema, name) ? CredentialNames.credentialTerm(name, in) : null;
    boolean linkToken = "token".equals(CredentialNames.matchingTerm(name)) && isOneTimeLink(path);
    if (reason != null && (mentionsPagination(parameter.node().text("description")) || linkToken)) {
      reason = null;
    }
    if (reason == null && schema != null && "password".equals(schema.text("format"))) {
      reason = "format: password";
    }
    return reason;
  }

  /**
   * True when a fixed segment of the path names a verification, confirmation, invitation or reset
   * link.
   */
  private static boolean isOneTimeLink(PathTemplate path) {
    for (String segment : path.fixedSegments()) {
      for (String word : Words.split(segment)) {
        if (ONE_TIME_LINK_WORDS.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * False for values that cannot be a secret: flags ({@code rotateManagerToken: boolean}), numbers
   * ({@code pinLat}), arrays and objects. Integers stay possible for numeric codes (PIN, OTP).
   */
  private static boolean canHoldCredential(NodeRef schema, String name) {
    String type = schema == null ? null : schema.text("type");
    if (type == null
        && schema != null
        && schema.node().has("type")
        && schema.node().get("type").isArray()
        && !schema.node().get("type").isEmpty()) {
      type = schema.node().get("type").get(0).asText(); // OpenAPI 3.1: [string, "null"]
    }
    if (type == null || type.equals("string")) {
      return true;
    }
    return type.equals("integer") && Words.containsAny(name, NUMERIC_CODES);
  }

  private static final List<String> NUMERIC_CODES = List.of("pin", "otp", "passcode");

  private static boolean mentionsPagination(String description) {
    List<String> words = Words.split(description);
    return words.contains("pagination")
        || words.contains("paginate")
        || words.contains("cursor")
        || (words.contains("next") && words.contains("page"));
  }
}
