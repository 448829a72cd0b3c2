package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.FieldNames;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "sensitive-field-in-response",
    title = "Secret returned in a response",
    description =
        "A response schema has a property named like a secret (password, PIN, CVV/CVC, secret, private key, "
            + "client secret, security answer) that is not writeOnly: the API documents that it returns the secret, to the "
            + "client and to every log and cache on the way. A card number (PAN) returned with nothing saying it is masked "
            + "is a warning (PCI DSS), unless the schema is also one clients send (an account reference echoed back).",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API3"},
    owasp2019 = {"API3"},
    sftiAreas = {"DS"},
    sftiScenarios = {"TPP gets more information than the user wants to give"},
    securitySeverity = 8.0,
    precision = "high",
    section = "data")
public final class SensitiveFieldInResponse implements Checks.SchemaCheck {
  @RuleOption(
      description =
          "Names of secrets, matched as whole words of camelCase, snake_case or kebab-case property names.")
  public List<String> names =
      List.of(
          "password",
          "passwd",
          "pin",
          "cvv",
          "cvc",
          "cvv2",
          "secret",
          "private_key",
          "client_secret",
          "security_answer",
          "secret_answer");

  @RuleOption(
      description =
          "The names above whose values may be numbers (a PIN, a card verification code); for the "
              + "others a number is a setting about the secret (password_validity_days), not the secret.")
  public List<String> numericSecrets = List.of("pin", "cvv", "cvc", "cvv2");

  @RuleOption(
      description =
          "Names of card numbers (PAN), matched as whole words ending the property name: PCI DSS "
              + "allows a response to show at most the first six and last four digits, so an unmasked one is reported (a "
              + "warning) unless its name, description, pattern or value type (x-cds-type MaskedPANString) says it is masked.")
  public List<String> cardNumbers = List.of("pan", "card_number", "primary_account_number");

  /**
   * Client metadata of OAuth dynamic client registration (RFC 7591, section 2 and 3.2.1): a client
   * secret beside two of them is the registration's answer, which returns the newly issued secret
   * by design.
   */
  private static final List<String> CLIENT_METADATA =
      List.of(
          "client_id_issued_at",
          "client_secret_expires_at",
          "redirect_uris",
          "token_endpoint_auth_method",
          "grant_types",
          "response_types",
          "client_name",
          "client_uri",
          "logo_uri",
          "jwks_uri",
          "software_statement");

  /** Names of a card's expiry date, named in a card-number finding when one sits beside it. */
  private static final List<String> EXPIRY_NAMES =
      List.of(
          "expiry",
          "expiry_date",
          "expiration_date",
          "card_expiry",
          "exp_date",
          "valid_thru",
          "valid_until");

  /**
   * The terms of {@link #names} and {@link #cardNumbers} each name ends with, made on first use.
   */
  private FieldNames.EndingTerms secretTerms;

  private FieldNames.EndingTerms cardNumberTerms;

  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    if (!schema.has("properties") || !visit.isOutput()) {
      return;
    }
    if (secretTerms == null) {
      secretTerms = new FieldNames.EndingTerms(names);
      cardNumberTerms = new FieldNames.EndingTerms(cardNumbers);
    }
    ApiDocument document = visit.document();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
      String name = property.getKey();
      reportCardNumber(visit, property, context);
      String term = secretTerms.of(name);
      if (term == null
          || !FieldNames.holdsScalar(document, property.getValue())
          || (FieldNames.isNumeric(document, property.getValue()) && !numericSecrets.contains(term))
          || Schemas.flagInComposition(document, visit, name, property.getValue(), "writeOnly")) {
        continue;
      }
      // a client secret beside client registration metadata is the registration's answer
      List<String> registration =
          term.equals("secret") || term.equals("client_secret")
              ? registrationMetadata(schema)
              : List.of();
      if (registration.size() >= 2) {
        context.report(
            property.getValue(),
            "Property '"
                + name
                + "' of "
                + SchemaLabels.of(document, schema)
                + " is a client secret returned beside OAuth client registration metadata ('"
                + String.join("', '", registration.subList(0, 2))
                + "'): dynamic client registration (RFC 7591) returns the newly issued secret by design. "
                + "Return it only in the answer to the registration, never when the client is read or "
                + "listed again, and keep that answer out of logs and caches.",
            Level.NOTE);
        continue;
      }
      String fix =
          !document.version().hasWriteOnly()
              ? "remove it from the response schema (Swagger 2.0 has no writeOnly: use separate request and response schemas)."
              : "mark it writeOnly: true, or remove it from the response schema, so that the secret is never returned.";
      context.report(
          property.getValue(),
          "Property '"
              + name
              + "' of "
              + SchemaLabels.of(visit.document(), schema)
              + " is returned to "
              + "clients and named like a secret ("
              + term
              + "): "
              + fix);
    }
  }

  /** The properties of an object that are OAuth client registration metadata, in their order. */
  private static List<String> registrationMetadata(NodeRef object) {
    List<String> metadata = new ArrayList<>();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(object)) {
      if (Words.isAny(property.getKey(), CLIENT_METADATA)) {
        metadata.add(property.getKey());
      }
    }
    return metadata;
  }

  /**
   * An unmasked card number (PAN) returned to clients, with the expiry date beside it if there is
   * one.
   */
  private void reportCardNumber(
      SchemaVisit visit, Map.Entry<String, NodeRef> property, RuleContext context) {
    ApiDocument document = visit.document();
    String name = property.getKey();
    // the name first: it rules out almost every property, and costs the least
    if (cardNumberTerms.of(name) == null) {
      return;
    }
    NodeRef value = document.deref(property.getValue());
    // a schema clients also send (an account reference) echoes the number the client gave
    if (visit.isInput()
        || value == null
        || !FieldNames.holdsScalar(document, property.getValue())
        || masked(value)
        || Schemas.flagInComposition(document, visit, name, property.getValue(), "writeOnly")) {
      return;
    }
    String expiry = null;
    for (Map.Entry<String, NodeRef> sibling : Schemas.properties(visit.node())) {
      if (FieldNames.endingTerm(sibling.getKey(), EXPIRY_NAMES) != null
          || Words.isAny(sibling.getKey(), EXPIRY_NAMES)) {
        expiry = sibling.getKey();
        break;
      }
    }
    context.report(
        property.getValue(),
        "Property '"
            + name
            + "' of "
            + SchemaLabels.of(document, visit.node())
            + " is returned to "
            + "clients and named like a card number (PAN)"
            + (expiry == null ? "" : ", beside its expiry date '" + expiry + "'")
            + ", with nothing saying it is masked: return it masked (first six and last four digits at most, PCI DSS "
            + "requirement 3.4) and say so in its description or pattern, or leave it out of the response.",
        Level.WARNING);
  }

  /**
   * Masked by name-independent evidence: the description, a pattern with * or X, or CDR's
   * MaskedPANString.
   */
  private static boolean masked(NodeRef value) {
    String description = value.text("description");
    String pattern = value.text("pattern");
    return "MaskedPANString".equals(Schemas.valueType(value))
        || (description != null
            && Words.lower(description).matches("(?s).*\\b(masked|truncated|obfuscated)\\b.*"))
        || (pattern != null
            && (pattern.contains("\\*") || pattern.contains("X") || pattern.contains("x{")));
  }
}
