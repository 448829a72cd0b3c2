package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code security} array: alternatives, any one of which satisfies the operation. Each
 * alternative is a requirement object naming schemes that must all be satisfied (AND), with the
 * scopes asked.
 *
 * <p>Some standards state an operation's authorization in a vendor extension instead ({@link
 * #VENDOR_CONVENTIONS}): that extension is then the operation's one requirement, named after the
 * extension, so that every rule that asks whether an operation is authenticated sees it.
 *
 * @param node the {@code security} array where it is written (operation or document), or the vendor
 *     extension
 * @param convention the vendor extension the requirement comes from, or null for a {@code security}
 *     array
 */
public record SecurityRequirements(NodeRef node, String convention) {
  /**
   * Vendor extensions that documented standards use for an operation's authorization: Australia's
   * Consumer Data Right lists the OAuth2 scopes of each operation in {@code x-scopes}, and names in
   * {@code x-restricted-access} the only party (REGISTER, AEMO) allowed to call an operation,
   * authenticated with its registered credentials (a party, not a scope: its requirement asks no
   * scope).
   */
  public static final List<String> VENDOR_CONVENTIONS = List.of("x-scopes", "x-restricted-access");

  /** The vendor extension whose values are OAuth2 scopes. */
  private static final String SCOPES_EXTENSION = "x-scopes";

  public SecurityRequirements(NodeRef node) {
    this(node, null);
  }

  /** The requirement a vendor extension of the operation states, or null when it carries none. */
  static SecurityRequirements ofVendorExtension(NodeRef operation) {
    for (String extension : VENDOR_CONVENTIONS) {
      NodeRef value = operation.get(extension);
      boolean stated =
          value != null
              && (value.node().isTextual()
                  ? !value.node().textValue().isBlank()
                  : !value.node().isEmpty());
      if (stated) {
        return new SecurityRequirements(value, extension);
      }
    }
    return null;
  }

  /**
   * True when the requirement comes from a vendor extension rather than a {@code security} array.
   */
  public boolean isVendorConvention() {
    return convention != null;
  }

  /** One alternative: scheme names with their scopes, and where it is written. */
  public record Requirement(NodeRef node, Map<String, List<String>> schemes) {
    /** An empty requirement {@code {}} makes the operation callable without credentials. */
    public boolean isAnonymous() {
      return schemes.isEmpty();
    }

    /**
     * The node of one scheme's entry (its scope list); for a vendor extension, the extension's
     * value.
     */
    public NodeRef schemeNode(String scheme) {
      NodeRef entry = node.get(scheme);
      return entry != null || node.isObject() ? entry : node;
    }
  }

  public List<Requirement> alternatives() {
    if (convention != null) {
      List<String> scopes =
          convention.equals(SCOPES_EXTENSION) ? scopes(node.node()) : new ArrayList<>();
      return List.of(new Requirement(node, Map.of(convention, scopes)));
    }
    // the schemes and scopes read from the nodes, a ref made only for each alternative: rules ask
    // this of every operation, most of which share the document's security
    List<Requirement> alternatives = new ArrayList<>(node.node().size());
    for (NodeRef element : node.elements()) {
      Map<String, List<String>> schemes = new LinkedHashMap<>();
      if (element.isObject()) {
        for (Map.Entry<String, JsonNode> entry : element.node().properties()) {
          schemes.put(entry.getKey(), scopes(entry.getValue()));
        }
      }
      alternatives.add(new Requirement(element, schemes));
    }
    return alternatives;
  }

  /** The text elements of a scope list (none when it is no array). */
  private static List<String> scopes(JsonNode list) {
    List<String> scopes = new ArrayList<>(list.size());
    for (JsonNode scope : list) {
      if (scope.isTextual()) {
        scopes.add(scope.textValue());
      }
    }
    return scopes;
  }

  /** True when at least one alternative needs credentials. */
  public boolean requiresCredentials() {
    if (convention != null) {
      return true;
    }
    if (node.node().isArray()) {
      for (JsonNode alternative : node.node()) {
        if (!isAnonymous(alternative)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the array is empty ({@code security: []}): no authentication at all. */
  public boolean isEmpty() {
    return convention == null && node.node().isEmpty();
  }

  /** True when no credentials are needed: the array is empty or one alternative is {@code {}}. */
  public boolean allowsAnonymous() {
    if (convention != null) {
      return false;
    }
    if (!node.node().isArray() || node.node().isEmpty()) {
      return true;
    }
    for (JsonNode alternative : node.node()) {
      if (isAnonymous(alternative)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link Requirement#isAnonymous} of an alternative as {@link #alternatives} reads it (one that
   * is not an object names no scheme), read from the array: the rules ask this of every operation,
   * and building the alternatives (a map, a scope list and refs per scheme) for a yes or no was 2.4
   * MB of a cold Stripe run's garbage.
   */
  private static boolean isAnonymous(JsonNode alternative) {
    return !alternative.isObject() || alternative.isEmpty();
  }
}
