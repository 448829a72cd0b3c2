package io.github.threatlint.core.threatmodel;

/**
 * An OWASP API Security Top 10 2023 category with the findings of the report's API in it and the
 * number of enabled rules that check it. Names come from {@link
 * io.github.threatlint.core.docs.Taxonomy#OWASP_2023}.
 */
public record OwaspCategory(String id, String name, int findings, int rules) {

  /** {@code API1:2023}, as OWASP writes it. */
  public String label() {
    return id + ":2023";
  }
}
