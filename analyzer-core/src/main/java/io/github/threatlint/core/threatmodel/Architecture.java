package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.Level;
import java.util.List;

/**
 * The spec's own version of the paper's "Open API platform" figure: who calls the API and how
 * (resource owner, client application, authorization server, API gateway), where it runs (the
 * servers by environment) and what it offers (the operations grouped by their first path segment,
 * with their scopes and the information assets they carry), inside trust boundaries, with the
 * findings drawn on the part of the picture where they are. Built from facts of the analysis: the
 * document's servers, schemes and operations, the inferred assets and agents, and where the
 * findings are; it judges nothing itself.
 *
 * @param outsideZone the trust boundary of the callers ("Internet", "Partners", "Internal network")
 * @param outside the resource owner (when users delegate) and the client application
 * @param edge the authorization servers (when the spec names any) and the API gateway
 * @param environments the resource servers, one box per environment
 * @param groups the first groups of operations (the most findings first, then document order)
 * @param moreGroups how many groups are not shown
 * @param moreOperations how many operations those hidden groups hold
 * @param flows what goes between the boxes
 */
public record Architecture(
    String outsideZone,
    List<Box> outside,
    List<Box> edge,
    List<Box> environments,
    List<Box> groups,
    int moreGroups,
    int moreOperations,
    List<Flow> flows) {

  /** The ids of the fixed boxes. */
  public static final String OWNER = "owner";

  public static final String CLIENT = "client";
  public static final String GATEWAY = "gateway";

  /** The id flows use for all resource servers and their operations together. */
  public static final String RESOURCES = "resources";

  /**
   * A box: an id (letters and digits, unique in the picture), its title, lines of facts, and the
   * findings located on what it stands for.
   */
  public record Box(String id, String title, List<String> lines, List<Mark> marks) {}

  /** An arrow from one box to another ({@code back}: a request the API sends to the client). */
  public record Flow(String from, String to, String label, List<Mark> marks, boolean back) {}

  /** The findings of one rule on a part of the picture. */
  public record Mark(String ruleId, Level level, int count) {
    public String text() {
      return ruleId + " (" + count + ")";
    }
  }

  /** Every mark in the picture, boxes first, in drawing order. */
  public List<Mark> marks() {
    List<Mark> marks = new java.util.ArrayList<>();
    for (List<Box> boxes : List.of(outside, edge, environments, groups)) {
      boxes.forEach(b -> marks.addAll(b.marks()));
    }
    flows.forEach(f -> marks.addAll(f.marks()));
    return marks;
  }
}
