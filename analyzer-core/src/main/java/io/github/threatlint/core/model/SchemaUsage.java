package io.github.threatlint.core.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether each schema (at the place it is written) is read from clients (an input: parameters and
 * request bodies), returned to them (an output: responses and their headers), or both. Computed
 * once per document by following every operation's schemas through {@code $ref}, composition,
 * items and properties. A schema no operation reaches has an unknown use, and rules judge it as
 * an input.
 */
public final class SchemaUsage {
  public static final int INPUT = 1;
  public static final int OUTPUT = 2;

  private final Map<NodeRef, Integer> flags = new HashMap<>();

  private SchemaUsage() {}

  static SchemaUsage compute(ApiDocument document) {
    SchemaUsage usage = new SchemaUsage();
    Deque<NodeRef> pending = new ArrayDeque<>();
    for (Operation operation : document.allOperations()) {
      // callbacks and webhooks are requests the API sends: their bodies are outputs and their responses inputs
      boolean outbound = operation.kind() != Operation.Kind.PATH;
      int request = outbound ? OUTPUT : INPUT;
      int response = outbound ? INPUT : OUTPUT;
      for (Parameter parameter : operation.parameters()) {
        usage.mark(document, parameter.schema(), request, pending);
        NodeRef content = parameter.node().get("content");
        if (content != null) {
          for (MediaType type : MediaType.content(content)) {
            usage.mark(document, type.schema(), request, pending);
          }
        }
      }
      for (MediaType type : operation.requestContent()) {
        usage.mark(document, type.schema(), request, pending);
      }
      for (Response reply : operation.responses()) {
        for (MediaType type : reply.content()) {
          usage.mark(document, type.schema(), response, pending);
        }
        for (NodeRef header : reply.headers().values()) {
          usage.mark(document, header.has("schema") ? header.get("schema") : header, response, pending);
        }
      }
    }
    return usage;
  }

  private void mark(ApiDocument document, NodeRef schema, int flag, Deque<NodeRef> pending) {
    if (schema == null) {
      return;
    }
    pending.push(schema);
    while (!pending.isEmpty()) {
      NodeRef current = pending.pop();
      int before = flags.getOrDefault(current, 0);
      if ((before & flag) != 0) {
        continue;
      }
      flags.put(current, before | flag);
      if (current.isRef()) {
        Resolution step = document.step(current);
        if (step.resolved()) {
          pending.push(step.target());
        }
        continue;
      }
      for (Subschema child : Subschema.of(current)) {
        pending.push(child.schema());
      }
    }
  }

  /** The flags of the schema written at this place; 0 when no operation reaches it. */
  public int flags(NodeRef schema) {
    return flags.getOrDefault(schema, 0);
  }

  /** An input, or a schema whose use is unknown (judged as an input). */
  public boolean isInputOrUnknown(NodeRef schema) {
    int value = flags(schema);
    return value == 0 || (value & INPUT) != 0;
  }

  public boolean isInput(NodeRef schema) {
    return (flags(schema) & INPUT) != 0;
  }

  public boolean isOutput(NodeRef schema) {
    return (flags(schema) & OUTPUT) != 0;
  }
}
