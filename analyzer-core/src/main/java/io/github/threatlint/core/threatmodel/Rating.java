package io.github.threatlint.core.threatmodel;

/**
 * How much a scenario threatens, or an asset needs, one of confidentiality, integrity and
 * availability.
 */
public enum Rating {
  LOW("L", "Low"),
  MEDIUM("M", "Medium"),
  HIGH("H", "High"),
  /**
   * Above the paper's generic ratings: where the spec shows special categories of personal data, or
   * financial data attributable to a named customer (see {@code raised-needs} in the catalogue).
   */
  VERY_HIGH("VH", "Very high");

  private final String letter;
  private final String label;

  Rating(String letter, String label) {
    this.letter = letter;
    this.label = label;
  }

  public String letter() {
    return letter;
  }

  public String label() {
    return label;
  }

  /** 1 for low, 2 for medium, 3 for high, 4 for very high. */
  public int weight() {
    return ordinal() + 1;
  }

  static Rating parse(String text) {
    for (Rating rating : values()) {
      if (rating.letter.equals(text)) {
        return rating;
      }
    }
    throw new IllegalArgumentException("a rating is VH, H, M or L, not '" + text + "'");
  }

  /** Confidentiality, integrity and availability ratings together, written {@code H/M/L}. */
  public record Cia(Rating confidentiality, Rating integrity, Rating availability) {
    @Override
    public String toString() {
      return confidentiality.letter + "/" + integrity.letter + "/" + availability.letter;
    }

    /** The sum of the three weights, 3 to 12: how much is at stake overall. */
    public int weight() {
      return confidentiality.weight() + integrity.weight() + availability.weight();
    }
  }
}
