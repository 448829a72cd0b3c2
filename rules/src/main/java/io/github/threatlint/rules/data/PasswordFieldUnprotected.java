package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.FieldNames;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "password-field-unprotected",
    title = "Password field without format password or writeOnly",
    description =
        "An input property named like a password or PIN with neither format: password nor writeOnly: true: "
            + "generated clients and documentation show it in clear text, and nothing stops the same schema from "
            + "returning it.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 4.0,
    precision = "high",
    section = "data")
public final class PasswordFieldUnprotected implements Checks.SchemaCheck, Checks.ParameterCheck {
  @RuleOption(
      description =
          "Names of passwords and PINs, matched as whole words of camelCase, snake_case or kebab-case names.")
  public List<String> names = List.of("password", "passwd", "pwd", "passphrase", "passcode", "pin");

  /** The term of {@link #names} each property name ends with, made on first use. */
  private FieldNames.EndingTerms passwordTerms;

  private FieldNames.EndingTerms passwordTerms() {
    if (passwordTerms == null) {
      passwordTerms = new FieldNames.EndingTerms(names);
    }
    return passwordTerms;
  }

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (!schema.has("properties") || !visit.isInput() || Schemas.isReadOnly(visit)) {
      return;
    }
    ApiDocument document = visit.document();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
      String name = property.getKey();
      String term = passwordTerms().of(name);
      if (term == null
          || !FieldNames.holdsScalar(document, property.getValue())
          || (FieldNames.isNumeric(document, property.getValue())
              && !term.equals("pin")
              && !term.equals("passcode"))
          || protectedValue(
              document, property.getValue(), Schemas.otherDeclarations(visit, name))) {
        continue;
      }
      context.report(
          property.getValue(),
          "Property '"
              + name
              + "' of "
              + SchemaLabels.of(visit.document(), schema)
              + " holds a password "
              + "or PIN: add format: password (so tools mask it)"
              + (!document.version().hasWriteOnly()
                  ? ""
                  : " and writeOnly: true (so it " + "is never returned)")
              + ".");
    }
  }

  /** Swagger 2.0 form fields are parameters, not properties. */
  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    if (!"formData".equals(parameter.in())
        || passwordTerms().of(parameter.name()) == null
        || !FieldNames.holdsScalar(null, parameter.node())
        || "password".equals(parameter.node().text("format"))) {
      return;
    }
    context.report(
        parameter.node(),
        "name",
        "The "
            + SchemaLabels.parameter(parameter)
            + " holds a password or PIN: add "
            + "format: password so that tools mask it.");
  }

  private static boolean protectedValue(
      ApiDocument document, NodeRef property, List<NodeRef> others) {
    NodeRef resolved = document.deref(property);
    if (Schemas.flag(document, property, "writeOnly")
        || "password".equals(property.text("format"))
        || (resolved != null && "password".equals(Schemas.format(resolved)))) {
      return true;
    }
    for (NodeRef other : others) {
      if (other.isTrue("writeOnly") || "password".equals(other.text("format"))) {
        return true;
      }
    }
    return false;
  }
}
