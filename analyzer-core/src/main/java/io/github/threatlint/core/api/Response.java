package io.github.threatlint.core.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A documented response of an operation: its status key, the resolved definition and the entry that
 * named it.
 */
public record Response(Operation operation, String status, NodeRef node, NodeRef entry) {

  /**
   * Where a finding about the response as a whole is shown: the shared definition when the entry is
   * a reference (one finding for every operation that uses it), else the entry as written.
   */
  public NodeRef reportAt() {
    return entry.isRef() ? node : entry;
  }

  /** 2xx (or 2XX). */
  public boolean isSuccess() {
    return status.startsWith("2");
  }

  public boolean isClientError() {
    return status.startsWith("4");
  }

  public boolean isServerError() {
    return status.startsWith("5");
  }

  public boolean isDefault() {
    return status.equalsIgnoreCase("default");
  }

  /** Headers by name as written, resolved; unresolvable ones are left out. */
  public Map<String, NodeRef> headers() {
    Map<String, NodeRef> headers = new LinkedHashMap<>();
    NodeRef container = node.get("headers");
    if (container == null) {
      return headers;
    }
    for (Map.Entry<String, NodeRef> entry : container.members()) {
      NodeRef header = operation.document().deref(entry.getValue());
      if (header != null) {
        headers.put(entry.getKey(), header);
      }
    }
    return headers;
  }

  /** True when a header of this name (case-insensitive) is documented. */
  public boolean hasHeader(String name) {
    NodeRef container = node.get("headers");
    if (container == null) {
      return false;
    }
    // the names only, without a ref per header
    for (Iterator<String> names = container.node().fieldNames(); names.hasNext(); ) {
      if (names.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The response's media types with schemas: OAS 3 {@code content}; Swagger 2.0 the response's
   * {@code schema} under each {@code produces} type (empty when the response has no schema).
   */
  public List<MediaType> content() {
    if (operation.document().isSwagger2()) {
      List<MediaType> types = new ArrayList<>();
      NodeRef schema = node.get("schema");
      if (schema != null) {
        for (String type : operation.swagger2MediaTypes("produces")) {
          types.add(new MediaType(type, node, schema));
        }
      }
      return types;
    }
    return MediaType.content(node.get("content"));
  }

  public String statusUpper() {
    return status.toUpperCase(Locale.ROOT);
  }
}
