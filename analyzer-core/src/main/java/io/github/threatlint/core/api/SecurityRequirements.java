package io.github.threatlint.core.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code security} array: alternatives, any one of which satisfies the operation. Each alternative
 * is a requirement object naming schemes that must all be satisfied (AND), with the scopes asked.
 *
 * @param node the {@code security} array where it is written (operation or document)
 */
public record SecurityRequirements(NodeRef node) {

  /** One alternative: scheme names with their scopes, and where it is written. */
  public record Requirement(NodeRef node, Map<String, List<String>> schemes) {
    /** An empty requirement {@code {}} makes the operation callable without credentials. */
    public boolean isAnonymous() {
      return schemes.isEmpty();
    }

    /** The node of one scheme's entry (its scope list). */
    public NodeRef schemeNode(String scheme) {
      return node.get(scheme);
    }
  }

  public List<Requirement> alternatives() {
    List<Requirement> alternatives = new ArrayList<>();
    for (NodeRef element : node.elements()) {
      Map<String, List<String>> schemes = new LinkedHashMap<>();
      for (Map.Entry<String, NodeRef> entry : element.members()) {
        List<String> scopes = new ArrayList<>();
        entry.getValue().node().forEach(scope -> {
          if (scope.isTextual()) {
            scopes.add(scope.textValue());
          }
        });
        schemes.put(entry.getKey(), scopes);
      }
      alternatives.add(new Requirement(element, schemes));
    }
    return alternatives;
  }

  /** True when the array is empty ({@code security: []}): no authentication at all. */
  /** True when at least one alternative needs credentials. */
  public boolean requiresCredentials() {
    for (Requirement requirement : alternatives()) {
      if (!requirement.isAnonymous()) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return node.node().isEmpty();
  }

  /** True when no credentials are needed: the array is empty or one alternative is {@code {}}. */
  public boolean allowsAnonymous() {
    if (!node.node().isArray() || node.node().isEmpty()) {
      return true;
    }
    for (Requirement requirement : alternatives()) {
      if (requirement.isAnonymous()) {
        return true;
      }
    }
    return false;
  }
}
