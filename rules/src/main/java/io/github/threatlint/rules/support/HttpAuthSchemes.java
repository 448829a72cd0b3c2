package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.SecurityScheme;
import java.util.Map;
import java.util.Set;

/**
 * HTTP authentication schemes ({@code type: http}, {@code scheme: ...}): the registered ones, and
 * the weak ones with why.
 */
public final class HttpAuthSchemes {
  /** The IANA HTTP Authentication Scheme Registry, in lower case. */
  private static final Set<String> REGISTERED =
      Set.of(
          "basic",
          "bearer",
          "concealed",
          "digest",
          "dpop",
          "gnap",
          "hoba",
          "mutual",
          "negotiate",
          "oauth",
          "privatetoken",
          "scram-sha-1",
          "scram-sha-256",
          "vapid");

  private static final Map<String, String> WEAK =
      Map.of(
          "digest",
              "HTTP Digest relies on MD5 or SHA-256 hashes of the password that the server must store in a recoverable form",
          "negotiate", "Negotiate (SPNEGO) falls back to NTLM and ties the API to a Windows domain",
          "ntlm",
              "NTLM is a deprecated challenge-response protocol open to relay and pass-the-hash attacks",
          "oauth", "OAuth 1.0 is retired and relies on shared client secrets in every signature");

  private HttpAuthSchemes() {}

  /** Why an HTTP authentication scheme is weak, or null when it is not known to be. */
  public static String weakness(String name) {
    return WEAK.get(name);
  }

  /**
   * True for an OpenAPI 3 http scheme that is weak or not registered with IANA (what
   * http-insecure-scheme reports).
   */
  public static boolean isWeakOrUnregistered(SecurityScheme scheme) {
    // Swagger 2.0 has no http schemes other than basic, which http-basic-auth reports
    String name = scheme.httpScheme();
    if (!"http".equals(scheme.type()) || name == null || name.equals("basic")) {
      return false;
    }
    return WEAK.containsKey(name) || !REGISTERED.contains(name);
  }
}
