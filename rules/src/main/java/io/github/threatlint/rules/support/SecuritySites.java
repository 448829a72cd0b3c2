package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The places where {@code security} arrays are written, so that a rule judging what is written
 * reports each problem once, where it is: the document-wide array (once, however many operations
 * inherit it) and each operation's own array.
 */
public final class SecuritySites {
  private SecuritySites() {}

  /**
   * A {@code security} array where it is written.
   *
   * @param security the array
   * @param owner the operation that declares it, or null for the document-wide array
   * @param governed the operations it applies to: the owner, or the path operations without their
   *     own array
   */
  public record Site(SecurityRequirements security, Operation owner, List<Operation> governed) {
    public boolean isGlobal() {
      return owner == null;
    }

    /**
     * How messages name the place: "the document-wide 'security'" or "the 'security' of GET /a".
     */
    public String where() {
      return owner == null ? "the document-wide 'security'" : "the 'security' of " + owner.label();
    }

    /** {@link #where()} at the start of a sentence. */
    public String whereCapitalized() {
      String where = where();
      return Character.toUpperCase(where.charAt(0)) + where.substring(1);
    }
  }

  /**
   * The document-wide array first (when there is one), then each operation's own, in document
   * order.
   */
  public static List<Site> of(ApiDocument document) {
    List<Site> sites = new ArrayList<>();
    SecurityRequirements global = document.globalSecurity();
    if (global != null) {
      List<Operation> inheriting = new ArrayList<>();
      for (Operation operation : document.operations()) {
        if (inheritsGlobal(operation)) {
          inheriting.add(operation);
        }
      }
      sites.add(new Site(global, null, List.copyOf(inheriting)));
    }
    for (Operation operation : document.allOperations()) {
      if (!inheritsGlobal(operation)) {
        sites.add(
            new Site(
                new SecurityRequirements(operation.node().get("security")),
                operation,
                List.of(operation)));
      }
    }
    return sites;
  }

  /**
   * Each scheme that some security requirement of the document (its own or an operation's) names,
   * with the scopes the requirements ask for it (none for a scheme without scopes).
   */
  public static Map<String, Set<String>> requiredScopes(ApiDocument document) {
    Map<String, Set<String>> scopes = new HashMap<>();
    for (Site site : of(document)) {
      for (Requirement requirement : site.security().alternatives()) {
        for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
          scopes.computeIfAbsent(entry.getKey(), key -> new HashSet<>()).addAll(entry.getValue());
        }
      }
    }
    return scopes;
  }

  /**
   * True when some security requirement of the document (its own or an operation's) names the
   * scheme.
   */
  public static boolean requires(ApiDocument document, String scheme) {
    return requiredScopes(document).containsKey(scheme);
  }

  /** True when the operation declares no {@code security} of its own. */
  public static boolean inheritsGlobal(Operation operation) {
    return operation.node().get("security") == null;
  }

  /**
   * Where a finding about one scheme of an operation's effective requirement belongs: the scheme's
   * entry when the operation declares its own {@code security}, else the operation itself (the
   * document-wide array is shared, and its line says nothing about which operation is meant).
   */
  public static NodeRef locate(Operation operation, Requirement requirement, String scheme) {
    if (inheritsGlobal(operation)) {
      return operation.node();
    }
    NodeRef entry = requirement.schemeNode(scheme);
    return entry != null ? entry : requirement.node();
  }

  /**
   * "inherits the document-wide requirement" or "requires", for messages about an operation's
   * effective security.
   */
  public static String requiresVerb(Operation operation) {
    return inheritsGlobal(operation) ? "inherits the document-wide requirement" : "requires";
  }

  /**
   * A requirement as messages show it: {@code OAuth2 [read, write] + ApiKey}; {@code {}} for the
   * empty one.
   */
  public static String describe(Requirement requirement) {
    if (requirement.isAnonymous()) {
      return "{}";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> scheme : requirement.schemes().entrySet()) {
      parts.add(
          scheme.getValue().isEmpty()
              ? scheme.getKey()
              : scheme.getKey() + " " + scheme.getValue());
    }
    return String.join(" + ", parts);
  }

  /**
   * The node of one scope in a requirement's scope list, or the list when the scope is not found.
   */
  public static NodeRef scopeNode(Requirement requirement, String scheme, String scope) {
    NodeRef list = requirement.schemeNode(scheme);
    if (list == null) {
      return requirement.node();
    }
    for (NodeRef element : list.elements()) {
      if (element.node().isTextual() && element.node().textValue().equals(scope)) {
        return element;
      }
    }
    return list;
  }

  /**
   * Where a scope is declared: its entry in the first flow of the scheme that declares it, else the
   * scheme.
   */
  public static NodeRef scopeDeclaration(SecurityScheme scheme, String scope) {
    for (OAuthFlow flow : scheme.flows()) {
      NodeRef scopes = flow.scopesNode();
      if (scopes != null && scopes.get(scope) != null) {
        return scopes.get(scope);
      }
    }
    return scheme.entry();
  }

  /**
   * Where a finding about one flow belongs: the flow's key under {@code flows} (OpenAPI 3), or the
   * scheme's {@code flow} value (Swagger 2.0, where the scheme is the flow).
   */
  public static NodeRef flowLocation(SecurityScheme scheme, OAuthFlow flow) {
    return flow.location();
  }

  /** Where schemes are declared, as messages name it. */
  public static String schemesContainer(ApiDocument document) {
    return document.version().securitySchemesLocation();
  }

  /** The elements of a list as a short English enumeration: "a", "a and b", "a, b and c". */
  public static String enumerate(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /**
   * The first three items as {@link #enumerate} lists them, and how many more ({@code a, b, c and 4
   * more}): a message that names a long list stays readable.
   */
  public static String enumerateFirst(List<String> items) {
    if (items.size() <= 3) {
      return enumerate(items);
    }
    return String.join(", ", items.subList(0, 3)) + " and " + (items.size() - 3) + " more";
  }
}
