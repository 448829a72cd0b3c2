package io.github.threatlint.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.engine.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each folder under {@code src/test/resources/io/github/threatlint/core/ruleset/} is a ruleset with
 * a specification and the findings it must give, one per line in {@code expected.txt} ({@code
 * file:line:column level [rule] message}), through the one entry point {@link Check#run} with no
 * built-in rule. {@code -Dthreatlint.updateGolden=true} rewrites the files (review the diff).
 */
class RulesetFixtureTest {
  private static final Path FIXTURES =
      Path.of("src/test/resources/io/github/threatlint/core/ruleset");

  @ParameterizedTest
  @ValueSource(strings = {"functions", "resolved", "extends", "messages", "cycles", "siblings"})
  void findingsAreTheExpectedOnes(String name) throws Exception {
    Path folder = FIXTURES.resolve(name).toAbsolutePath();
    CheckResult result =
        Check.run(
            CheckRequest.builder(folder, List.of())
                .files(List.of(folder.resolve("spec.yaml")))
                .configFile(folder.resolve(".threatlint.yaml"), ".threatlint.yaml")
                .threads(1)
                .build());
    assertThat(result.result().errors()).isEmpty();
    List<String> lines = new ArrayList<>();
    for (Finding finding : result.result().findings()) {
      lines.add(
          finding.file()
              + ":"
              + finding.region().startLine()
              + ":"
              + finding.region().startColumn()
              + " "
              + finding.level().label()
              + " ["
              + finding.ruleId()
              + "] "
              + finding.message());
    }
    String actual = String.join("\n", lines) + "\n";
    Path expected = folder.resolve("expected.txt");
    if (Boolean.getBoolean("threatlint.updateGolden")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
