package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * The GDPR points of the paper's compliance appendix (A.1) a specification can say something about,
 * each with the rules whose findings and the mitigations whose evidence touch it, and what only the
 * organisation can show. The report lists, per point, what this run found; it judges nothing
 * itself.
 */
final class GdprAppendix {
  private GdprAppendix() {}

  /**
   * One point: its name and GDPR articles, the rule ids and evidence ids that touch it, and what to
   * verify outside the spec.
   */
  record Requirement(
      String name, String articles, List<String> rules, List<String> evidence, String verify) {}

  static final List<Requirement> REQUIREMENTS =
      List.of(
          new Requirement(
              "Personal data known and classified",
              "Art. 5, 30",
              List.of("data-classification-missing", "sensitive-field-in-response"),
              List.of("data-classification"),
              "The records of processing list the personal data this API carries."),
          new Requirement(
              "Data subjects informed, lawful basis and consent",
              "Art. 6, 7, 13",
              List.of("consent-reference-missing", "consent-lifecycle-incomplete"),
              List.of("consent-reference", "consent-lifecycle", "fine-grained-scopes"),
              "Customers are told what is processed and why; consents can be withdrawn."),
          new Requirement(
              "Processing: minimisation and security",
              "Art. 5(1)(c), 25, 32",
              List.of(
                  "pii-in-url",
                  "credentials-in-url",
                  "transport-not-https",
                  "sensitive-field-in-response",
                  "oauth2-scope-overbroad"),
              List.of("https-transport", "explicit-response-schemas", "fine-grained-scopes"),
              "A data protection impact assessment covers the API; logs do not keep personal data in URLs."),
          new Requirement(
              "Storage: where and how long",
              "Art. 5(1)(e), 30",
              List.of("data-residency-undeclared"),
              List.of("data-residency"),
              "Retention periods are set and enforced; a spec does not state them."),
          new Requirement(
              "Transfers to other countries",
              "Art. 44-49",
              List.of("data-residency-undeclared"),
              List.of("data-residency"),
              "Transfers abroad have a legal basis (adequacy, contractual clauses, consent)."));
}
