package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSelectionTest {
  private final RuleSelection selection = new RuleSelection(TestRules.CATALOG);

  private Map<String, Level> levels(
      Profile profile, Configuration configuration, List<String> enable, List<String> disable)
      throws ConfigurationException {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (EnabledRule rule : selection.select(profile, configuration, enable, disable)) {
      levels.put(rule.id(), rule.level());
    }
    return levels;
  }

  private Map<String, Level> levels(Profile profile) throws ConfigurationException {
    return levels(profile, Configuration.EMPTY, List.of(), List.of());
  }

  private static Configuration config(
      Profile profile, Map<String, Configuration.RuleSetting> rules) {
    return new Configuration(".threatlint.yaml", null, profile, rules, List.of());
  }

  @Test
  void recommendedRunsTheRulesOnByDefaultAtTheirDefaultLevel() throws Exception {
    assertThat(levels(Profile.RECOMMENDED))
        .containsExactly(
            Map.entry("test-flagged", Level.ERROR),
            Map.entry("test-sfti-stricter", Level.NOTE),
            Map.entry("test-typed", Level.WARNING));
  }

  @Test
  void sftiAddsAndRaisesTheRulesWithAnSftiLevel() throws Exception {
    assertThat(levels(Profile.SFTI))
        .containsExactly(
            Map.entry("test-flagged", Level.ERROR),
            Map.entry("test-sfti-only", Level.WARNING),
            Map.entry("test-sfti-stricter", Level.ERROR),
            Map.entry("test-typed", Level.WARNING));
  }

  @Test
  void strictRunsEveryRuleAtLeastAsNote() throws Exception {
    assertThat(levels(Profile.STRICT))
        .containsExactly(
            Map.entry("test-flagged", Level.ERROR),
            Map.entry("test-off-everywhere", Level.NOTE),
            Map.entry("test-sfti-only", Level.WARNING),
            Map.entry("test-sfti-stricter", Level.ERROR),
            Map.entry("test-typed", Level.WARNING));
  }

  @Test
  void theProfileComesFromTheCommandLineElseTheConfigurationElseRecommended() throws Exception {
    Configuration extendsStrict = config(Profile.STRICT, Map.of());
    assertThat(RuleSelection.effectiveProfile(null, Configuration.EMPTY))
        .isEqualTo(Profile.RECOMMENDED);
    assertThat(RuleSelection.effectiveProfile(null, extendsStrict)).isEqualTo(Profile.STRICT);
    assertThat(RuleSelection.effectiveProfile(Profile.SFTI, extendsStrict)).isEqualTo(Profile.SFTI);
    assertThat(levels(null, extendsStrict, List.of(), List.of())).isEqualTo(levels(Profile.STRICT));
    assertThat(levels(Profile.RECOMMENDED, extendsStrict, List.of(), List.of()))
        .isEqualTo(levels(Profile.RECOMMENDED));
  }

  @Test
  void configuredLevelsReplaceTheProfilesAndOffSwitchesARuleOff() throws Exception {
    Configuration configuration =
        config(
            null,
            Map.of(
                "test-flagged", new Configuration.RuleSetting(Level.OFF, Map.of()),
                "test-typed", new Configuration.RuleSetting(Level.ERROR, Map.of()),
                "test-off-everywhere", new Configuration.RuleSetting(Level.WARNING, Map.of())));
    assertThat(levels(null, configuration, List.of(), List.of()))
        .containsExactly(
            Map.entry("test-off-everywhere", Level.WARNING),
            Map.entry("test-sfti-stricter", Level.NOTE),
            Map.entry("test-typed", Level.ERROR));
  }

  @Test
  void optionsAloneKeepTheProfilesLevelOrSwitchOnARuleThatIsOff() throws Exception {
    Configuration configuration =
        config(
            null,
            Map.of(
                "test-typed", new Configuration.RuleSetting(null, Map.of("maxItems", 3)),
                "test-off-everywhere", new Configuration.RuleSetting(null, Map.of("unused", 1))));
    List<EnabledRule> rules = selection.select(null, configuration, List.of(), List.of());
    EnabledRule typed =
        rules.stream().filter(r -> r.id().equals("test-typed")).findFirst().orElseThrow();
    assertThat(typed.level()).isEqualTo(Level.WARNING);
    assertThat(typed.options()).isEqualTo(Map.of("maxItems", 3));
    assertThat(rules).extracting(EnabledRule::id).contains("test-off-everywhere");
    assertThat(
            rules.stream()
                .filter(r -> r.id().equals("test-flagged"))
                .findFirst()
                .orElseThrow()
                .options())
        .isEmpty();
  }

  @Test
  void enableSwitchesOnWhatIsOffAndDisableWinsOverEverything() throws Exception {
    Configuration configuration =
        config(
            null,
            Map.of(
                "test-flagged",
                new Configuration.RuleSetting(Level.OFF, Map.of()),
                "test-typed",
                new Configuration.RuleSetting(Level.ERROR, Map.of())));
    assertThat(
            levels(
                Profile.RECOMMENDED,
                configuration,
                List.of("test-sfti-only", "test-flagged", "test-sfti-stricter"),
                List.of("test-typed")))
        .containsExactly(
            Map.entry("test-flagged", Level.ERROR),
            Map.entry("test-sfti-only", Level.WARNING),
            Map.entry("test-sfti-stricter", Level.NOTE));
    assertThat(
            levels(
                Profile.STRICT, Configuration.EMPTY, List.of("test-typed"), List.of("test-typed")))
        .doesNotContainKey("test-typed");
  }

  @Test
  void unknownRuleIdsAreErrorsWithASuggestion() {
    assertThatThrownBy(
            () -> selection.select(null, Configuration.EMPTY, List.of("test-flaged"), List.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "unknown rule 'test-flaged' (did you mean 'test-flagged'?); 'threatlint rules' lists the rule ids");
    assertThatThrownBy(
            () ->
                selection.select(null, Configuration.EMPTY, List.of(), List.of("nothing-like-it")))
        .hasMessage("unknown rule 'nothing-like-it'; 'threatlint rules' lists the rule ids");
  }
}
