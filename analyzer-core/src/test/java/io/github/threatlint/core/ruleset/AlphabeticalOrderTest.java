package io.github.threatlint.core.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order {@code alphabetical} checks is JavaScript's {@code localeCompare}, as Spectral's: the
 * expected signs below are what Node 20 answers.
 */
class AlphabeticalOrderTest {
  private static int sign(Object a, Object b) {
    return Integer.signum(CoreFunctions.compare(a, b));
  }

  @Test
  void spacesAndPunctuationComeBeforeLettersInsteadOfBeingIgnored() {
    // tag names from public specs that Java's English collation ordered the other way
    assertThat(sign("Card-tokens", "Cards")).isEqualTo(-1);
    assertThat(sign("Card Transactions", "Cardholders")).isEqualTo(-1);
    assertThat(sign("Custom Object Schemas", "Custom Objects")).isEqualTo(-1);
    assertThat(sign("Balances overview", "Balance transfers")).isEqualTo(1);
    assertThat(sign("Card Accounts", "Card Account Statements")).isEqualTo(1);
  }

  @Test
  void asciiSymbolsFollowIcusRootOrderBeforeDigitsAndLetters() {
    List<String> icuOrder =
        " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBzZ"
            .chars()
            .mapToObj(Character::toString)
            .toList();
    for (int i = 0; i + 1 < icuOrder.size(); i++) {
      assertThat(sign("x" + icuOrder.get(i), "x" + icuOrder.get(i + 1)))
          .as("%s before %s", icuOrder.get(i), icuOrder.get(i + 1))
          .isEqualTo(-1);
    }
  }

  @Test
  void caseAndAccentsDecideOnlyBetweenOtherwiseEqualText() {
    assertThat(sign("a", "A")).isEqualTo(-1);
    assertThat(sign("Ab", "ac")).isEqualTo(-1);
    assertThat(sign("é", "f")).isEqualTo(-1);
    assertThat(sign("e", "é")).isEqualTo(-1);
  }

  @Test
  void numbersAreComparedByValueAndNumberLikeTextOnlyAfterANumber() {
    // Spectral's quirk: a number's text is a number only when the left side is a number
    assertThat(sign(2.0, 10.0)).isEqualTo(-1);
    assertThat(sign(10.0, "9")).isEqualTo(1);
    assertThat(sign("10", "9")).isEqualTo(-1);
    assertThat(sign("abc", "10")).isZero();
  }
}
