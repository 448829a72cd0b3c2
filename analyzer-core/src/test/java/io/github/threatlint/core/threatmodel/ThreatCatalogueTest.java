package io.github.threatlint.core.threatmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.docs.Taxonomy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue holds the paper's names verbatim, and everything it refers to exists. */
class ThreatCatalogueTest {
  private static final ThreatCatalogue CATALOGUE = ThreatCatalogue.sfti();

  /** The scenarios of the paper in its order, by canonical name (the first name of each row). */
  private static final List<String> SCENARIOS =
      List.of(
          "Lack of consistent documentation",
          "Lack of description of operational processes",
          "Registered client application could be malicious",
          "Orphan TPPs, TPPs could become malicious during their life cycle",
          "Social engineering",
          "Account hijacking",
          "Orphaned User",
          "Malicious client application pretends to be a registered TPP",
          "Unauthorized access to data",
          "Missing traceability on incident investigations",
          "Absence of fine-grained consent",
          "Outdated consent",
          "Access to data outside Switzerland",
          "Data Protection compliance breach",
          "Malicious code or data injection",
          "TPP gets more information than the user wants to give",
          "Storage/processing of data outside Switzerland",
          "Information leakage, integrity violation",
          "Exfiltrating large amount of data",
          "Unneeded exposed APIs or API versions (shadow APIs)",
          "Undetected brute force attacks or improper use of APIs by legitimate TPPs",
          "Lack of logging/monitoring",
          "Buggy APIs get to production");

  @Test
  void holdsEveryScenarioOfThePaperInItsOrder() {
    assertThat(CATALOGUE.scenarios())
        .extracting(ThreatCatalogue.Scenario::name)
        .containsExactlyElementsOf(SCENARIOS);
  }

  @Test
  void categoriesAreTheAreasRulesAreMappedTo() {
    assertThat(CATALOGUE.categories())
        .extracting(ThreatCatalogue.Category::id)
        .containsExactlyElementsOf(Taxonomy.SFTI_AREAS.keySet());
    assertThat(CATALOGUE.categories())
        .extracting(ThreatCatalogue.Category::title)
        .containsExactlyElementsOf(Taxonomy.SFTI_AREAS.values());
    assertThat(CATALOGUE.categories())
        .extracting(ThreatCatalogue.Category::name)
        .containsExactly(
            "Documentation",
            "TPP management",
            "AAA",
            "Consent management",
            "Data security",
            "API management",
            "DevSecOps");
    for (ThreatCatalogue.Category category : CATALOGUE.categories()) {
      assertThat(CATALOGUE.scenarios(category)).as(category.id()).isNotEmpty();
    }
  }

  @Test
  void assetsAndAgentsCarryThePapersNamesAndRatings() {
    assertThat(CATALOGUE.assets())
        .extracting(ThreatCatalogue.AssetKind::name)
        .containsExactly(
            "IT Security data",
            "Customer Identifying data",
            "Customer Financial Data",
            "Indirect Customer Identifying Data",
            "Customer credentials");
    assertThat(CATALOGUE.asset("IT Security data").rating()).hasToString("H/H/M");
    assertThat(CATALOGUE.asset("Customer credentials").rating()).hasToString("H/H/H");
    assertThat(CATALOGUE.agents())
        .extracting(ThreatCatalogue.Agent::name)
        .containsExactly(
            "Third Party Provider (TPP)",
            "Internet-based threat actor",
            "Employee with technical access",
            "IaaS provider employee with physical access",
            "IaaS provider employee with technical access",
            "Legitimate user with compromised device",
            "Open Banking service layer provider with technical access",
            "Trusted Central Authority");
    assertThat(CATALOGUE.scenario("Malicious code or data injection").rating())
        .hasToString("H/H/H");
    assertThat(CATALOGUE.scenario("Missing traceability on incident investigations").rating())
        .hasToString("L/M/L");
  }

  @Test
  void aliasesLeadToTheirScenarioAndNamesAreExact() {
    assertThat(CATALOGUE.scenario("Giving extensive consent").name())
        .isEqualTo("Absence of fine-grained consent");
    assertThat(CATALOGUE.scenario("Inadequate data filtering").name())
        .isEqualTo("TPP gets more information than the user wants to give");
    assertThat(CATALOGUE.scenario("Interception/alteration of data during transport").name())
        .isEqualTo("Information leakage, integrity violation");
    assertThat(CATALOGUE.scenario("Failure to maintain the documentation up to date").name())
        .isEqualTo("Lack of consistent documentation");
    assertThat(CATALOGUE.scenario("unauthorized access to data"))
        .as("names are case-sensitive identifiers")
        .isNull();
    assertThat(CATALOGUE.scenario("Exfiltrating large amounts of data")).isNull();
    assertThat(CATALOGUE.acceptedNames())
        .hasSize(
            SCENARIOS.size()
                + CATALOGUE.scenarios().stream().mapToInt(s -> s.aliases().size()).sum());
  }

  @Test
  void everyEvidenceIdIsListedAndEveryAgentExposureIsImplemented() {
    for (ThreatCatalogue.Scenario scenario : CATALOGUE.scenarios()) {
      assertThat(scenario.evidence())
          .as(scenario.name())
          .allSatisfy(id -> assertThat(CATALOGUE.mitigation(id)).isNotNull());
    }
    for (ThreatCatalogue.Agent agent : CATALOGUE.agents()) {
      assertThat(ThreatModelBuilder.knownExposures()).as(agent.name()).contains(agent.exposure());
    }
  }

  @Test
  void scenariosSayWhatASpecCanShowAndWhatToVerify() {
    for (ThreatCatalogue.Scenario scenario : CATALOGUE.scenarios()) {
      assertThat(scenario.mitigations()).as(scenario.name()).isNotEmpty();
      assertThat(scenario.verify()).as(scenario.name()).isNotEmpty();
      if (scenario.assessable() == ThreatCatalogue.Assessable.NO) {
        assertThat(scenario.evidence()).as(scenario.name()).isEmpty();
      } else if (scenario.assessable() == ThreatCatalogue.Assessable.YES) {
        assertThat(scenario.evidence()).as(scenario.name()).isNotEmpty();
      }
    }
    assertThat(CATALOGUE.scenario("Social engineering").assessable())
        .isEqualTo(ThreatCatalogue.Assessable.NO);
    assertThat(CATALOGUE.scenario("Account hijacking").assessable())
        .isEqualTo(ThreatCatalogue.Assessable.YES);
    assertThat(CATALOGUE.scenario("Lack of logging/monitoring").assessable())
        .isEqualTo(ThreatCatalogue.Assessable.PARTLY);
  }

  @Test
  void refusesTextThatYamlReadAsAMapping() {
    String yaml =
        minimal("      - Filter in the backend: return the minimal data set.\n", "Some scenario");
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("quote text");
  }

  @Test
  void refusesANameUsedTwice() {
    String yaml =
        minimal("      - Throttle.\n", "Some scenario")
            .replace("aliases: []", "aliases: [Some scenario]");
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("used twice");
  }

  @Test
  void refusesAnEvidenceIdItDoesNotList() {
    String yaml =
        minimal("      - Throttle.\n", "Some scenario")
            .replace("evidence: []", "evidence: [rate-limiting]");
    assertThatThrownBy(() -> read(yaml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unknown evidence id 'rate-limiting'");
  }

  @Test
  void readsUnquotedYesAndNoAsAssessability() {
    ThreatCatalogue catalogue = read(minimal("      - Throttle.\n", "Some scenario"));
    assertThat(catalogue.scenario("Some scenario").assessable())
        .isEqualTo(ThreatCatalogue.Assessable.NO);
  }

  private static ThreatCatalogue read(String yaml) {
    return ThreatCatalogue.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String minimal(String mitigation, String name) {
    return String.join(
        "\n",
        "categories:",
        "  - {id: DS, name: Data security, description: Data.}",
        "assets: []",
        "agents:",
        "  - {name: Someone, description: Anyone., exposure: internet}",
        "scenarios:",
        "  - name: " + name,
        "    aliases: []",
        "    category: DS",
        "    rating: {c: M, i: L, a: L}",
        "    agents: [Someone]",
        "    assessable: no",
        "    description: Something happens.",
        "    mitigations:",
        mitigation + "    evidence: []",
        "    verify: [Check it.]",
        "");
  }
}
