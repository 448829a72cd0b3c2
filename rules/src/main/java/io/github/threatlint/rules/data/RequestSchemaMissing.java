package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.MediaTypes;
import java.util.HashSet;
import java.util.Set;

@RuleInfo(
    id = "request-schema-missing",
    title = "Request body without a schema",
    description =
        "A request body media type (JSON, XML, form, multipart) without a schema, or a Swagger 2.0 body "
            + "parameter without one: gateways and servers have nothing to validate the content against.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API8"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 5.0,
    precision = "very-high",
    section = "data")
public final class RequestSchemaMissing implements Checks.OperationCheck {
  private final Set<NodeRef> reported = new HashSet<>();

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    for (MediaType type : operation.requestContent()) {
      // binary content (files, images) has nothing to describe field by field; upload-unbounded
      // looks at its size
      if (type.schema() == null
          && MediaTypes.isStructured(type.name())
          && reported.add(type.node())) {
        context.report(
            type.node(),
            "The "
                + type.name()
                + " request body of "
                + operation.label()
                + " has no schema: "
                + "describe the content with a schema so that gateways and servers can validate it.");
      }
    }
  }
}
