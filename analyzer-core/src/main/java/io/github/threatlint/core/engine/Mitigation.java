package io.github.threatlint.core.engine;

import io.github.threatlint.core.api.Region;
import java.util.Comparator;
import java.util.Objects;

/**
 * Evidence a rule recorded while it checked the document: the node shows ({@code shown}) or lacks a
 * mitigation of the threat model, named by an id of the catalogue's {@code evidence} list, in words
 * ({@code description}, such as "GET /accounts requires oauth"), and where, as a finding says
 * where. The threat-model report states a scenario's mitigation from these records alone.
 */
public record Mitigation(
    String id,
    boolean shown,
    String ruleId,
    String description,
    String file,
    String pointer,
    Region region) {

  /**
   * By file, then position, then id and description: the order of the report's places. Written out:
   * {@code Comparator.comparing} and {@code thenComparing} make serializable lambdas, which the
   * class-data archive does not hold, spun on a file's worker as its walk ends.
   */
  public static final Comparator<Mitigation> ORDER =
      (a, b) -> {
        int byFile = a.file().compareTo(b.file());
        if (byFile != 0) {
          return byFile;
        }
        int byRegion = a.region().compareTo(b.region());
        if (byRegion != 0) {
          return byRegion;
        }
        int byId = a.id().compareTo(b.id());
        return byId != 0 ? byId : a.description().compareTo(b.description());
      };

  /**
   * Written out, as {@link Analyzer}'s places: a record's generated hash code goes through method
   * handles, which C1 runs slowly, and a run's end hashes every record of evidence (the directory
   * corpus: 84 000) to keep each once.
   */
  @Override
  public int hashCode() {
    int hash = Objects.hashCode(id);
    hash = hash * 31 + Boolean.hashCode(shown);
    hash = hash * 31 + Objects.hashCode(ruleId);
    hash = hash * 31 + Objects.hashCode(description);
    hash = hash * 31 + Objects.hashCode(file);
    hash = hash * 31 + Objects.hashCode(pointer);
    if (region != null) {
      hash = hash * 31 + region.startLine();
      hash = hash * 31 + region.startColumn();
      hash = hash * 31 + region.endLine();
      hash = hash * 31 + region.endColumn();
    }
    return hash;
  }
}
