package io.github.threatlint.core.api;

/**
 * Another place a finding refers to, such as where a duplicated operationId is first used: every
 * reporter shows it with the finding (SARIF {@code relatedLocations}, JSON {@code related}, an
 * indented line of the text output), so a message never needs to name files or lines.
 *
 * @param file the file of the place
 * @param pointer the JSON pointer of the place in that file
 * @param region the text of the place
 * @param label what the place is, in a few words ("first used by GET /accounts")
 */
public record RelatedLocation(ParsedFile file, String pointer, Region region, String label) {

  /** The place of a node. */
  public static RelatedLocation of(NodeRef node, String label) {
    return new RelatedLocation(
        node.file(), node.pointer(), node.file().index().region(node), label);
  }
}
