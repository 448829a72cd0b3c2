package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.facts.ApiFacts;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AgentRelevanceTest {
  private static Map<String, AgentAssessment> agents(String spec) {
    ApiFacts facts = Specs.facts(spec);
    ThreatCatalogue catalogue = ThreatCatalogue.sfti();
    return AgentRelevance.assess(facts, catalogue, AssetInference.infer(facts, catalogue)).stream()
        .collect(Collectors.toMap(a -> a.agent().name(), a -> a));
  }

  @Test
  void oauth2ClientApplicationsBringInThirdPartyProviders() {
    Map<String, AgentAssessment> agents = agents(Specs.PAYMENTS_GUARDED);
    assertThat(agents).hasSize(8);
    assertThat(agents.get("Third Party Provider (TPP)").relevance())
        .isEqualTo(AgentAssessment.Relevance.RELEVANT);
    assertThat(agents.get("Third Party Provider (TPP)").reason())
        .contains("oauth (OAuth2 authorizationCode)");
    assertThat(agents.get("Internet-based threat actor").reason()).contains("api.bank.example");
    assertThat(agents.get("Legitimate user with compromised device").relevance())
        .isEqualTo(AgentAssessment.Relevance.RELEVANT);
    assertThat(agents.get("Trusted Central Authority").relevance())
        .isEqualTo(AgentAssessment.Relevance.VERIFY);
    assertThat(agents.get("IaaS provider employee with physical access").relevance())
        .isEqualTo(AgentAssessment.Relevance.VERIFY);
  }

  @Test
  void withoutClientApplicationsProvidersAreNotIndicated() {
    Map<String, AgentAssessment> agents = agents(Specs.WEALTH_OPEN);
    assertThat(agents.get("Third Party Provider (TPP)").relevance())
        .isEqualTo(AgentAssessment.Relevance.NOT_INDICATED);
    assertThat(agents.get("Open Banking service layer provider with technical access").relevance())
        .isEqualTo(AgentAssessment.Relevance.NOT_INDICATED);
    // customer data, no sign-in: still the customer's device matters
    assertThat(agents.get("Legitimate user with compromised device").reason())
        .startsWith("The API carries Customer Identifying data");
  }

  @Test
  void internalServersLeaveInternetExposureToVerify() {
    assertThat(agents(Specs.CARDS_LEGACY).get("Internet-based threat actor").relevance())
        .isEqualTo(AgentAssessment.Relevance.VERIFY);
    ApiFacts servers =
        ApiFacts.of(
            Specs.parse(
                "servers.yaml",
                """
        openapi: 3.0.3
        info: {title: Servers, version: '1'}
        servers:
          - url: https://user@api.bank.example:8443/v1
          - url: payment.common-api.ch/api/v5
          - url: /v1
          - url: https://{region}.bank.example
            variables: {region: {default: eu}}
        paths: {}
        """));
    assertThat(servers.servers())
        .extracting(ApiFacts.Server::host)
        .containsExactly("api.bank.example", "payment.common-api.ch", null, "eu.bank.example");
  }
}
