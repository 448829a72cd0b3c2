package io.github.threatlint.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplanationBundleTest {
  @Test
  void aBundleGivesBackEachTextAsWritten() {
    Map<String, String> texts =
        Map.of(
            "empty", "",
            "lines", "## Why it matters\n\nText.\r\n\n```yaml\nx: 1\n```\n",
            "looks-like-a-header", "other-rule 12\nnot a header",
            "outside-ascii", "caf\u00e9 \ud83d\ude00 \u4e2d");
    assertThat(ExplanationBundle.read(ExplanationBundle.write(texts))).isEqualTo(texts);
  }

  @Test
  void theBundleOfAClassesFolderHoldsItsMarkdownExplanations(@TempDir Path classes)
      throws IOException {
    Path folder = Files.createDirectories(classes.resolve(Explanation.RESOURCE_FOLDER));
    Files.writeString(folder.resolve("rule-a.md"), "## A\n\u00e9\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("rule-b.md"), "## B\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("notes.txt"), "not an explanation", StandardCharsets.UTF_8);

    ExplanationBundle.main(new String[] {classes.toString()});

    String bundle =
        Files.readString(classes.resolve(ExplanationBundle.RESOURCE), StandardCharsets.UTF_8);
    assertThat(ExplanationBundle.read(bundle))
        .isEqualTo(Map.of("rule-a", "## A\n\u00e9\n", "rule-b", "## B\n"));
  }
}
