package io.github.threatlint.rules.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.CustomerData;
import io.github.threatlint.rules.support.FieldNames;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "pii-in-url",
    title = "Personal data in a query or path parameter",
    description =
        "A query or path parameter named like a personal or financial identifier (IBAN, account or card "
            + "number, e-mail, phone, birth date, AHV/social security number, tax id, passport, name, address): URLs end up "
            + "in access logs, proxy and browser histories and Referer headers, where the data leaks.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API3", "API8"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 5.5,
    precision = "high",
    section = "data")
public final class PiiInUrl implements Checks.ParameterCheck {
  /**
   * Names that documentation uses for a made-up person (John Doe, Max Muster): in an identifier's
   * example they show that identifiers are built from names. Compared as whole words.
   */
  private static final List<String> PLACEHOLDER_NAMES =
      List.of(
          "john doe",
          "jane doe",
          "john smith",
          "jane smith",
          "max muster",
          "max mustermann",
          "erika mustermann",
          "hans muster",
          "anna muster",
          "jean dupont",
          "mario rossi");

  @RuleOption(
      description =
          "Names of personal and financial identifiers, matched as whole words of parameter names.")
  public List<String> names =
      List.of(
          "iban",
          "bban",
          "account_number",
          "account_no",
          "card_number",
          "pan",
          "credit_card",
          "email",
          "e_mail",
          "phone",
          "phone_number",
          "telephone",
          "msisdn",
          "mobile_number",
          "birth_date",
          "date_of_birth",
          "birthdate",
          "birthday",
          "dob",
          "ahv",
          "ahv_number",
          "avs",
          "ssn",
          "social_security_number",
          "tax_id",
          "tax_number",
          "tin",
          "passport",
          "passport_number",
          "national_id",
          "first_name",
          "last_name",
          "given_name",
          "family_name",
          "surname",
          "full_name",
          "maiden_name",
          "customer_name",
          "holder_name",
          "address",
          "street",
          "postal_address");

  @RuleOption(description = "Names that contain one of the names above but are not personal data.")
  public List<String> excludedNames =
      List.of(
          "ip_address",
          "mac_address",
          "server_address",
          "wallet_address",
          "contract_address",
          "address_type",
          "email_template",
          "phone_type",
          "email_subject",
          "email_token",
          "email_domain",
          "address_id");

  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    String in = parameter.in();
    if (!in.equals("query") && !in.equals("path")) {
      return;
    }
    String name = parameter.name();
    String term = FieldNames.valueTerm(name, names);
    if (term == null
        || Words.containsAny(name, excludedNames)
        || CustomerData.isNetworkAddress(name)) {
      checkExamples(parameter, context);
      return;
    }
    NodeRef schema = parameter.schema();
    if (schema != null && !schema.isRef() && Schemas.valueTypes(schema).contains("boolean")) {
      return;
    }
    report(parameter, term, context);
  }

  private void report(Parameter parameter, String term, RuleContext context) {
    context.report(
        parameter.node(),
        "name",
        "The "
            + SchemaLabels.parameter(parameter)
            + " carries personal or financial data ("
            + term
            + ") in the URL, where access logs, proxies and browser histories keep it: send it in the request body "
            + "(a POST search) or a header, or refer to the customer by an opaque identifier.");
  }

  /**
   * An identifier whose example embeds a person's name or e-mail address ({@code JohnDoe_1234} as a
   * personId): the identifiers the API hands out are built from personal data, and the URL carries
   * it.
   */
  private void checkExamples(Parameter parameter, RuleContext context) {
    NodeRef schema = context.document().deref(parameter.schema());
    for (NodeRef owner : List.of(parameter.node(), schema == null ? parameter.node() : schema)) {
      for (String example : examples(owner)) {
        String words = String.join(" ", Words.split(example));
        boolean email = example.indexOf('@') > 0 && example.indexOf('.', example.indexOf('@')) > 0;
        for (String placeholder : PLACEHOLDER_NAMES) {
          if (email || (" " + words + " ").contains(" " + placeholder + " ")) {
            context.report(
                parameter.node(),
                "name",
                "The "
                    + SchemaLabels.parameter(parameter)
                    + " is an identifier, but its example '"
                    + example
                    + "' embeds "
                    + (email ? "an e-mail address" : "a person's name")
                    + ": identifiers built from personal data carry it into the URL, where access logs, "
                    + "proxies and browser histories keep it. Make the identifier opaque (such as a UUID) and show one "
                    + "in the example.");
            return;
          }
        }
      }
    }
  }

  /** The text examples written on a parameter or a schema: example, examples (map or list). */
  private static List<String> examples(NodeRef node) {
    List<String> texts = new ArrayList<>();
    JsonNode example = node.node().get("example");
    if (example != null && example.isTextual()) {
      texts.add(example.textValue());
    }
    JsonNode examples = node.node().get("examples");
    if (examples != null) {
      for (JsonNode value : examples) {
        JsonNode text = value.isObject() ? value.get("value") : value;
        if (text != null && text.isTextual()) {
          texts.add(text.textValue());
        }
      }
    }
    return texts;
  }
}
