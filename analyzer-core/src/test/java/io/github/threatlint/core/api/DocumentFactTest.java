package io.github.threatlint.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.source.TreeParser;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A fact several rules need is worked out once per document, and each document has its own. */
class DocumentFactTest {
  private static final AtomicInteger COMPUTED = new AtomicInteger();

  private static final ApiDocument.Fact<String> TITLE =
      document -> {
        COMPUTED.incrementAndGet();
        return document.root().get("info").text("title");
      };

  /** A fact that asks for another while it is computed. */
  private static final ApiDocument.Fact<String> LOUD_TITLE =
      document -> document.fact(TITLE).toUpperCase(java.util.Locale.ROOT);

  @Test
  void computedOncePerDocument() throws Exception {
    ApiDocument first = document("first");
    ApiDocument second = document("second");
    int before = COMPUTED.get();

    assertThat(first.fact(LOUD_TITLE)).isEqualTo("FIRST");
    assertThat(first.fact(TITLE)).isEqualTo("first");
    assertThat(second.fact(TITLE)).isEqualTo("second");
    assertThat(second.fact(TITLE)).isSameAs(second.fact(TITLE));

    assertThat(COMPUTED.get() - before).isEqualTo(2);
  }

  private static ApiDocument document(String title) throws Exception {
    ParsedFile file =
        TreeParser.parse(
            new SourceFile(
                null,
                "test.yaml",
                "openapi: 3.0.3\ninfo: {title: " + title + ", version: '1'}\npaths: {}\n"));
    return new ApiDocument(file, DocumentLoader.detectVersion(file), ExternalFiles.NONE);
  }
}
