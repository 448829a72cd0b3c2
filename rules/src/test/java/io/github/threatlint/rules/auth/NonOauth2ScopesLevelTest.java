package io.github.threatlint.rules.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * non-oauth2-scopes is a warning in Swagger 2.0 and OpenAPI 3.0, where scopes on other schemes are
 * invalid, and only a note in 3.1.
 */
class NonOauth2ScopesLevelTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/non-oauth2-scopes");

  private static List<Level> levels(String fixture, Level configured) {
    Analyzer analyzer =
        new Analyzer(
            List.of(new EnabledRule(BuiltInRules.byId("non-oauth2-scopes"), configured, Map.of())),
            64L * 1024 * 1024,
            1,
            file -> ExternalFiles.NONE);
    return analyzer
        .analyze(List.of(new Analyzer.Input(FIXTURES.resolve(fixture), fixture)))
        .findings()
        .stream()
        .map(Finding::level)
        .toList();
  }

  @Test
  void warningInOpenApi30AndSwagger20() {
    assertThat(levels("oas30.yaml", Level.WARNING)).containsExactly(Level.WARNING, Level.WARNING);
    assertThat(levels("swagger20.yaml", Level.ERROR)).containsExactly(Level.ERROR);
  }

  @Test
  void noteInOpenApi31WhereRolesAreAllowed() {
    assertThat(levels("oas31-roles-note.yaml", Level.WARNING)).containsExactly(Level.NOTE);
    // A level set by configuration or a profile applies to all the rule's findings.
    assertThat(levels("oas31-roles-note.yaml", Level.ERROR)).containsExactly(Level.ERROR);
  }
}
