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
        "The document processes customer data (its schemas carry identifying, financial or special-category "
            + "properties: politically exposed person, sanctions, FATCA status, tax identification number) but "
            + "declares no x-data-residency on info or on every server: nobody can tell whether the data is stored or "
            + "processed outside Switzerland.",
    level = Level.OFF,
    readsProse = false,
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
public final class DataResidencyUndeclared implements Checks.SchemaCheck, Checks.DocumentEndCheck {
  @RuleOption(
      description =
          "The extension that declares where data is stored and processed (on info, or on each server).")
  public String key = "x-data-residency";

  @RuleOption(description = "Property names of customer identifying data, matched as whole words.")
  public List<String> identifyingNames = CustomerData.IDENTIFYING;

  @RuleOption(description = "Property names of customer financial data, matched as whole words.")
  public List<String> financialNames = CustomerData.FINANCIAL;

  @RuleOption(
      description =
          "Property names of special categories of personal data (politically exposed person, "
              + "sanctions, FATCA status, tax identification number, ...), matched as whole words.")
  public List<String> specialCategoryNames = CustomerData.SPECIAL_CATEGORY;

  /** The first schema with customer data, and the names found in it. */
  private NodeRef customerSchema;

  private List<String> customerNames;

  /** The first schema with special categories of personal data, and the names found in it. */
  private NodeRef specialSchema;

  private List<String> specialNames;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    if (!visit.node().has("properties")) {
      return;
    }
    if (specialSchema == null) {
      List<String> special =
          CustomerData.matchingProperties(visit.document(), visit.node(), specialCategoryNames);
      if (!special.isEmpty()) {
        specialSchema = visit.node();
        specialNames = special;
      }
    }
    if (customerSchema == null) {
      List<String> terms = new ArrayList<>(identifyingNames);
      terms.addAll(financialNames);
      List<String> found = CustomerData.matchingProperties(visit.document(), visit.node(), terms);
      if (!found.isEmpty()) {
        customerSchema = visit.node();
        customerNames = found;
      }
    }
  }

  /**
   * Reports once for the document, unless it declares the residency: naming the special categories
   * of personal data when it carries any (their transfer abroad needs its own legal basis), else
   * the first schema with customer data.
   */
  @Override
  public void finishDocument(ApiDocument document, RuleContext context) {
    NodeRef schema = specialSchema != null ? specialSchema : customerSchema;
    if (schema == null) {
      return;
    }
    NodeRef info = document.root().get("info");
    NodeRef at = info != null && info.isObject() ? info : document.root();
    if (declared(document)) {
      context.mitigated(at, "data-residency", key + " declared");
      return;
    }
    String label = SchemaLabels.of(document, schema);
    context.unmitigated(at, "data-residency", "customer data in " + label);
    String what =
        specialSchema != null
            ? "special categories of personal data ("
                + CustomerData.quote(specialNames)
                + " in "
                + label
                + ": GDPR Art. 9/10, revDSG), whose processing abroad needs its own legal basis,"
            : "customer data (" + CustomerData.quote(customerNames) + " in " + label + ")";
    context.report(
        at,
        "The API processes "
            + what
            + " but declares no "
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
