package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * An OWASP API Security Top 10 2023 category with the findings of the report's API in it and the
 * number of enabled rules that check it.
 */
public record OwaspCategory(String id, String name, int findings, int rules) {

  /** The 2023 list, in order. */
  public static final List<String[]> TOP_10_2023 = List.of(
      new String[] {"API1", "Broken Object Level Authorization"},
      new String[] {"API2", "Broken Authentication"},
      new String[] {"API3", "Broken Object Property Level Authorization"},
      new String[] {"API4", "Unrestricted Resource Consumption"},
      new String[] {"API5", "Broken Function Level Authorization"},
      new String[] {"API6", "Unrestricted Access to Sensitive Business Flows"},
      new String[] {"API7", "Server Side Request Forgery"},
      new String[] {"API8", "Security Misconfiguration"},
      new String[] {"API9", "Improper Inventory Management"},
      new String[] {"API10", "Unsafe Consumption of APIs"});

  /** {@code API1:2023}, as OWASP writes it. */
  public String label() {
    return id + ":2023";
  }
}
