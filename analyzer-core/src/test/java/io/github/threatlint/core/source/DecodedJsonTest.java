package io.github.threatlint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A large UTF-8 file comes from the reader as its decoded characters, which the JSON parser reads
 * and finds the line starts in, the text's String made only when asked: the tree, the places and
 * the errors are those of the same text parsed from its String. (A text that is not valid UTF-8 is
 * refused before any parse: both halves are decoded first; {@link SourceReaderTest} checks the
 * offsets it names.)
 */
class DecodedJsonTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * A JSON text of more than {@link SourceReader#HALVES_FROM_BYTES}: characters of one to four
   * bytes (surrogate pairs) in keys and values, before and after the members looked up, and every
   * kind of line break.
   */
  private static String largeJson() {
    StringBuilder text = new StringBuilder("{\r\n  \"caf\u00e9 \uD83D\uDE00\": \"\u20ac\",\n");
    text.append("  \"padding\": [\n");
    for (int i = 0; i < 60_000; i++) {
      text.append("    \"a\u00e9\u20ac\uD83D\uDE00 ").append(i).append("\",\r\n");
    }
    text.append("    \"end\"\n  ],\r  \"last\": {\"\uD83D\uDE00k\": [1, 2.5, true, null]}\n}\n");
    return text.toString();
  }

  private static SourceFile read(String name, byte[] bytes) throws SourceException {
    SourceFile source =
        new SourceReader(SourceReader.DEFAULT_MAX_BYTES)
            .read(new ByteArrayInputStream(bytes), name);
    assertThat(bytes.length).isGreaterThanOrEqualTo(SourceReader.HALVES_FROM_BYTES);
    return source;
  }

  private static void assertParsedAlike(ParsedFile decoded, ParsedFile fromText) {
    assertThat(decoded.source().text()).isEqualTo(fromText.source().text());
    assertThat(decoded.root()).isEqualTo(fromText.root());
    assertThat(decoded.duplicateKeys()).isEqualTo(fromText.duplicateKeys());
    for (String pointer :
        new String[] {
          "",
          "/caf\u00e9 \uD83D\uDE00",
          "/padding",
          "/padding/0",
          "/padding/59999",
          "/padding/60000",
          "/last",
          "/last/\uD83D\uDE00k",
          "/last/\uD83D\uDE00k/3"
        }) {
      assertThat(decoded.index().region(pointer))
          .as(pointer)
          .isEqualTo(fromText.index().region(pointer));
      assertThat(decoded.index().valueRegion(pointer))
          .as(pointer)
          .isEqualTo(fromText.index().valueRegion(pointer));
    }
    assertThat(decoded.index().position(1_000_000)).isEqualTo(fromText.index().position(1_000_000));
  }

  @Test
  void parsesTheDecodedCharactersAsItsText() throws SourceException {
    String text = largeJson();
    SourceFile source = read("large.json", text.getBytes(StandardCharsets.UTF_8));

    ParsedFile decoded = TreeParser.parse(source);

    assertThat(source.text()).isEqualTo(text);
    assertThat(source.takeChars()).as("handed over to the parser, then forgotten").isNull();
    assertParsedAlike(decoded, TreeParser.parse(new SourceFile(null, "large.json", text)));
    assertThat(decoded.index().region("/last/\uD83D\uDE00k").startLine()).isEqualTo(60_006);
  }

  @Test
  void parsesTheDecodedCharactersAfterAByteOrderMark() throws SourceException {
    String text = largeJson();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = Arrays.copyOf(BOM, BOM.length + bytes.length);
    System.arraycopy(bytes, 0, withBom, BOM.length, bytes.length);

    ParsedFile decoded = TreeParser.parse(read("large.json", withBom));

    assertParsedAlike(decoded, TreeParser.parse(new SourceFile(null, "large.json", text)));
  }

  @Test
  void aSecondByteOrderMarkIsSkippedAsBefore() throws SourceException {
    // the reader skips the first as UTF-8's byte order mark, the parser the second, as for a text
    String text = "\uFEFF" + largeJson();
    byte[] bytes = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);

    ParsedFile decoded = TreeParser.parse(read("large.json", bytes));

    assertParsedAlike(decoded, TreeParser.parse(new SourceFile(null, "large.json", text)));
  }

  @Test
  void namesTheSameErrorAsForItsText() {
    String text = largeJson().replace("\"end\"", "\"end\" oops");
    assertThat(errorOf("large.json", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(errorOf(new SourceFile(null, "large.json", text)))
        .contains("large.json:60004:");
  }

  @Test
  void flowYamlThatLooksLikeJsonIsStillReadAsYaml() throws SourceException {
    String text = largeJson().replace("\"end\"", "end without quotes");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    ParsedFile decoded = TreeParser.parse(read("large.yaml", bytes));

    assertThat(decoded.root().get("padding").get(60_000).textValue())
        .isEqualTo("end without quotes");
    assertThat(decoded.root())
        .isEqualTo(TreeParser.parse(new SourceFile(null, "large.yaml", text)).root());
  }

  @Test
  void aTextBeyondTheLimitComesAsAStringOnly() throws SourceException {
    byte[] longest = new byte[SourceReader.CHARS_UP_TO];
    Arrays.fill(longest, (byte) ' ');
    longest[0] = '[';
    longest[longest.length - 1] = ']';
    byte[] longer = Arrays.copyOf(longest, longest.length + 1);
    longer[longer.length - 2] = ' ';
    longer[longer.length - 1] = ']';

    SourceFile kept = read("longest.json", longest);
    SourceFile dropped = read("longer.json", longer);

    assertThat(kept.takeChars()).isNotNull();
    assertThat(dropped.takeChars()).isNull();
    assertThat(dropped.text()).isEqualTo(new String(longer, StandardCharsets.US_ASCII));
    assertThat(TreeParser.parse(dropped).root().isArray()).isTrue();
  }

  private static String errorOf(String name, byte[] bytes) {
    try {
      return errorOf(read(name, bytes));
    } catch (SourceException e) {
      return e.oneLine();
    }
  }

  private static String errorOf(SourceFile source) {
    try {
      TreeParser.parse(source);
      return "parsed";
    } catch (SourceException e) {
      return e.oneLine();
    }
  }

  @Test
  void theLineStartsOfTheCharactersAreThoseOfTheText() {
    for (String text :
        new String[] {
          "",
          "{}",
          "\n",
          "\r",
          "\r\n",
          "\n\r",
          "\r\r\n\n",
          "{\r\n  \"a\": 1,\r  \"b\": [\n\n  ]\r\n}\r",
          "\u20ac\r\n\uD83D\uDE00\n\r\u00e9"
        }) {
      char[] chars = (text + "\n\rnot the text's").toCharArray();
      assertThat(TreeParser.lineStarts(chars, text.length()))
          .as(text.replace("\r", "CR").replace("\n", "LF"))
          .containsExactly(TreeParser.lineStarts(text));
    }
  }
}
