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
