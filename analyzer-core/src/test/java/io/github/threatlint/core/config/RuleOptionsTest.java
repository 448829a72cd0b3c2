package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.RuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleOptionsTest {
  @Test
  void describesOptionsWithTypeDefaultAndDescription() {
    RuleDescriptor typed = new RuleDescriptor(TestRules.Typed.class);
    assertThat(RuleOptions.describe(typed))
        .containsExactly(
            new RuleOptions.OptionDoc("test-typed", "strictMode", "boolean", "false", "A switch."),
            new RuleOptions.OptionDoc("test-typed", "maxItems", "integer", "10", "A count."),
            new RuleOptions.OptionDoc("test-typed", "ratio", "number", "0.5", "A ratio."),
            new RuleOptions.OptionDoc("test-typed", "name", "string", "\"x\"", "A name."),
            new RuleOptions.OptionDoc(
                "test-typed", "paths", "list of strings", "[\"/health\"]", "Paths | globs."));
  }

  @Test
  void writesAMarkdownTableOfTheRulesThatHaveOptions() {
    assertThat(
            RuleOptions.markdownTable(
                List.of(
                    new RuleDescriptor(TestRules.Flagged.class),
                    new RuleDescriptor(TestRules.SftiOnly.class),
                    new RuleDescriptor(TestRules.Typed.class))))
        .isEqualTo(
            """
        | rule | option | type | default | meaning |
        |---|---|---|---|---|
        | `test-flagged` | `prefix` | string | `"flagged"` | Text put before each message. |
        | `test-typed` | `strictMode` | boolean | `false` | A switch. |
        | `test-typed` | `maxItems` | integer | `10` | A count. |
        | `test-typed` | `ratio` | number | `0.5` | A ratio. |
        | `test-typed` | `name` | string | `"x"` | A name. |
        | `test-typed` | `paths` | list of strings | `["/health"]` | Paths \\| globs. |
        """);
  }
}
