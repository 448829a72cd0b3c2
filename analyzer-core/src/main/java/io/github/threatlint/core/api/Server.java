package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server the API is offered on. For OAS 3 a {@code servers} entry (root, path item or operation);
 * for Swagger 2.0 {@code scheme://host/basePath} built from the document, located on the scheme
 * entry, else on {@code host}, else on the root.
 *
 * @param url the URL as written (OAS 3) or as composed (Swagger 2.0)
 * @param node the {@code servers} entry (OAS 3); the {@code schemes} entry, else {@code host}
 *     (Swagger 2.0)
 * @param level {@code root}, {@code path} or {@code operation}
 * @param composed true when the URL is composed from Swagger 2.0 {@code schemes}, {@code host} and
 *     {@code basePath} rather than written as one: messages then name those fields, and such a
 *     server has no description
 */
public record Server(String url, String description, NodeRef node, String level, boolean composed) {

  /**
   * Where a finding about the URL (its scheme) is shown: the {@code url} member (OAS 3), the {@code
   * schemes} entry or {@code host} (Swagger 2.0).
   */
  public NodeRef urlNode() {
    return composed ? node : node.get("url");
  }

  /**
   * Where a finding about the host is shown: the {@code url} member (OAS 3), {@code host} (Swagger
   * 2.0; null when the document names none). Several 2.0 servers share it.
   */
  public NodeRef hostNode() {
    return composed ? NodeRef.root(node.file()).get("host") : node.get("url");
  }

  static List<Server> collect(ApiDocument document) {
    List<Server> servers = new ArrayList<>();
    NodeRef root = document.root();
    if (document.isSwagger2()) {
      String host = root.text("host");
      String basePath = root.text("basePath");
      String rest = (host == null ? "" : host) + (basePath == null ? "" : basePath);
      NodeRef schemes = root.get("schemes");
      if (schemes != null && schemes.node().isArray() && !schemes.node().isEmpty()) {
        for (NodeRef scheme : schemes.elements()) {
          if (scheme.node().isTextual()) {
            servers.add(
                new Server(scheme.node().textValue() + "://" + rest, null, scheme, "root", true));
          }
        }
      } else if (host != null) {
        servers.add(new Server("//" + rest, null, root.get("host"), "root", true));
      }
      return servers;
    }
    addServers(servers, root.get("servers"), "root");
    NodeRef paths = root.get("paths");
    if (paths != null) {
      for (Map.Entry<String, NodeRef> path : paths.members()) {
        NodeRef item = path.getValue();
        addServers(servers, item.get("servers"), "path");
        for (String method : Operation.METHODS) {
          NodeRef operation = item.get(method);
          if (operation != null) {
            addServers(servers, operation.get("servers"), "operation");
          }
        }
      }
    }
    return servers;
  }

  private static void addServers(List<Server> servers, NodeRef list, String level) {
    if (list == null) {
      return;
    }
    for (NodeRef entry : list.elements()) {
      JsonNode url = entry.node().get("url");
      if (url != null && url.isTextual()) {
        servers.add(new Server(url.textValue(), entry.text("description"), entry, level, false));
      }
    }
  }
}
