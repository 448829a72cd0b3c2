package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.report.SarifHelpBundle;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The build makes the SARIF help bundle of the built-in rules, and it is the one their metadata and
 * explanations make now (analyzer-core's SarifHelpBundleTest checks what a bundle holds).
 */
class SarifHelpBundleTest {
  @Test
  void theBuildMadeTheBundleOfEveryBuiltInRule() throws IOException {
    try (InputStream in =
        BuiltInRules.class.getClassLoader().getResourceAsStream(SarifHelpBundle.RESOURCE)) {
      assertThat(in).as(SarifHelpBundle.RESOURCE).isNotNull();
      assertThat(in.readAllBytes()).isEqualTo(SarifHelpBundle.bundle(BuiltInRules.all()));
    }
  }
}
