package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "numeric-id-parameter",
    title = "Object identifier typed integer",
    description =
        "A path or query parameter that names an object (id, accountId, account_id) and is typed integer: "
            + "sequential identifiers are easy to guess, so a client only has to count to try other customers' objects "
            + "(broken object level authorization).",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API1"},
    owasp2019 = {"API1"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection", "Unauthorized access to data"},
    securitySeverity = 5.0,
    precision = "high",
    section = "data")
public final class NumericIdParameter implements Checks.ParameterCheck {
  @RuleOption(description = "Last words that make a parameter name an object identifier.")
  public List<String> idWords = List.of("id");

  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    String in = parameter.in();
    if (!in.equals("path") && !in.equals("query")) {
      return;
    }
    List<String> words = Words.split(parameter.name());
    if (words.isEmpty() || !idWords.contains(words.get(words.size() - 1))) {
      return;
    }
    NodeRef written = parameter.schema();
    NodeRef schema = written == null ? null : context.document().deref(written);
    if (schema == null || !Schemas.valueTypes(schema).equals(Set.of("integer"))) {
      return;
    }
    NodeRef at = written.isRef() ? parameter.node().get("name") : schema.get("type");
    context.report(
        at == null ? parameter.node() : at,
        "The "
            + SchemaLabels.parameter(parameter)
            + " identifies "
            + "an object with an integer: sequential numbers can be guessed and enumerated. Use a random identifier (a UUID "
            + "string) and check on every request that the caller may access the object.");
  }
}
