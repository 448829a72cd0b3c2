package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.RuleSelection;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profiles over the built-in catalog: each profile's rule set follows from the rules' levels,
 * and the profiles nest (recommended within sfti within strict, never at a lower level).
 */
class ProfilesTest {
  private static Map<String, Level> levels(Profile profile) throws Exception {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (EnabledRule rule :
        new RuleSelection(BuiltInRules.all())
            .select(profile, Configuration.EMPTY, List.of(), List.of())) {
      levels.put(rule.id(), rule.level());
    }
    return levels;
  }

  @Test
  void recommendedRunsTheRulesOnByDefaultAtTheirDefaultLevel() throws Exception {
    Map<String, Level> expected = new LinkedHashMap<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (rule.info().level() != Level.OFF) {
        expected.put(rule.id(), rule.info().level());
      }
    }
    assertThat(levels(Profile.RECOMMENDED)).isEqualTo(expected);
    assertThat(levels(Profile.RECOMMENDED))
        .containsEntry("operation-security-missing", Level.ERROR)
        .containsEntry("security-schemes-missing", Level.ERROR);
  }

  @Test
  void sftiUsesTheSftiLevelWhereARuleHasOne() throws Exception {
    Map<String, Level> sfti = levels(Profile.SFTI);
    for (RuleDescriptor rule : BuiltInRules.all()) {
      Level expected =
          rule.info().sftiLevel() != Level.OFF ? rule.info().sftiLevel() : rule.info().level();
      assertThat(sfti.getOrDefault(rule.id(), Level.OFF)).as(rule.id()).isEqualTo(expected);
    }
  }

  @Test
  void strictRunsEveryRuleAtLeastAsNote() throws Exception {
    Map<String, Level> strict = levels(Profile.STRICT);
    assertThat(strict.keySet())
        .containsExactlyElementsOf(BuiltInRules.all().stream().map(RuleDescriptor::id).toList());
    assertThat(strict.values()).allSatisfy(level -> assertThat(level).isNotEqualTo(Level.OFF));
  }

  @Test
  void theProfilesNest() throws Exception {
    Map<String, Level> recommended = levels(Profile.RECOMMENDED);
    Map<String, Level> sfti = levels(Profile.SFTI);
    Map<String, Level> strict = levels(Profile.STRICT);
    assertThat(sfti)
        .containsAllEntriesOf(
            strict.entrySet().stream()
                .filter(e -> sfti.containsKey(e.getKey()))
                .collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    assertThat(sfti.keySet()).containsAll(recommended.keySet());
    assertThat(strict.keySet()).containsAll(sfti.keySet());
  }
}
