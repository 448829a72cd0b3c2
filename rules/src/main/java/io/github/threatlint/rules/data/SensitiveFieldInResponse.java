package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
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
    id = "sensitive-field-in-response",
    title = "Secret returned in a response",
    description = "A response schema has a property named like a secret (password, PIN, CVV/CVC, secret, private key, "
        + "client secret, security answer) that is not writeOnly: the API documents that it returns the secret, to the "
        + "client and to every log and cache on the way.",
    level = Level.ERROR,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"TPP gets more information than the user wants to give"},
    securitySeverity = 8.0,
    precision = "high",
    section = "data")
public final class SensitiveFieldInResponse implements Checks.SchemaCheck {
  @RuleOption(description = "Names of secrets, matched as whole words of camelCase, snake_case or kebab-case property names.")
  public List<String> names = List.of("password", "passwd", "pin", "cvv", "cvc", "cvv2", "secret", "private_key",
      "client_secret", "security_answer", "secret_answer");

  @RuleOption(description = "The names above whose values may be numbers (a PIN, a card verification code); for the "
      + "others a number is a setting about the secret (password_validity_days), not the secret.")
  public List<String> numericSecrets = List.of("pin", "cvv", "cvc", "cvv2");

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (!schema.has("properties") || !visit.isOutput()) {
      return;
    }
    ApiDocument document = visit.document();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
      String name = property.getKey();
      String term = FieldNames.endingTerm(name, names);
      if (term == null || !FieldNames.holdsScalar(document, property.getValue())
          || (FieldNames.isNumeric(document, property.getValue()) && !numericSecrets.contains(term))
          || writeOnly(document, visit, name, property.getValue())) {
        continue;
      }
      String fix = document.isSwagger2()
          ? "remove it from the response schema (Swagger 2.0 has no writeOnly: use separate request and response schemas)."
          : "mark it writeOnly: true, or remove it from the response schema, so that the secret is never returned.";
      context.report(property.getValue(), "Property '" + name + "' of " + SchemaLabels.of(visit.document(), schema) + " is returned to "
          + "clients and named like a secret (" + term + "): " + fix);
    }
  }

  private static boolean writeOnly(ApiDocument document, SchemaVisit object, String name, NodeRef property) {
    if (Schemas.flag(document, property, "writeOnly")) {
      return true;
    }
    for (NodeRef other : Schemas.otherDeclarations(object, name)) {
      if (other.isTrue("writeOnly")) {
        return true;
      }
    }
    return false;
  }
}
