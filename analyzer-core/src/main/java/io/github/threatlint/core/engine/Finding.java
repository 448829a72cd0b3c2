package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Region;
import java.util.Comparator;
import java.util.List;

/**
 * One problem found: the rule, its level, the message, and where: the file as reports name it, the
 * JSON pointer in that file, and the region of the text. {@code suppression} is null for an active
 * finding; suppressed and baselined findings are kept and marked. A finding in a referenced part (a
 * shared schema, a fragment file) lists in {@code usedBy} the operations that use that part, in
 * document order; elsewhere the list is empty. {@code related} lists the other places the rule
 * named with the finding.
 */
public record Finding(
    String ruleId,
    Level level,
    String message,
    String file,
    String pointer,
    Region region,
    Suppression suppression,
    List<Use> usedBy,
    List<Related> related) {

  /** A finding that refers to no other place. */
  public Finding(
      String ruleId,
      Level level,
      String message,
      String file,
      String pointer,
      Region region,
      Suppression suppression,
      List<Use> usedBy) {
    this(ruleId, level, message, file, pointer, region, suppression, usedBy, List.of());
  }

  /** A finding used by no operation through references. */
  public Finding(
      String ruleId,
      Level level,
      String message,
      String file,
      String pointer,
      Region region,
      Suppression suppression) {
    this(ruleId, level, message, file, pointer, region, suppression, List.of());
  }

  /** By file, then position, then rule id and message: the order of every report. */
  public static final Comparator<Finding> ORDER = new InOrder();

  /**
   * {@link #ORDER} written out: what {@code Comparator.comparing(Finding::file).thenComparing(...)}
   * computes, without the four levels of lambdas per comparison that C1 does not inline (a large
   * document's 10,000 findings are sorted on one thread while the other cores idle). The findings
   * of one file hold its name as one string, which compareTo reads to its end whenever they are
   * equal (Stripe JSON named by its absolute path: 55 characters, about 3 ms of a cold run).
   */
  private static final class InOrder implements Comparator<Finding> {
    @Override
    public int compare(Finding a, Finding b) {
      int byFile = a.file == b.file ? 0 : a.file.compareTo(b.file);
      if (byFile != 0) {
        return byFile;
      }
      int byRegion = a.region.compareTo(b.region);
      if (byRegion != 0) {
        return byRegion;
      }
      int byRule = a.ruleId.compareTo(b.ruleId);
      return byRule != 0 ? byRule : a.message.compareTo(b.message);
    }
  }

  public boolean isSuppressed() {
    return suppression != null;
  }

  public Finding withSuppression(Suppression newSuppression) {
    return new Finding(
        ruleId, level, message, file, pointer, region, newSuppression, usedBy, related);
  }

  /**
   * An operation ({@code GET /accounts}) that uses the place of a finding, and where the operation
   * is.
   */
  public record Use(String operation, String file, String pointer, Region region) {}

  /**
   * Another place the finding refers to (where a duplicate was first written), with what it is
   * ({@code label}); see {@link io.github.threatlint.core.api.RelatedLocation}.
   */
  public record Related(String label, String file, String pointer, Region region) {}

  /**
   * Why a finding does not count: in the spec ({@code inSource}), in configuration or a baseline
   * ({@code external}).
   */
  public record Suppression(String kind, String reason) {
    public static final String IN_SOURCE = "inSource";
    public static final String EXTERNAL = "external";
  }
}
