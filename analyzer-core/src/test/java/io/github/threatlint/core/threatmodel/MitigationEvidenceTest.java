package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ApiDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class MitigationEvidenceTest {
  private static MitigationEvidence checks(String spec) {
    ApiDocument document = Specs.document(spec);
    return new MitigationEvidence(document, AssetInference.infer(document, ThreatCatalogue.sfti()));
  }

  @Test
  void aSpecThatShowsEveryMitigationPassesEveryCheckInFull() {
    MitigationEvidence checks = checks(Specs.PAYMENTS_GUARDED);
    for (String check : ThreatModelBuilder.knownEvidenceChecks()) {
      Evidence evidence = checks.run(check);
      assertThat(evidence).as(check).isNotNull();
      assertThat(evidence.complete()).as(check + ": " + evidence.text()).isTrue();
      assertThat(evidence.check()).isEqualTo(check);
    }
  }

  @Test
  void anOpenSpecShowsOnlyWhatItHas() {
    MitigationEvidence checks = checks(Specs.WEALTH_OPEN);
    for (String absent : List.of("authentication-on-every-operation", "delegated-token-authentication", "oauth2-delegation",
        "fine-grained-scopes", "scope-descriptions", "client-authentication", "correlation-id", "rate-limiting",
        "auth-errors-documented", "deprecation-policy", "environments-declared", "consent-lifecycle", "consent-reference",
        "data-residency", "data-classification", "user-context-headers")) {
      assertThat(checks.run(absent)).as(absent).isNull();
    }
    for (String complete : List.of("bounded-pagination", "https-transport", "explicit-response-schemas", "api-versioning")) {
      assertThat(checks.run(complete).complete()).as(complete).isTrue();
    }
    Evidence validation = checks.run("input-validation");
    assertThat(validation.complete()).isFalse();
    assertThat(validation.text()).startsWith("2 of 6 input strings and numbers are constrained");
    Evidence documentation = checks.run("documentation");
    assertThat(documentation.complete()).isFalse();
    assertThat(documentation.text()).contains("3 of 3 operations with a summary or description", "0 of 3 with an operationId");
  }

  @Test
  void partialEvidenceSaysHowMuch() {
    MitigationEvidence checks = checks(Specs.CARDS_LEGACY);
    Evidence correlation = checks.run("correlation-id");
    assertThat(correlation.complete()).isFalse();
    assertThat(correlation.text()).startsWith("1 of 2 operations accept a correlation id header");
    assertThat(correlation.places()).extracting(Place::label).containsExactly("POST /cards");
    assertThat(checks.run("authentication-on-every-operation").complete()).isTrue();
    assertThat(checks.run("https-transport")).as("http on localhost").isNull();
    assertThat(checks.run("delegated-token-authentication")).as("basic authentication only").isNull();
  }

  @Test
  void scopeDescriptionsThatRepeatTheNameAreNoTransparency() {
    String repeated = Specs.text(Specs.PAYMENTS_GUARDED)
        .replace("payments:read: Read your payments.", "payments:read: Grants payments read access")
        .replace("accounts:read: Read your account details.", "accounts:read: accounts read");
    Evidence evidence = new MitigationEvidence(parse(repeated), List.of()).run("scope-descriptions");
    assertThat(evidence.complete()).isFalse();
    assertThat(evidence.text()).startsWith("2 of 4 declared scopes have a description that tells customers what they consent to");
  }

  @Test
  void sameScopesEverywhereAreNotFineGrained() {
    ApiDocument document = Specs.document(Specs.PAYMENTS_GUARDED);
    String coarse = Specs.text(Specs.PAYMENTS_GUARDED)
        .replaceAll("- oauth: \\[[a-z:, ]+\\]", "- oauth: [payments:read]");
    assertThat(coarse).isNotEqualTo(Specs.text(Specs.PAYMENTS_GUARDED));
    Evidence evidence = new MitigationEvidence(parse(coarse), List.of()).run("fine-grained-scopes");
    assertThat(evidence.complete()).isFalse();
    assertThat(evidence.text()).contains("1 distinct combination", "Every operation asks for the same scopes");
    assertThat(new MitigationEvidence(document, List.of()).run("fine-grained-scopes").text())
        .contains("5 of 5 operations ask for OAuth2 scopes", "4 distinct combinations");
  }

  private static ApiDocument parse(String text) {
    try {
      var parsed = io.github.threatlint.core.source.TreeParser.parse(
          new io.github.threatlint.core.api.SourceFile(java.nio.file.Path.of("coarse.yaml"), "coarse.yaml", text));
      return new ApiDocument(parsed, io.github.threatlint.core.engine.DocumentLoader.detectVersion(parsed),
          io.github.threatlint.core.api.ExternalFiles.NONE);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
