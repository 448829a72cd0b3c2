package io.github.threatlint.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTextTest {
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
