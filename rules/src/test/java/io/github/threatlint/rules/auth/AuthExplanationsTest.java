package io.github.threatlint.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.Explanation;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every auth rule has its hand-written explanation, with exactly the sections the documentation
 * expects.
 */
class AuthExplanationsTest {
  private static final List<String> SECTIONS =
      Explanation.SECTIONS.stream().map(section -> "## " + section).toList();

  @Test
  void everyAuthRuleHasAnExplanationWithItsSections() throws IOException {
    int checked = 0;
    for (RuleDescriptor rule : BuiltInRules.all()) {
      if (!rule.info().section().equals("auth")) {
        continue;
      }
      String resource = "/io/github/threatlint/rules/explanations/" + rule.id() + ".md";
      try (InputStream in = AuthExplanationsTest.class.getResourceAsStream(resource)) {
        assertThat(in).as(resource).isNotNull();
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String> headings = text.lines().filter(line -> line.startsWith("#")).toList();
        assertThat(headings).as(rule.id() + " headings").containsExactlyElementsOf(SECTIONS);
        assertThat(text).as(rule.id() + " examples").contains("```yaml");
      }
      checked++;
    }
    assertThat(checked).isEqualTo(33);
  }
}
