package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A rule that subscribes to every check and reports each call it receives, as {@code "<check>
 * <what>"} at the place it was given: the findings are a record of the walk. Each message carries
 * the call's number, so that a node handed twice to the rule shows as two findings (identical
 * findings would be merged).
 */
@RuleInfo(
    id = "test-walk-recorder",
    title = "Walk recorder",
    description = "Reports every call of the walk.",
    level = Level.NOTE,
    owasp2023 = {},
    owasp2019 = {},
    sftiAreas = {},
    sftiScenarios = {},
    securitySeverity = 1.0,
    section = "doc")
public final class WalkRecorder
    implements Checks.DocumentCheck,
        Checks.DocumentEndCheck,
        Checks.OperationCheck,
        Checks.PathOperationCheck,
        Checks.ResponseCheck,
        Checks.ParameterCheck,
        Checks.SecuritySchemeCheck,
        Checks.ServerCheck,
        Checks.SchemaCheck,
        Checks.ReferenceCheck,
        Checks.NodeCheck {
  static final List<RuleDescriptor> CATALOG = List.of(new RuleDescriptor(WalkRecorder.class));

  private int calls;

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    record(context, document.root(), "document");
  }

  @Override
  public void finishDocument(ApiDocument document, RuleContext context) {
    record(context, document.root(), "end");
  }

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    record(context, operation.node(), "operation " + operation.label());
  }

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    record(context, operation.node(), "path operation " + operation.label());
  }

  @Override
  public void checkResponse(Response response, RuleContext context) {
    record(
        context,
        response.node(),
        "response " + response.status() + " of " + response.operation().label());
  }

  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    record(context, parameter.node(), "parameter");
  }

  @Override
  public void checkSecurityScheme(SecurityScheme scheme, RuleContext context) {
    record(context, scheme.node(), "scheme " + scheme.name());
  }

  @Override
  public void checkServer(Server server, RuleContext context) {
    record(context, server.node(), "server " + server.url());
  }

  @Override
  public void checkSchema(SchemaVisit schema, RuleContext context) {
    record(context, schema.node(), "schema");
  }

  @Override
  public void checkReference(NodeRef reference, RuleContext context) {
    record(context, reference, "reference");
  }

  @Override
  public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
    record(context, node, "node " + kind);
  }

  private void record(RuleContext context, NodeRef node, String what) {
    context.report(node, what + " #" + ++calls);
  }

  /**
   * The calls of one check of the files named (the first is the root document), as "what
   * file#pointer", in report order.
   */
  static List<String> calls(Path folder, String... files) throws Exception {
    return calls(check(folder, WalkRecorder.CATALOG, files).result().findings());
  }

  static List<String> calls(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.message().replaceAll(" #\\d+$", "") + " " + f.file() + "#" + f.pointer())
        .toList();
  }

  /**
   * Checks the root documents named, relative to {@code folder}, with the rules of {@code catalog}
   * all on.
   */
  static CheckResult check(Path folder, List<RuleDescriptor> catalog, String... files)
      throws Exception {
    return check(folder, catalog, CheckListener.NONE, files);
  }

  /** The same, telling {@code listener} (which may ask for evidence and facts). */
  static CheckResult check(
      Path folder, List<RuleDescriptor> catalog, CheckListener listener, String... files)
      throws Exception {
    List<String> ids = catalog.stream().map(RuleDescriptor::id).toList();
    return Check.run(
        CheckRequest.builder(folder, catalog)
            .files(List.of(files).stream().map(folder::resolve).toList())
            .enable(ids)
            .threads(1)
            .build(),
        listener);
  }

  static void write(Path folder, String relative, String text) throws IOException {
    Path file = folder.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
