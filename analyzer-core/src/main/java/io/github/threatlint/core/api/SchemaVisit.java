package io.github.threatlint.core.api;

/**
 * A schema as the walk meets it.
 *
 * @param node the schema where it is written (may itself be a {@code $ref})
 * @param propertyName the property it describes when it sits under {@code properties}, else null
 * @param parent the schema it is nested in, or null for a top-level schema
 * @param keyword how it is nested in its parent ({@code properties}, {@code items}, {@code allOf},
 *     ...), or null
 * @param document the document, for resolving references and reading usage
 */
public record SchemaVisit(
    NodeRef node, String propertyName, SchemaVisit parent, String keyword, ApiDocument document) {

  /**
   * Read from clients (parameters, request bodies), or of unknown use (a document without
   * operations): judged as an input. A schema that the document's operations do not reach is not.
   */
  public boolean isInput() {
    return document.schemaUsage().isInputOrUnknown(node);
  }

  /** Returned to clients (responses, response headers). */
  public boolean isOutput() {
    return document.schemaUsage().isOutput(node);
  }

  /** Nothing says how the schema is used: the document has no operations (a library of schemas). */
  public boolean isUnknownUse() {
    return document.schemaUsage().isUnknown(node);
  }

  /**
   * The flags of {@link io.github.threatlint.core.api.SchemaUsage}: 0 unknown, 1 input, 2 output, 3
   * both.
   */
  public int usage() {
    return document.schemaUsage().flags(node);
  }

  /**
   * A parameter visited as a top-level schema: Swagger 2.0 parameters other than a body carry their
   * type and validation keywords inline, so the walk visits every 2.0 parameter as a schema.
   */
  public boolean isParameter() {
    return document.isSwagger2() && parent == null && node.has("in") && node.has("name");
  }

  /** A branch of an {@code allOf}, inline or referenced: one part of a composed schema. */
  public boolean isCompositionMember() {
    return document.schemaUsage().isCompositionMember(node);
  }

  /**
   * The whole body of a request (not a nested property): see {@link
   * io.github.threatlint.core.api.SchemaUsage#isRequestRoot}.
   */
  public boolean isRequestRoot() {
    return document.schemaUsage().isRequestRoot(node);
  }
}
