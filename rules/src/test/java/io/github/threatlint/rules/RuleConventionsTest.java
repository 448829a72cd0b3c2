package io.github.threatlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Conventions every rule keeps, checked for all of them (convention enforced by a test is
 * convention kept).
 */
class RuleConventionsTest {
  private static final Set<String> AREAS = Set.of("DOC", "TPP", "AAA", "CON", "DS", "APIM", "DSO");
  private static final Set<String> SECTIONS = Set.of("auth", "data", "transport", "ops", "doc");

  static List<String> catalogIds() throws IOException {
    try (var in = RuleConventionsTest.class.getResourceAsStream("/catalog-ids.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }

  @Test
  void everyRuleIdIsInTheCatalogAndUnique() throws IOException {
    List<String> catalog = catalogIds();
    List<String> ids = BuiltInRules.all().stream().map(RuleDescriptor::id).toList();
    assertThat(catalog).containsAll(ids);
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void everyRuleHasCompleteMetadata() {
    for (RuleDescriptor rule : BuiltInRules.all()) {
      RuleInfo info = rule.info();
      assertThat(info.title()).as(rule.id() + " title").isNotBlank();
      assertThat(info.description()).as(rule.id() + " description").hasSizeGreaterThan(40);
      assertThat(info.securitySeverity()).as(rule.id() + " security-severity").isBetween(0.1, 10.0);
      assertThat(AREAS).as(rule.id() + " SFTI areas").containsAll(List.of(info.sftiAreas()));
      assertThat(info.sftiAreas()).as(rule.id() + " SFTI areas").isNotEmpty();
      assertThat(SECTIONS).as(rule.id() + " section").contains(info.section());
      assertThat(info.precision())
          .as(rule.id() + " precision")
          .isIn("very-high", "high", "medium", "low");
      for (String category : info.owasp2023()) {
        assertThat(category).as(rule.id() + " OWASP 2023").matches("API([1-9]|10)");
      }
      for (String category : info.owasp2019()) {
        assertThat(category).as(rule.id() + " OWASP 2019").matches("API([1-9]|10)");
      }
      String expectedClass =
          Stream.of(rule.id().split("-"))
              .map(word -> Character.toUpperCase(word.charAt(0)) + word.substring(1))
              .collect(Collectors.joining());
      assertThat(rule.type().getSimpleName())
          .as("class of " + rule.id())
          .isEqualToIgnoringCase(expectedClass);
      assertThat(rule.type().getPackageName())
          .as("package of " + rule.id())
          .endsWith("." + info.section());
    }
  }

  @Test
  void everyRuleHasPositiveAndNegativeFixtures() throws IOException {
    List<String> problems = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      Path folder = FixtureTest.FIXTURES.resolve(rule.id());
      if (!Files.isDirectory(folder)) {
        problems.add(rule.id() + ": no fixtures folder " + folder);
        continue;
      }
      int positive = 0;
      int negative = 0;
      try (Stream<Path> entries = Files.list(folder)) {
        for (Path fixture : entries.filter(FixtureTest::isRootFixture).toList()) {
          if (FixtureTest.expectations(fixture, rule.id()).isPositive()) {
            positive++;
          } else {
            negative++;
          }
        }
      }
      if (positive == 0 || negative == 0) {
        problems.add(
            rule.id() + ": " + positive + " positive and " + negative + " negative fixtures");
      }
    }
    assertThat(problems).isEmpty();
  }
}
