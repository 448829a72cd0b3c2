package io.github.threatlint.core.api;

/**
 * A span of source text. Lines and columns are 1-based; columns count UTF-16 code units (what SARIF
 * calls {@code utf16CodeUnits}), the end column is exclusive.
 */
public record Region(int startLine, int startColumn, int endLine, int endColumn)
    implements Comparable<Region> {
  public static final Region START = new Region(1, 1, 1, 1);

  @Override
  public int compareTo(Region other) {
    int byLine = Integer.compare(startLine, other.startLine);
    return byLine != 0 ? byLine : Integer.compare(startColumn, other.startColumn);
  }

  // what a record's own equals and hashCode compute, written out: those are linked through method
  // handles at their first call, which a class-data archive does not hold (docs/performance.md)
  @Override
  public boolean equals(Object other) {
    return other instanceof Region that
        && startLine == that.startLine
        && startColumn == that.startColumn
        && endLine == that.endLine
        && endColumn == that.endColumn;
  }

  @Override
  public int hashCode() {
    return ((startLine * 31 + startColumn) * 31 + endLine) * 31 + endColumn;
  }
}
