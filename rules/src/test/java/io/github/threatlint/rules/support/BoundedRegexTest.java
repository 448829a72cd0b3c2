package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Configured expressions match as Java's do, and a catastrophic one fails fast naming its option.
 */
class BoundedRegexTest {
  private static final String OPTION = "option 'pattern' of oauth2-scope-naming";

  @Test
  void matchesAsJavaDoes() {
    BoundedRegex scopes = BoundedRegex.compile("[a-z]+(:[a-z]+)*|(x)\\2", OPTION);
    assertThat(scopes.matches("accounts:read")).isTrue();
    assertThat(scopes.matches("xx")).isTrue();
    assertThat(scopes.matches("Accounts")).isFalse();
  }

  @Test
  void catastrophicBacktrackingFailsFastNamingTheOption() {
    BoundedRegex nested = BoundedRegex.compile("((a+)+)\\1?", OPTION);
    String scope = "a".repeat(40) + "!";
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () ->
            assertThatThrownBy(() -> nested.matches(scope))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                    OPTION
                        + " takes too long on a value of 41 characters (it backtracks catastrophically): simplify the expression"));
  }

  @Test
  void invalidExpressionNamesTheOption() {
    assertThatThrownBy(() -> BoundedRegex.compile("(", OPTION))
        .hasMessageStartingWith(OPTION + " is not a valid regular expression");
  }
}
