package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Set;

/**
 * Parameter names that read as a credential ({@code password}, {@code api_key}, {@code
 * access_token}, a session id), and the words that make such a name about something else (a page
 * token, a secret's name).
 */
public final class CredentialNames {
  private static final List<String> CREDENTIAL_TERMS =
      List.of(
          "password",
          "passwd",
          "client_secret",
          "secret",
          "access_token",
          "refresh_token",
          "id_token",
          "token",
          "api_key",
          "apikey",
          "pin",
          "otp",
          "passcode");

  /**
   * Whole names that carry a session. A bare "session" or "sid" is usually a resource filter or id
   * (Stripe's ?session=, Twilio's AccountSid), so only the unambiguous names count.
   */
  private static final List<String> SESSION_NAMES =
      List.of(
          "jsessionid", "phpsessid", "session_token", "session_key", "sessiontoken", "sessionkey");

  /**
   * Words before "token" that make it a pagination, idempotency or change-tracking marker, not a
   * credential.
   */
  private static final Set<String> NON_CREDENTIAL_TOKEN_PREFIXES =
      Set.of(
          "page",
          "next",
          "prev",
          "previous",
          "continuation",
          "cursor",
          "sync",
          "resume",
          "start",
          "pagination",
          "paging",
          "skip",
          "delta",
          "idempotency",
          "client",
          "request",
          "marker",
          "change",
          "changes",
          "notification",
          "verify",
          "verification",
          "invite",
          "invitation",
          "confirmation",
          "reset",
          "unsubscribe",
          "captcha",
          "share",
          "download",
          "upload",
          "watch",
          "batch",
          "job",
          "task",
          "link");

  /**
   * Last words that make the parameter about a credential rather than the credential itself:
   * secret_name, token_type, the identifier of a stored key (api_key_uuid, token_reference), a
   * setting (password_validity_days).
   */
  private static final Set<String> DESCRIPTIVE_SUFFIXES =
      Set.of(
          "name",
          "names",
          "id",
          "ids",
          "uuid",
          "guid",
          "reference",
          "ref",
          "type",
          "types",
          "count",
          "hint",
          "url",
          "uri",
          "status",
          "policy",
          "enabled",
          "required",
          "length",
          "format",
          "expiry",
          "expires",
          "expiration",
          "days",
          "version",
          "label",
          "description",
          "strength",
          "rule",
          "rules",
          "prefix",
          "query",
          "filter",
          "search");

  private CredentialNames() {}

  /** The credential term the name contains ({@code token}, {@code api_key}, ...), or null. */
  public static String matchingTerm(String name) {
    return Words.matchingTerm(name, CREDENTIAL_TERMS);
  }

  /** How the name reads as a credential ("named like 'token'"), or null. */
  public static String credentialTerm(String name, String in) {
    if (Words.isAny(name, SESSION_NAMES) && in.equals("query")) {
      return "named like a session identifier";
    }
    List<String> words = Words.split(name);
    if (words.isEmpty() || DESCRIPTIVE_SUFFIXES.contains(words.get(words.size() - 1))) {
      return null;
    }
    String term = Words.matchingTerm(name, CREDENTIAL_TERMS);
    if (term == null) {
      return null;
    }
    if (term.equals("token")) {
      int index = words.indexOf("token");
      if (index < 0) {
        index = words.indexOf("tokens");
      }
      if (index > 0 && NON_CREDENTIAL_TOKEN_PREFIXES.contains(words.get(index - 1))) {
        return null;
      }
    }
    return "named like '" + term + "'";
  }

  /**
   * A parameter that carries the operation's credential outside any scheme: a header named like a
   * key or token (X-Api-Key, X-Auth-Token) or a required query parameter named so (api_key); null
   * when there is none. The operation is not public then, only its authentication is undeclared.
   */
  public static Parameter parameterOf(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      String in = parameter.in();
      boolean header =
          in.equals("header")
              && (credentialTerm(parameter.name(), in) != null
                  || Words.split(parameter.name()).contains("authentication"));
      boolean query =
          in.equals("query")
              && parameter.required()
              && credentialTerm(parameter.name(), in) != null;
      if (header || query) {
        return parameter;
      }
    }
    return null;
  }
}
