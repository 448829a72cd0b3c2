package io.github.threatlint.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One OAuth2 flow. {@code kind} uses the OAS 3 names ({@code implicit}, {@code password}, {@code
 * clientCredentials}, {@code authorizationCode}, {@code deviceAuthorization}); {@code node} holds
 * the URLs and {@code scopes} (for Swagger 2.0 that is the scheme itself); {@code location} is
 * where a finding about the flow as a whole is shown: the flow object (OAS 3), the scheme's {@code
 * flow} value (Swagger 2.0, where the scheme is the flow).
 */
public record OAuthFlow(String kind, NodeRef node, NodeRef location) {

  /** Swagger 2.0 {@code flow} values in OAS 3 names. */
  static String fromSwagger2(String flow) {
    switch (flow) {
      case "application":
        return "clientCredentials";
      case "accessCode":
        return "authorizationCode";
      default:
        return flow;
    }
  }

  public String authorizationUrl() {
    return node.text("authorizationUrl");
  }

  public String tokenUrl() {
    return node.text("tokenUrl");
  }

  public String refreshUrl() {
    return node.text("refreshUrl");
  }

  /** The {@code scopes} object, or null when absent. */
  public NodeRef scopesNode() {
    return node.get("scopes");
  }

  /** Declared scopes with their descriptions (null when a description is not a string). */
  public Map<String, String> scopes() {
    Map<String, String> scopes = new LinkedHashMap<>();
    NodeRef container = scopesNode();
    if (container != null) {
      for (Map.Entry<String, NodeRef> entry : container.members()) {
        scopes.put(
            entry.getKey(),
            entry.getValue().node().isTextual() ? entry.getValue().node().textValue() : null);
      }
    }
    return scopes;
  }
}
