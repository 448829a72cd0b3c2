package io.github.threatlint.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Anchoring and length bounds read from patterns. */
class RegexesTest {

  @ParameterizedTest(name = "{0} anchored={1} boundsLength={2}")
  @CsvSource(
      delimiter = ';',
      quoteCharacter = '"',
      value = {
        "^[A-Z]{3}$ ; true ; true",
        "[A-Z]{3} ; false ; false",
        "^[A-Z]{3} ; false ; false",
        "^de|fr$ ; false ; false",
        "^(?:de|fr)$ ; true ; true",
        "^de$|^fr$ ; true ; true",
        "^[0-9]+$ ; true ; false",
        "^.*$ ; true ; false",
        "^[0-9]{1,}$ ; true ; false",
        "^[0-9]{1,10}$ ; true ; true",
        "^[+*]{2}$ ; true ; true",
        "^\\+41[0-9]{9}$ ; true ; true",
        "^[0-9]\\$ ; false ; false",
        "^[0-9]\\\\$ ; true ; true",
        "\\A[a-z]{2}\\z ; true ; true",
        "^[]a]{2}$ ; true ; true",
      })
  void readsAnchorsAndBounds(String pattern, boolean anchored, boolean boundsLength) {
    assertThat(Regexes.isAnchored(pattern.trim())).as("anchored").isEqualTo(anchored);
    assertThat(Regexes.boundsLength(pattern.trim())).as("bounds length").isEqualTo(boundsLength);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        ".* ; true",
        "^.*$ ; true",
        "[\\w\\W\\s]* ; true",
        "^[\\s\\S]*$ ; true",
        "^(.*)$ ; true",
        ".+ ; true",
        "^$ ; false",
        "^[a-z]*$ ; false",
        "[^<>]* ; false",
        "^.{1,35}$ ; false",
        "^[\\w]*$ ; false",
      })
  void matchAnythingPatternsConstrainNothing(String pattern, boolean anything) {
    assertThat(Regexes.matchesAnything(pattern.trim())).isEqualTo(anything);
  }
}
