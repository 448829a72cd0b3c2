package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.List;
import java.util.Locale;

@RuleInfo(
    id = "parameter-description-missing",
    title = "Parameter without description",
    description =
        "A parameter without a description. Undocumented parameters are guessed at by consumers and are hard "
            + "to review for what data they carry.",
    level = Level.OFF,
    owasp2023 = {},
    owasp2019 = {},
    sftiAreas = {"DOC"},
    sftiScenarios = {"Lack of consistent documentation"},
    securitySeverity = 1.0,
    precision = "very-high",
    section = "doc")
public final class ParameterDescriptionMissing implements Checks.ParameterCheck {
  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    if (hasDescription(parameter.node())
        || hasDescription(context.document().deref(parameter.schema()))) {
      return; // a description on the schema (inline or where its $ref leads) describes the
      // parameter's value
    }
    context.report(
        parameter.node(),
        "Parameter '"
            + parameter.name()
            + "' ("
            + parameter.in()
            + ") "
            + where(parameter)
            + " has no description: say what it means, its unit or format, and what happens when it is left out.");
  }

  private static boolean hasDescription(NodeRef node) {
    String description = node == null || !node.isObject() ? null : node.text("description");
    return description != null && !description.isBlank();
  }

  /**
   * Where the parameter is written: {@code of GET /pets}, {@code of path /pets/{id}}, or as a
   * component.
   */
  private static String where(Parameter parameter) {
    List<String> segments = Pointers.segments(parameter.node().pointer());
    if (segments.size() >= 4 && segments.get(0).equals("paths")) {
      String method = segments.get(2);
      if (Operation.METHODS.contains(method)) {
        return "of " + method.toUpperCase(Locale.ROOT) + " " + segments.get(1);
      }
      return "of path " + segments.get(1);
    }
    if (segments.size() == 3 && segments.get(0).equals("components")) {
      return "in components.parameters";
    }
    if (segments.size() == 2 && segments.get(0).equals("parameters")) {
      return "in the shared parameters";
    }
    return "at " + parameter.node().pointer();
  }
}
