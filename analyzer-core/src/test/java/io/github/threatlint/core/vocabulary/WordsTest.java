package io.github.threatlint.core.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How names split into words. */
class WordsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "clientSecret, client secret",
    "client_secret, client secret",
    "Client-Secret, client secret",
    "IBANNumber, iban number",
    "userID, user id",
    "XMLHttpRequest, xml http request",
    "address2, address2",
    "address2Line, address2 line",
    "IPv4Address, ipv4 address",
    "GlobalIPv6PrefixLen, global ipv6 prefix len",
    "ipv6_address, ipv6 address",
    "SNMPv3User, snmpv3 user",
  })
  void split(String name, String words) {
    List<String> expected = Arrays.asList(words.split(" "));
    assertThat(Words.split(name)).isEqualTo(expected);
  }

  @Test
  void aPhraseIsFoundInAnyAsciiCaseAsInTheLowerCaseText() {
    List<String> texts =
        Arrays.asList(
            "Assigned BY THE server.",
            "set by the bank",
            "ends with by the ",
            "nearby thesis",
            "by the",
            " BY THE",
            "Derived From The OAuth flow",
            "derived from them",
            "Ünïcödé set By The système",
            "",
            null);
    for (String phrase : List.of(" by the ", "derived from the ")) {
      for (String text : texts) {
        assertThat(Words.containsInAnyCase(text, phrase))
            .as("%s in %s", phrase, text)
            .isEqualTo(Words.lower(text).contains(phrase));
      }
    }
    assertThat(Words.containsInAnyCase("Assigned BY THE server.", " by the ")).isTrue();
    assertThat(Words.containsInAnyCase("nearby thesis", " by the ")).isFalse();
    assertThat(Words.containsInAnyCase(null, " by the ")).isFalse();
  }

  @Test
  void collapsingWhiteSpaceMakesEachRunOneBlank() {
    assertThat(Words.collapseWhiteSpace("a  b\n\tc\r\n d")).isEqualTo("a b c d");
    assertThat(Words.collapseWhiteSpace(" edge ")).isEqualTo(" edge ");
    assertThat(Words.collapseWhiteSpace("")).isEmpty();
  }
}
