package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an OAuth2 scope name says about the access it grants, read from its words ({@link Words}):
 * {@code accounts:read}, {@code payments.write}, {@code Mail.ReadWrite}, {@code read_only}.
 */
public final class Scopes {
  /** Words that make a scope write-class: it lets the client change data. */
  private static final Set<String> WRITE_WORDS =
      Set.of(
          "write",
          "writes",
          "create",
          "update",
          "delete",
          "remove",
          "modify",
          "manage",
          "edit",
          "initiate",
          "execute",
          "submit",
          "cancel",
          "revoke",
          "approve",
          "upload",
          "send",
          "add",
          "change",
          "mutate",
          "insert",
          "post",
          "put",
          "patch",
          "rw");

  /** Words that make a scope read-class when no write word is present. */
  private static final Set<String> READ_WORDS =
      Set.of("read", "reads", "readonly", "view", "get", "list", "ro");

  /** Words of scope names that say nothing about which resource the scope covers. */
  private static final Set<String> GENERIC_WORDS =
      Set.of(
          "read",
          "write",
          "readonly",
          "readwrite",
          "view",
          "get",
          "list",
          "create",
          "update",
          "delete",
          "modify",
          "manage",
          "edit",
          "admin",
          "all",
          "full",
          "api",
          "access",
          "default",
          "basic",
          "public",
          "private",
          "rw",
          "r",
          "w",
          "ro",
          "only",
          "scope");

  /** OpenID Connect's standard scopes: about the user's identity, not the API's resources. */
  private static final Set<String> OPENID_STANDARD =
      Set.of("openid", "profile", "email", "address", "phone", "offline_access");

  private Scopes() {}

  /**
   * True when the scope lets the client change data ({@code write}, {@code payments.create}, {@code
   * Mail.ReadWrite}).
   */
  public static boolean isWriteClass(String scope) {
    for (String word : Words.split(scope)) {
      if (WRITE_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the scope only reads ({@code read}, {@code accounts:read}, {@code drive.readonly},
   * {@code list}).
   */
  public static boolean isReadClass(String scope) {
    if (isWriteClass(scope)) {
      return false;
    }
    for (String word : Words.split(scope)) {
      if (READ_WORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the scope is a wildcard or admin scope ({@code *}, {@code all}, {@code admin}, {@code
   * full}, a name ending in {@code :*}, {@code .*} or {@code .all}), or null when it is none.
   */
  public static String wildcardReason(String scope) {
    String trimmed = scope.trim();
    if (trimmed.equals("*")
        || trimmed.endsWith(":*")
        || trimmed.endsWith(".*")
        || trimmed.endsWith("/*")) {
      return "a wildcard";
    }
    List<String> words = Words.split(trimmed);
    if (words.isEmpty()) {
      return null;
    }
    if (words.contains("admin") || words.contains("administrator") || words.contains("superuser")) {
      return "an admin scope";
    }
    if (words.contains("full")) {
      return "a full-access scope";
    }
    if (words.get(words.size() - 1).equals("all")) {
      return "an all-access scope";
    }
    return null;
  }

  /**
   * True when every word of the scope is generic: {@code read}, {@code write}, {@code api:access},
   * {@code admin}.
   */
  public static boolean isGeneric(String scope) {
    List<String> words = Words.split(scope);
    if (words.isEmpty()) {
      return scope.trim().equals("*");
    }
    return GENERIC_WORDS.containsAll(words);
  }

  /**
   * True for the standard OpenID Connect scopes ({@code openid}, {@code profile}, {@code email},
   * ...).
   */
  public static boolean isOpenIdStandard(String scope) {
    return OPENID_STANDARD.contains(scope);
  }

  /**
   * A dynamic scope bound to one consent, written as its template: Open Finance Brasil's {@code
   * consent:consentId} (sent as {@code consent:urn:bank:...}), FAPI's {@code consent:{consentId}}.
   * It cannot be listed among a flow's scopes, since each consent makes its own.
   */
  public static boolean isConsentBound(String scope) {
    return scope.toLowerCase(Locale.ROOT).startsWith("consent:");
  }

  /** True when the scopes are every scope (two or more) that the OAuth2 scheme declares. */
  public static boolean demandsEveryScope(SecurityScheme scheme, List<String> scopes) {
    if (scheme == null || !scheme.isOAuth2()) {
      return false;
    }
    List<String> declared = scheme.declaredScopes();
    return declared.size() >= 2 && scopes.containsAll(declared);
  }
}
