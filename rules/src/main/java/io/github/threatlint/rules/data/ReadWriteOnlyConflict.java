package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;

@RuleInfo(
    id = "read-write-only-conflict",
    title = "Property both readOnly and writeOnly",
    description =
        "A schema marked both readOnly and writeOnly: it can be neither sent nor returned, so tools and back "
            + "ends each pick one reading and a secret meant to be write-only may end up in responses.",
    level = Level.ERROR,
    readsProse = false,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {
      "TPP gets more information than the user wants to give",
      "Malicious code or data injection"
    },
    securitySeverity = 5.0,
    precision = "very-high",
    section = "data")
public final class ReadWriteOnlyConflict implements Checks.SchemaCheck {
  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    // the other flag may come from the same schema, a schema it refers to (3.1) or another branch
    // of its allOf
    // (reported where writeOnly is written, so that a conflict spread over two branches is reported
    // once)
    if (schema.isTrue("writeOnly") && Schemas.declares(visit, node -> node.isTrue("readOnly"))) {
      context.report(
          schema.get("writeOnly"),
          SchemaLabels.of(visit.document(), schema)
              + " is both readOnly and writeOnly: keep writeOnly "
              + "for values clients send but must never get back (passwords, PINs), readOnly for values only the server sets.");
    }
  }
}
