package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.rules.support.CustomerData;
import io.github.threatlint.rules.support.FieldNames;
import io.github.threatlint.rules.support.SchemaLabels;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "data-classification-missing",
    title = "Customer data without a data classification",
    description =
        "A schema carrying customer identifying, special-category (politically exposed person, sanctions, "
            + "FATCA status, tax identification number) or financial properties (names, e-mail, address, birth date, "
            + "IBAN, balance, ...) without an x-data-classification (hypermedia links, _links, are no customer data, "
            + "nor is what a name gives to another party, such as a TPP advisor's details): the "
            + "data flows a privacy assessment needs are not documented where the data is defined.",
    level = Level.OFF,
    cost = RuleInfo.Cost.HIGH,
    readsProse = false,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Data Protection compliance breach"},
    mitigations = {"data-classification"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "data")
public final class DataClassificationMissing implements Checks.SchemaCheck {
  @RuleOption(
      description =
          "The extension that carries the classification, on the schema, an enclosing schema or each matching property.")
  public String key = "x-data-classification";

  @RuleOption(description = "Property names of customer identifying data, matched as whole words.")
  public List<String> identifyingNames = CustomerData.IDENTIFYING;

  @RuleOption(description = "Property names of customer financial data, matched as whole words.")
  public List<String> financialNames = CustomerData.FINANCIAL;

  /**
   * The document's answers for the special-category names and for the identifying and financial
   * names together, taken once (the options are set before the first schema): every schema with
   * properties is searched for both, and looking a list of terms up hashes all of it.
   */
  private CustomerData.Names specialNames;

  private CustomerData.Names customerNames;

  @RuleOption(
      description =
          "Property names of special categories of personal data (politically exposed person, "
              + "sanctions, FATCA status, tax identification number, ...; GDPR Art. 9/10, revDSG), matched as whole words.")
  public List<String> specialCategoryNames = CustomerData.SPECIAL_CATEGORY;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (!schema.has("properties") || withinLinks(visit) || ownedByAnotherParty(visit)) {
      return;
    }
    if (classified(visit)) {
      if (schema.has(key)) {
        context.mitigated(
            schema.get(key),
            "data-classification",
            SchemaLabels.of(visit.document(), schema) + " is classified");
      }
      return;
    }
    if (specialNames == null) {
      List<String> terms = new ArrayList<>(identifyingNames);
      terms.addAll(financialNames);
      specialNames = CustomerData.names(visit.document(), specialCategoryNames);
      customerNames = CustomerData.names(visit.document(), terms);
    }
    List<String> special = new ArrayList<>();
    for (String name : CustomerData.matchingProperties(visit.document(), schema, specialNames)) {
      if (unclassified(visit, schema, name)) {
        special.add(name);
      }
    }
    if (!special.isEmpty()) {
      String label = SchemaLabels.of(visit.document(), schema);
      context.unmitigated(schema, "data-classification", label);
      context.report(
          schema,
          label
              + " carries special categories of personal data ("
              + CustomerData.quote(special)
              + ": GDPR Art. 9/10, revDSG) without "
              + key
              + ": classify them, so that the "
              + "stricter protection and the legal basis they need are documented.");
      return;
    }
    List<String> unclassified = new ArrayList<>();
    for (String name : CustomerData.matchingProperties(visit.document(), schema, customerNames)) {
      if (unclassified(visit, schema, name)) {
        unclassified.add(name);
      }
    }
    if (!unclassified.isEmpty()) {
      String label = SchemaLabels.of(visit.document(), schema);
      context.unmitigated(schema, "data-classification", label);
      context.report(
          schema,
          label
              + " carries customer data ("
              + CustomerData.quote(unclassified)
              + ") without "
              + key
              + ": classify the schema (or each of these properties) so that the data flows and the "
              + "protection they need are documented.");
    }
  }

  private boolean unclassified(SchemaVisit visit, NodeRef schema, String name) {
    NodeRef property = schema.get("properties").get(name);
    NodeRef resolved = visit.document().deref(property);
    return !property.has(key) && (resolved == null || !resolved.has(key));
  }

  /**
   * Hypermedia links (_links) name what they link to: the customer's address link is no address.
   */
  private static boolean withinLinks(SchemaVisit visit) {
    for (SchemaVisit current = visit; current != null; current = current.parent()) {
      if (FieldNames.isHypermedia(current.propertyName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The schema, or a property or component it is written in, names another party as the owner of
   * its data: a TPP advisor's e-mail and phone ({@code tppAdvisorDetail}) are not the bank
   * customer's.
   */
  private static boolean ownedByAnotherParty(SchemaVisit visit) {
    for (SchemaVisit current = visit; current != null; current = current.parent()) {
      String name = current.parent() == null ? current.node().name() : current.propertyName();
      if (CustomerData.ownedByAnotherParty(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The schema, or one it is written in (a composed or enclosing schema), carries the
   * classification.
   */
  private boolean classified(SchemaVisit visit) {
    for (SchemaVisit current = visit; current != null; current = current.parent()) {
      if (current.node().has(key)) {
        return true;
      }
    }
    return false;
  }
}
