package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.Explanation;
import io.github.threatlint.core.docs.ExplanationBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundle the build makes holds every built-in rule's explanation exactly as its Markdown file
 * has it, and a run takes it from there.
 */
class ExplanationBundleTest {
  @Test
  void theBundleHasEveryExplanationAsItsFileHasIt() throws IOException {
    Map<String, String> bundled;
    try (InputStream in =
        BuiltInRules.class.getClassLoader().getResourceAsStream(ExplanationBundle.RESOURCE)) {
      assertThat(in).as(ExplanationBundle.RESOURCE).isNotNull();
      bundled = ExplanationBundle.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    for (RuleDescriptor rule : BuiltInRules.all()) {
      String text = Explanation.read(rule);
      assertThat(bundled.get(rule.id())).as(rule.id()).isNotNull().isEqualTo(text);
      assertThat(Explanation.load(rule))
          .as(rule.id())
          .isEqualTo(Explanation.parse(rule.id(), text));
    }
  }
}
