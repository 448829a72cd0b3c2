package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.SpecVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "security-scheme-malformed",
    title = "Incomplete or invalid security scheme",
    description =
        "A security scheme that cannot be enforced as written: apiKey without 'name' or 'in', http without "
            + "'scheme', oauth2 without flows or a flow without its required URLs or scopes, openIdConnect without its URL, "
            + "or a type the specification version does not know.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API2", "API8"},
    owasp2019 = {"API2", "API7"},
    sftiAreas = {"AAA"},
    sftiScenarios = {"Unauthorized access to data", "Buggy APIs get to production"},
    securitySeverity = 6.0,
    precision = "very-high",
    section = "auth")
public final class SecuritySchemeMalformed implements Checks.SecuritySchemeCheck {
  /** OpenAPI 3 flows with the URLs each requires. */
  private static final Map<String, List<String>> OAS3_FLOW_URLS =
      Map.of(
          "implicit", List.of("authorizationUrl"),
          "password", List.of("tokenUrl"),
          "clientCredentials", List.of("tokenUrl"),
          "authorizationCode", List.of("authorizationUrl", "tokenUrl"),
          "deviceAuthorization", List.of("deviceAuthorizationUrl", "tokenUrl"));

  /** Swagger 2.0 flows with the URLs each requires. */
  private static final Map<String, List<String>> SWAGGER2_FLOW_URLS =
      Map.of(
          "implicit", List.of("authorizationUrl"),
          "password", List.of("tokenUrl"),
          "application", List.of("tokenUrl"),
          "accessCode", List.of("authorizationUrl", "tokenUrl"));

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    NodeRef node = scheme.node();
    String type = node.text("type");
    String name = "Security scheme '" + scheme.name() + "'";
    SpecVersion version = scheme.version();
    if (type == null) {
      context.report(
          node, name + " has no 'type'. Give one of " + String.join(", ", types(version)) + ".");
      return;
    }
    if (!types(version).contains(type)) {
      String hint = type.equals("mutualTLS") ? " (mutualTLS exists from OpenAPI 3.1 on)" : "";
      context.report(
          node,
          "type",
          name
              + " has type '"
              + type
              + "', which "
              + version.label()
              + " does not know"
              + hint
              + ". Use one of "
              + String.join(", ", types(version))
              + ".");
      return;
    }
    List<String> problems = new ArrayList<>();
    switch (type) {
      case "apiKey" -> {
        if (isBlank(node.text("name"))) {
          problems.add("no 'name' (the header, query parameter or cookie that carries the key)");
        }
        List<String> places = version.apiKeyLocations();
        String in = node.text("in");
        if (in == null) {
          problems.add("no 'in' (one of " + String.join(", ", places) + ")");
        } else if (!places.contains(in)) {
          problems.add("'in: " + in + "', which is none of " + String.join(", ", places));
        }
      }
      case "http" -> {
        if (isBlank(node.text("scheme"))) {
          problems.add("no 'scheme' (such as bearer)");
        }
      }
      case "openIdConnect" -> {
        if (isBlank(node.text("openIdConnectUrl"))) {
          problems.add("no 'openIdConnectUrl' (the discovery document's URL)");
        }
      }
      case "oauth2" -> {
        // the structure as written is the point here: 2.0 has one flow on the scheme, OAS 3 flows
        if (version.isSwagger2()) {
          checkSwagger2Flow(node, problems);
        } else {
          checkFlows(scheme, context);
          return;
        }
      }
      default -> {}
    }
    if (!problems.isEmpty()) {
      context.report(
          node,
          name
              + " ("
              + type
              + ") has "
              + String.join(", and ", problems)
              + ". Complete it, or clients and "
              + "gateways cannot apply it.");
    }
  }

  private static void checkSwagger2Flow(NodeRef node, List<String> problems) {
    String flow = node.text("flow");
    if (flow == null) {
      problems.add("no 'flow' (implicit, password, application or accessCode)");
      return;
    }
    List<String> urls = SWAGGER2_FLOW_URLS.get(flow);
    if (urls == null) {
      problems.add(
          "'flow: " + flow + "', which is none of implicit, password, application, accessCode");
      return;
    }
    for (String url : urls) {
      if (isBlank(node.text(url))) {
        problems.add("no '" + url + "' (required by the " + flow + " flow)");
      }
    }
    if (node.get("scopes") == null) {
      problems.add("no 'scopes' (required; may be empty)");
    }
  }

  private static void checkFlows(SecurityScheme scheme, RuleContext context) {
    NodeRef flows = scheme.node().get("flows");
    String name = "OAuth2 scheme '" + scheme.name() + "'";
    if (flows == null
        || !flows.isObject()
        || flows.members().stream().noneMatch(flow -> !flow.getKey().startsWith("x-"))) {
      context.report(
          scheme.node(),
          "flows",
          name
              + " declares no flow, so clients cannot know how to obtain a token. "
              + "Add the flows it supports under 'flows' (authorizationCode for user delegation).");
      return;
    }
    for (Map.Entry<String, NodeRef> flow : flows.members()) {
      if (flow.getKey().startsWith("x-")) {
        continue;
      }
      List<String> urls = OAS3_FLOW_URLS.get(flow.getKey());
      if (urls == null
          || (flow.getKey().equals("deviceAuthorization")
              && scheme.version() != SpecVersion.OPENAPI_3_1)) {
        context.report(
            flow.getValue(),
            name
                + " has a flow '"
                + flow.getKey()
                + "', which "
                + scheme.version().label()
                + " does not know. Use implicit, password, clientCredentials or authorizationCode.");
        continue;
      }
      List<String> problems = new ArrayList<>();
      for (String url : urls) {
        if (isBlank(flow.getValue().text(url))) {
          problems.add("no '" + url + "'");
        }
      }
      if (flow.getValue().get("scopes") == null) {
        problems.add("no 'scopes' (required; may be empty)");
      }
      if (!problems.isEmpty()) {
        context.report(
            flow.getValue(),
            "The "
                + flow.getKey()
                + " flow of "
                + name
                + " has "
                + String.join(" and ", problems)
                + ". The flow requires "
                + (urls.isEmpty() ? "" : String.join(" and ", urls) + " and ")
                + "scopes.");
      }
    }
  }

  private static List<String> types(SpecVersion version) {
    return switch (version) {
      case SWAGGER_2_0 -> List.of("basic", "apiKey", "oauth2");
      case OPENAPI_3_0 -> List.of("apiKey", "http", "oauth2", "openIdConnect");
      case OPENAPI_3_1 -> List.of("apiKey", "http", "mutualTLS", "oauth2", "openIdConnect");
    };
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
