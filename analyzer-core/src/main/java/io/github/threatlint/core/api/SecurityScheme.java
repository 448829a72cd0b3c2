package io.github.threatlint.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A declared security scheme, read the same way from OAS 3 {@code securitySchemes} and Swagger 2.0
 * {@code securityDefinitions}: 2.0 {@code basic} reads as type {@code http} with scheme {@code
 * basic}, and a 2.0 OAuth2 {@code flow} as the matching OAS 3 flow.
 *
 * @param name the key it is declared under
 * @param node the definition (resolved)
 * @param entry the entry under the declaring map (a {@code $ref} or the definition itself)
 */
public record SecurityScheme(String name, NodeRef node, NodeRef entry, SpecVersion version) {

  /**
   * {@code apiKey}, {@code http}, {@code oauth2}, {@code openIdConnect}, {@code mutualTLS}, or what
   * is written.
   */
  public String type() {
    String type = node.text("type");
    if (type == null) {
      return "";
    }
    return version.isSwagger2() && type.equals("basic") ? "http" : type;
  }

  /**
   * The HTTP authentication scheme in lower case ({@code basic}, {@code bearer}, ...); null when
   * not http.
   */
  public String httpScheme() {
    if (version.isSwagger2()) {
      return "basic".equals(node.text("type")) ? "basic" : null;
    }
    String scheme = node.text("scheme");
    return scheme == null ? null : scheme.toLowerCase(Locale.ROOT);
  }

  /**
   * The member that names the HTTP scheme, where a finding about it is shown: {@code scheme} (OAS
   * 3), {@code type} (Swagger 2.0 {@code type: basic}).
   */
  public String httpSchemeKey() {
    return version.isSwagger2() ? "type" : "scheme";
  }

  /** True for HTTP Basic: an http scheme 'basic' (OpenAPI 3) or 'type: basic' (Swagger 2.0). */
  public boolean isHttpBasic() {
    return "http".equals(type()) && "basic".equals(httpScheme());
  }

  public boolean isOAuth2() {
    return type().equals("oauth2");
  }

  public boolean isOpenIdConnect() {
    return type().equals("openIdConnect");
  }

  /** True for the schemes whose requirements carry OAuth scopes (OAuth2 and OpenID Connect). */
  public boolean takesScopes() {
    return isOAuth2() || isOpenIdConnect();
  }

  public String description() {
    return node.text("description");
  }

  /**
   * OAuth2 flows; empty for other types. Swagger 2.0 has one flow, located on the scheme itself.
   */
  public List<OAuthFlow> flows() {
    List<OAuthFlow> flows = new ArrayList<>();
    if (!isOAuth2()) {
      return flows;
    }
    if (version.isSwagger2()) {
      String flow = node.text("flow");
      if (flow != null) {
        NodeRef value = node.get("flow");
        flows.add(new OAuthFlow(OAuthFlow.fromSwagger2(flow), node, value));
      }
      return flows;
    }
    NodeRef container = node.get("flows");
    if (container != null) {
      for (Map.Entry<String, NodeRef> entry : container.members()) {
        if (!entry.getKey().startsWith("x-") && entry.getValue().isObject()) {
          flows.add(new OAuthFlow(entry.getKey(), entry.getValue(), entry.getValue()));
        }
      }
    }
    return flows;
  }

  /** Every scope declared in any flow. */
  public List<String> declaredScopes() {
    List<String> scopes = new ArrayList<>();
    for (OAuthFlow flow : flows()) {
      for (String scope : flow.scopes().keySet()) {
        if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    return scopes;
  }
}
