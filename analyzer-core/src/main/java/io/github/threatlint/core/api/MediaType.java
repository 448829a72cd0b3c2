package io.github.threatlint.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A media type of a body: its name, the node that declares it (an OAS 3 media type object, or the
 * Swagger 2.0 body parameter or response) and its schema node (not resolved; null when absent).
 */
public record MediaType(String name, NodeRef node, NodeRef schema) {

  /** The entries of an OAS 3 {@code content} object; empty when {@code content} is null. */
  public static List<MediaType> content(NodeRef content) {
    List<MediaType> types = new ArrayList<>();
    if (content == null) {
      return types;
    }
    // read from the node, without NodeRef.members' list and entries: rules ask this of every
    // operation's request and responses
    if (content.isObject()) {
      for (Map.Entry<String, JsonNode> entry : content.node().properties()) {
        NodeRef mediaType = content.member(entry.getKey(), entry.getValue());
        types.add(
            new MediaType(
                entry.getKey(), mediaType, mediaType.isObject() ? mediaType.get("schema") : null));
      }
    }
    return types;
  }
}
