package io.github.threatlint.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTextTest {
  @Test
  void aLineShowsControlsSeparatorsAndBidiControlsAsEscapes() {
    assertThat(OutputText.line("a\nb\r\tc\u001B[31m\u007F\u0085\u2028\u202Eé ü"))
        .isEqualTo("a\\nb\\r\\tc\\u001B[31m\\u007F\\u0085\\u2028\\u202Eé ü");
    String plain = "GET /accounts/{id}: no 'security' (and é, ü)";
    assertThat(OutputText.line(plain)).isSameAs(plain);
  }

  @Test
  void ourOwnMarkdownKeepsItsMarkupButStaysInOneTableCell() {
    assertThat(OutputText.markdownCell("Send it in a header (`in: header`) | or\r\nnot"))
        .isEqualTo("Send it in a header (`in: header`) \\| or not");
  }

  @Test
  void specTextInMarkdownLosesItsMarkup() {
    assertThat(OutputText.markdown("`a` | *b* @team"))
        .isEqualTo("\\`a\\` \\| \\*b\\* @<!-- -->team");
  }

  @Test
  void xmlTextHasNoMarkupAndOnlyCharactersXmlCanCarry() {
    assertThat(OutputText.xml("<a href=\"x\">'&'</a>\u0000"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\uFFFD");
  }
}
