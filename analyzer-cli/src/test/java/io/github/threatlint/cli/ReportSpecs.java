package io.github.threatlint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies the threat-model test specifications of analyzer-core's test jar into a folder, for runs
 * of the command line.
 */
final class ReportSpecs {
  static final String WEALTH_OPEN = "wealth-open.yaml";
  static final String PAYMENTS_GUARDED = "payments-guarded.yaml";
  static final String CARDS_LEGACY = "cards-legacy.json";

  /**
   * No security scheme yet 401 and 403 documented, a SwaggerHub mock server over https, an
   * unanchored and a match-anything pattern.
   */
  static final String CUSTOMERS_UNSECURED = "customers-unsecured.yaml";

  /**
   * OAuth2 where every operation demands every scope, an optional customer IP header, a payment
   * created without an idempotency key, operations without operationId.
   */
  static final String PAYMENTS_SAME_SCOPES = "payments-same-scopes.yaml";

  private ReportSpecs() {}

  static Path copy(Path folder, String name) throws IOException {
    Files.createDirectories(folder);
    Path target = folder.resolve(name);
    try (InputStream in = ReportSpecs.class.getResourceAsStream("/threatmodel/" + name)) {
      if (in == null) {
        throw new IOException("no test specification " + name + " on the class path");
      }
      Files.copy(in, target);
    }
    return target;
  }
}
