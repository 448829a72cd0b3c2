package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.CustomerData;
import io.github.threatlint.rules.support.SchemaLabels;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "data-residency-undeclared",
    title = "Customer data without a declared residency",
    description =
        "The document processes customer data (its schemas carry identifying or financial properties) but "
            + "declares no x-data-residency on info or on every server: nobody can tell whether the data is stored or "
            + "processed outside Switzerland.",
    level = Level.OFF,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API8"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    sftiScenarios = {
      "Storage/processing of data outside Switzerland",
      "Access to data outside Switzerland"
    },
    mitigations = {"data-residency"},
    securitySeverity = 3.0,
    precision = "high",
    section = "data")
public final class DataResidencyUndeclared implements Checks.SchemaCheck {
  @RuleOption(
      description =
          "The extension that declares where data is stored and processed (on info, or on each server).")
  public String key = "x-data-residency";

  @RuleOption(description = "Property names of customer identifying data, matched as whole words.")
  public List<String> identifyingNames = CustomerData.IDENTIFYING;

  @RuleOption(description = "Property names of customer financial data, matched as whole words.")
  public List<String> financialNames = CustomerData.FINANCIAL;

  private boolean decided;

  /**
   * Reports once, at the first schema with customer data, unless the document declares the
   * residency.
   */
  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    if (decided || !visit.node().has("properties")) {
      return;
    }
    List<String> terms = new ArrayList<>(identifyingNames);
    terms.addAll(financialNames);
    List<String> found = CustomerData.matchingProperties(visit.document(), visit.node(), terms);
    if (found.isEmpty()) {
      return;
    }
    decided = true;
    ApiDocument document = visit.document();
    NodeRef info = document.root().get("info");
    NodeRef at = info != null && info.isObject() ? info : document.root();
    if (declared(document)) {
      context.mitigated(at, "data-residency", key + " declared");
      return;
    }
    context.unmitigated(
        at, "data-residency", "customer data in " + SchemaLabels.of(document, visit.node()));
    context.report(
        at,
        "The API processes customer data ("
            + CustomerData.quote(found)
            + " in "
            + SchemaLabels.of(document, visit.node())
            + ") but declares no "
            + key
            + ": state on "
            + "info (or on every server) where the data is stored and processed, for example "
            + key
            + ": [CH].");
  }

  private boolean declared(ApiDocument document) {
    NodeRef root = document.root();
    NodeRef info = root.get("info");
    if ((info != null && info.has(key)) || root.has(key)) {
      return true;
    }
    NodeRef servers = root.get("servers");
    if (servers == null || servers.elements().isEmpty()) {
      return false;
    }
    for (NodeRef server : servers.elements()) {
      if (!server.has(key)) {
        return false;
      }
    }
    return true;
  }
}
