package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ExternalFiles;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.engine.DocumentLoader;
import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The test specifications under {@code src/test/resources/threatmodel/}, parsed as the analyzer
 * parses them.
 */
final class Specs {
  /** OAS 3.0, no security at all, customer identifying, financial and credential data. */
  static final String WEALTH_OPEN = "wealth-open.yaml";

  /** OAS 3.1 that shows every mitigation the report looks for. */
  static final String PAYMENTS_GUARDED = "payments-guarded.yaml";

  /** Swagger 2.0 (JSON), basic authentication over http on localhost, card data. */
  static final String CARDS_LEGACY = "cards-legacy.json";

  /**
   * Positions with market value and quantity, a customer with display and full name, a PEP flag and
   * tax ids, an address id, a signed document, an optional customer IP header.
   */
  static final String CUSTODY_POSITIONS = "custody-positions.yaml";

  private Specs() {}

  static String text(String name) {
    try (InputStream in = Specs.class.getResourceAsStream("/threatmodel/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document, named {@code specs/<name>} in findings and places. */
  static ApiDocument document(String name) {
    return parse(name, text(name));
  }

  /** The facts of the document, as the threat-model report reads them. */
  static ApiFacts facts(String name) {
    return ApiFacts.of(document(name));
  }

  /** A document written in the test, named {@code specs/<name>}. */
  static ApiDocument parse(String name, String text) {
    try {
      ParsedFile parsed =
          TreeParser.parse(new SourceFile(Path.of("specs", name), "specs/" + name, text));
      return new ApiDocument(parsed, DocumentLoader.detectVersion(parsed), ExternalFiles.NONE);
    } catch (Exception e) {
      throw new IllegalStateException(name + " does not parse", e);
    }
  }
}
