package io.github.threatlint.core.docs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The names of the categories rules are mapped to: the OWASP API Security Top 10 of 2023 and 2019
 * and the threat-modelling areas of the SFTI white paper. Keys are the codes used in {@link
 * io.github.threatlint.core.api.RuleInfo}, in the order the sources list them.
 */
public final class Taxonomy {
  public static final Map<String, String> OWASP_2023 =
      ordered(
          "API1", "Broken Object Level Authorization",
          "API2", "Broken Authentication",
          "API3", "Broken Object Property Level Authorization",
          "API4", "Unrestricted Resource Consumption",
          "API5", "Broken Function Level Authorization",
          "API6", "Unrestricted Access to Sensitive Business Flows",
          "API7", "Server Side Request Forgery",
          "API8", "Security Misconfiguration",
          "API9", "Improper Inventory Management",
          "API10", "Unsafe Consumption of APIs");

  public static final Map<String, String> OWASP_2019 =
      ordered(
          "API1", "Broken Object Level Authorization",
          "API2", "Broken User Authentication",
          "API3", "Excessive Data Exposure",
          "API4", "Lack of Resources & Rate Limiting",
          "API5", "Broken Function Level Authorization",
          "API6", "Mass Assignment",
          "API7", "Security Misconfiguration",
          "API8", "Injection",
          "API9", "Improper Assets Management",
          "API10", "Insufficient Logging & Monitoring");

  public static final Map<String, String> SFTI_AREAS =
      ordered(
          "DOC", "Documentation",
          "TPP", "TPP management",
          "AAA", "Authentication, Authorization, Accounting",
          "CON", "Consent management",
          "DS", "Data security",
          "APIM", "API management",
          "DSO", "DevSecOps");

  /** The sections of the catalog, in catalog order. */
  public static final Map<String, String> SECTIONS =
      ordered(
          "auth", "Authentication, authorization, consent",
          "data", "Input validation and data exposure",
          "transport", "Servers and the supply chain",
          "ops", "API management, monitoring, resilience",
          "doc", "Documentation and document integrity");

  private Taxonomy() {}

  /**
   * A code with its name: {@code API2 Broken Authentication}, or for SFTI areas (whose codes are
   * abbreviations) {@code AAA (Authentication, Authorization, Accounting)}; the bare code when it
   * is unknown.
   */
  public static String describe(Map<String, String> taxonomy, String code) {
    String name = taxonomy.get(code);
    if (name == null) {
      return code;
    }
    return taxonomy == SFTI_AREAS ? code + " (" + name + ")" : code + " " + name;
  }

  /**
   * GitHub's name for a security severity: critical above 9.0, high from 7.0, medium from 4.0, low
   * below.
   */
  public static String severityName(double securitySeverity) {
    if (securitySeverity > 9.0) {
      return "critical";
    }
    if (securitySeverity >= 7.0) {
      return "high";
    }
    if (securitySeverity >= 4.0) {
      return "medium";
    }
    return "low";
  }

  private static Map<String, String> ordered(String... codesAndNames) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < codesAndNames.length; i += 2) {
      map.put(codesAndNames[i], codesAndNames[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
