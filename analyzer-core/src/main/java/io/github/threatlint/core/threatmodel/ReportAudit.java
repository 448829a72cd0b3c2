package io.github.threatlint.core.threatmodel;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What a reviewer needs to trust a report: when and by what it was made, with which rules, from
 * which files exactly, and, when given, its title and owner.
 *
 * @param generated when the report was written
 * @param profile the profile the rules came from
 * @param enabledRules how many rules ran
 * @param configuration the configuration file as the user names it, or null when none was used
 * @param files every file the analysis read, with its SHA-256
 * @param title the report's title (null: the APIs' titles)
 * @param owner who owns the threat model (null: not given)
 */
public record ReportAudit(
    Instant generated,
    String toolVersion,
    String profile,
    int enabledRules,
    String configuration,
    List<AnalysedFile> files,
    String title,
    String owner) {

  /** The environment variable that fixes the generation time, as reproducible builds do. */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  /** A file as reports name it and the SHA-256 of its bytes, in lower-case hex. */
  public record AnalysedFile(String displayPath, String sha256) {}

  /**
   * Now, to the second, or the time {@code SOURCE_DATE_EPOCH} gives in seconds since 1970 (so that
   * a report can be made again byte for byte).
   *
   * @throws IllegalArgumentException when the variable is not a whole number
   */
  public static Instant generationTime(Map<String, String> environment) {
    String epoch = environment.get(SOURCE_DATE_EPOCH);
    if (epoch == null || epoch.isBlank()) {
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          SOURCE_DATE_EPOCH + " must be seconds since 1970-01-01, not '" + epoch + "'");
    }
  }

  /** "2026-12-04T23:59:00Z". */
  public String generatedText() {
    return DateTimeFormatter.ISO_INSTANT.format(generated);
  }
}
