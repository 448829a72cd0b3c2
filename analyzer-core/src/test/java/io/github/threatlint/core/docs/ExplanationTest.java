package io.github.threatlint.core.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleMetadata;
import io.github.threatlint.core.report.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final String GOOD =
      """
      ## Why it matters

      Because.

      ### A detail

      More.

      ## Failing example

      ```yaml
      ## not a heading inside a fence
      a: 1
      ```

      ## Passing example

      ```yaml
      a: 2
      ```

      ## When not to fix

      When a = 1 is a standard's convention; the rule is a note.
      """;

  @Test
  void readsTheFourSections() {
    Explanation explanation = Explanation.parse("x", GOOD);
    assertThat(explanation.whyItMatters()).isEqualTo("Because.\n\n### A detail\n\nMore.");
    assertThat(explanation.failingExample())
        .isEqualTo("```yaml\n## not a heading inside a fence\na: 1\n```");
    assertThat(explanation.passingExample()).isEqualTo("```yaml\na: 2\n```");
    assertThat(explanation.whenNotToFix())
        .isEqualTo("When a = 1 is a standard's convention; the rule is a note.");
    assertThat(Explanation.problems(GOOD)).isEmpty();
  }

  @Test
  void namesEveryProblemOfAMalformedExplanation() {
    assertThat(Explanation.problems("# Title\n\n" + GOOD))
        .containsExactly("text before the first section '## Why it matters'");
    assertThat(Explanation.problems(GOOD.replace("## Passing example", "## Passing")))
        .containsExactly(
            "the sections must be exactly '## Why it matters', '## Failing example', '## Passing example', "
                + "'## When not to fix' in this order, found '## Why it matters', '## Failing example', "
                + "'## Passing', '## When not to fix'");
    assertThat(Explanation.problems(GOOD.replaceAll("(?s)\n## When not to fix.*", "\n")))
        .containsExactly(
            "the sections must be exactly '## Why it matters', '## Failing example', '## Passing example', "
                + "'## When not to fix' in this order, found '## Why it matters', '## Failing example', "
                + "'## Passing example'");
    assertThat(
            Explanation.problems(
                GOOD.replace("When a = 1 is a standard's convention; the rule is a note.", "")))
        .containsExactly("the section '## When not to fix' is empty");
    assertThat(Explanation.problems(GOOD + "\n## Options\n\nnone\n")).hasSize(1);
    assertThat(
            Explanation.problems(GOOD.replace("Because.", "").replace("### A detail\n\nMore.", "")))
        .containsExactly("the section '## Why it matters' is empty");
    assertThat(Explanation.problems(GOOD.replace("```yaml\na: 2\n```", "a: 2")))
        .containsExactly("the section '## Passing example' has no fenced code block");
    assertThat(Explanation.problems("")).hasSize(1);
    assertThatThrownBy(() -> Explanation.parse("some-rule", "nothing"))
        .hasMessageContaining("some-rule")
        .hasMessageContaining(Explanation.resourceName("some-rule"));
  }

  @Test
  void isFoundThroughTheRulesClassLoader() {
    assertThat(Explanation.load(TestRules.ALPHA).whyItMatters())
        .contains("Unauthorized access to data");
    assertThat(Explanation.load(TestRules.BETA)).isNull();
  }

  @Test
  void rulesOfOneClassHaveTheirOwnExplanations() {
    // the rules of rulesets share one class: the first one read must not answer for the others
    RuleDescriptor beta = declared("test-beta");
    RuleDescriptor alpha = declared("test-alpha");
    assertThat(Explanation.load(beta)).isNull();
    assertThat(Explanation.load(alpha)).isNotNull();
  }

  private static RuleDescriptor declared(String id) {
    RuleMetadata metadata =
        new RuleMetadata(id, id, "A rule.", Level.NOTE, List.of(), List.of(), 0, "doc", null);
    return new RuleDescriptor(metadata, TestRules.Gamma.class, TestRules.Gamma::new);
  }
}
