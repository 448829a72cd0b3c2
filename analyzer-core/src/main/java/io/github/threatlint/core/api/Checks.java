package io.github.threatlint.core.api;

/**
 * The node kinds a rule can subscribe to. The walker calls each rule only for the kinds it
 * implements, once per node at the place the node is written ({@code $ref}s are not followed, so a
 * shared component is checked once, at its definition).
 */
public final class Checks {
  private Checks() {}

  /** Called once per document, before the walk; for checks on the whole document. */
  public interface DocumentCheck extends Rule {
    void checkDocument(ApiDocument document, RuleContext context);
  }

  /**
   * Called once per document, after the walk: for checks that gather facts while the walk visits
   * the document (references, operations, ...) and can only judge once everything was seen.
   */
  public interface DocumentEndCheck extends Rule {
    void finishDocument(ApiDocument document, RuleContext context);
  }

  /** Every operation: under paths, 3.1 webhooks and callbacks (see {@link Operation#kind()}). */
  public interface OperationCheck extends Rule {
    void checkOperation(Operation operation, RuleContext context);
  }

  /** The operations under {@code paths} only: no webhook, no callback. */
  public interface PathOperationCheck extends Rule {
    void checkPathOperation(Operation operation, RuleContext context);
  }

  /**
   * Every documented response of every operation, with its operation ({@link
   * Response#operation()}). A response defined once and used by many operations is checked once per
   * status it is used under, with the first operation that uses it so: report on {@link
   * Response#node()}, where it is written.
   */
  public interface ResponseCheck extends Rule {
    void checkResponse(Response response, RuleContext context);
  }

  /**
   * Every parameter definition where it is written: inline in a path item or operation, or in
   * {@code components/parameters} / 2.0 {@code parameters}.
   */
  public interface ParameterCheck extends Rule {
    void checkParameter(Parameter parameter, RuleContext context);
  }

  /** Every declared security scheme. */
  public interface SecuritySchemeCheck extends Rule {
    void checkSecurityScheme(SecurityScheme scheme, RuleContext context);
  }

  /** Every server (see {@link ApiDocument#servers()}). */
  public interface ServerCheck extends Rule {
    void checkServer(Server server, RuleContext context);
  }

  /**
   * Every schema where it is written, nested ones included (properties, items, composition, ...).
   * Use {@link SchemaVisit#usage()} to tell inputs from outputs.
   */
  public interface SchemaCheck extends Rule {
    void checkSchema(SchemaVisit schema, RuleContext context);
  }

  /** Every {@code $ref} the walk meets, in any file of the document. */
  public interface ReferenceCheck extends Rule {
    void checkReference(NodeRef reference, RuleContext context);
  }

  /**
   * Every structural object the walk visits, with its kind: for checks on any description,
   * extension, ...
   */
  public interface NodeCheck extends Rule {
    void checkNode(NodeRef node, NodeKind kind, RuleContext context);
  }
}
