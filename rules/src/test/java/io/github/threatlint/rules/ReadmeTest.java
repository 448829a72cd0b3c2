package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.RuleOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README honest: its table of rule options is the one generated from the annotations, and
 * its complete configuration example is a valid configuration for the built-in rules. Run with
 * {@code -Dthreatlint.updateReadme=true} to rewrite the table.
 */
class ReadmeTest {
  private static final Path README = Path.of("..", "README.md");

  /** The reference page of the configuration, which holds the generated table of rule options. */
  private static final Path CONFIGURATION_PAGE = Path.of("..", "docs", "configuration.md");

  private static final String BEGIN = "<!-- rule-options:begin -->\n";
  private static final String END = "<!-- rule-options:end -->";

  @Test
  void theOptionsTableIsGeneratedFromTheAnnotations() throws IOException {
    String readme = Files.readString(CONFIGURATION_PAGE, StandardCharsets.UTF_8);
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    assertThat(begin)
        .as("docs/configuration.md has the markers %s and %s", BEGIN.strip(), END)
        .isGreaterThan(0);
    assertThat(end).isGreaterThan(begin);
    String table = RuleOptions.markdownTable(BuiltInRules.all());
    String updated = readme.substring(0, begin + BEGIN.length()) + table + readme.substring(end);
    if (Boolean.getBoolean("threatlint.updateReadme")) {
      Files.writeString(CONFIGURATION_PAGE, updated, StandardCharsets.UTF_8);
      return;
    }
    assertThat(readme.substring(begin + BEGIN.length(), end))
        .as(
            "the options table in docs/configuration.md is out of date; regenerate it with -Dthreatlint.updateReadme=true "
                + "(mvn -B -o -q test -pl rules -am -Dtest=ReadmeTest -Dsurefire.failIfNoSpecifiedTests=false -Dthreatlint.updateReadme=true)")
        .isEqualTo(table);
  }

  @Test
  void theCompleteConfigurationExampleIsValid() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int marker = readme.indexOf("<!-- config-example -->");
    assertThat(marker).isGreaterThan(0);
    int start = readme.indexOf("```yaml\n", marker) + "```yaml\n".length();
    String yaml = readme.substring(start, readme.indexOf("```", start));
    Configuration configuration =
        new ConfigurationLoader(BuiltInRules.all())
            .parse(new SourceFile(null, ".threatlint.yaml", yaml), Path.of("."));
    assertThat(configuration.profile()).isNotNull();
    assertThat(configuration.rules()).isNotEmpty();
    assertThat(configuration.ignores()).isNotEmpty();
    assertThat(configuration.docsUrl().of("ref-remote"))
        .isEqualTo("https://wiki.bank.example/threatlint/rules/ref-remote.html");
  }
}
