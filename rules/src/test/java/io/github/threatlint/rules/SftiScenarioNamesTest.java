package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.threatmodel.ThreatCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every scenario a rule cites is one of the threat-model catalogue (by its name or an alias,
 * exactly as written there), so the threat-model report files each rule's findings under a real
 * scenario; every mitigation a rule records evidence for is one of the catalogue's, and each of
 * those has a rule that records it. The catalogue is analyzer-core's {@code
 * threatmodel/sfti-threat-model.yaml}.
 */
class SftiScenarioNamesTest {
  @Test
  void everyRuleCitesScenariosOfTheCatalogue() {
    ThreatCatalogue catalogue = ThreatCatalogue.sfti();
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      for (String name : rule.info().sftiScenarios()) {
        if (catalogue.scenario(name) == null) {
          problems.add(
              rule.id()
                  + " cites '"
                  + name
                  + "', which is no scenario name or alias of the catalogue");
        }
      }
    }
    assertThat(problems).as("accepted names: " + catalogue.acceptedNames()).isEmpty();
  }

  @Test
  void everyMitigationOfTheCatalogueIsRecordedByARule() {
    ThreatCatalogue catalogue = ThreatCatalogue.sfti();
    Set<String> recorded = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      for (String id : rule.info().mitigations()) {
        recorded.add(id);
        if (catalogue.mitigation(id) == null) {
          problems.add(
              rule.id()
                  + " records evidence for '"
                  + id
                  + "', which the catalogue's evidence list does not name");
        }
      }
    }
    for (ThreatCatalogue.MitigationKind mitigation : catalogue.mitigations()) {
      if (!recorded.contains(mitigation.id())) {
        problems.add("no rule records evidence for '" + mitigation.id() + "'");
      }
    }
    assertThat(problems).isEmpty();
  }
}
