package io.github.threatlint.core.api;

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
    for (Map.Entry<String, NodeRef> entry : content.members()) {
      NodeRef mediaType = entry.getValue();
      types.add(
          new MediaType(
              entry.getKey(), mediaType, mediaType.isObject() ? mediaType.get("schema") : null));
    }
    return types;
  }
}
