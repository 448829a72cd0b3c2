package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "cors-origin-undeclared",
    title = "Response without Access-Control-Allow-Origin",
    description =
        "An operation whose success response does not declare Access-Control-Allow-Origin: the cross-origin "
            + "policy of the API is left to each deployment, where it is often set to * for convenience; documenting the "
            + "header makes the allowed origins part of the contract.",
    level = Level.OFF,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "data")
public final class CorsOriginUndeclared implements Checks.PathOperationCheck {
  private final Set<NodeRef> reported = new HashSet<>();

  /**
   * One finding per operation, on its first success response (its default response when it has
   * none) without the header: that is the data a web page would read. Error responses carry the
   * policy of the deployment and are not judged one by one.
   */
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    List<Response> success = operation.responses().stream().filter(Response::isSuccess).toList();
    List<Response> judged =
        success.isEmpty()
            ? operation.responses().stream().filter(Response::isDefault).toList()
            : success;
    for (Response response : judged) {
      if (!response.hasHeader("Access-Control-Allow-Origin")) {
        if (reported.add(response.node())) {
          NodeRef at = response.entry().isRef() ? response.node() : response.entry();
          context.report(
              at,
              "Response "
                  + response.status()
                  + " of "
                  + operation.label()
                  + " does not declare "
                  + "Access-Control-Allow-Origin: document the origins allowed to read it (never * for authenticated data).");
        }
        return;
      }
    }
  }
}
