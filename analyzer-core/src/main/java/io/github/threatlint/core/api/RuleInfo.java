package io.github.threatlint.core.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The metadata of a rule, on the rule's class: the same values feed configuration, messages, SARIF,
 * the documentation and the threat-model report. Values come from the rule catalog.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** The fixed rule id of the catalog, such as {@code operation-security-missing}. */
  String id();

  /** A short title, a noun phrase: "Operation without security". */
  String title();

  /** One or two sentences: what the rule flags and why it matters. */
  String description();

  /**
   * The level in the {@code recommended} profile; {@code OFF} means only {@code strict} or when
   * enabled.
   */
  Level level();

  /**
   * The level in the {@code sfti} profile when it differs from {@link #level()}; {@code OFF} here
   * means "same as level".
   */
  Level sftiLevel() default Level.OFF;

  /** OWASP API Security Top 10 2023 categories, such as {@code API2}. */
  String[] owasp2023();

  /** OWASP API Security Top 10 2019 categories. */
  String[] owasp2019();

  /** SFTI threat-modelling areas: DOC, TPP, AAA, CON, DS, APIM, DSO. */
  String[] sftiAreas();

  /** SFTI threat scenarios the rule evidences, named verbatim as in the paper. */
  String[] sftiScenarios();

  /**
   * Ids of the mitigations (the threat-model catalogue's {@code evidence} list) the rule records
   * evidence for through {@link RuleContext#mitigated} and {@link RuleContext#unmitigated}.
   */
  String[] mitigations() default {};

  /** GitHub security severity, 0.1 to 10.0, from the impact. */
  double securitySeverity();

  /**
   * How often a finding is a true problem: {@code very-high}, {@code high}, {@code medium}, {@code
   * low}.
   */
  String precision() default "high";

  /** The catalog section: auth, data, transport, ops, doc. */
  String section();

  /**
   * The rule reads {@link ApiDocument#parserMessages()}, swagger-parser's messages about the
   * document, which the engine builds only for a run that has such a rule.
   */
  boolean readsParserMessages() default false;

  /**
   * The rule reads the text of {@code description} or {@code summary} members (their words, or
   * whether they are empty). A rule that does not ({@code false}) reports the same, at the same
   * places, for two documents that differ only in that text, and the language server then reuses
   * its last reports after such an edit instead of running it again ({@code CheckCache}); a test
   * checks that each built-in rule declared so reports the same with all that text replaced. True
   * unless declared, for every rule (a plugin's too): only a rule that says so is reused.
   */
  boolean readsProse() default true;

  /**
   * How much of the rules' time the rule takes on large specifications: the rules of one document
   * split over the cores are dealt costliest first, back and forth, so that each core gets a share
   * of the costly ones. Measured on 2026-12-05 with the rules' times that {@code --timings} prints
   * (strict profile, one walk on one thread, the launcher's flags, the least of two cold runs),
   * summed over the large specifications of the benchmark (Stripe JSON and YAML, GitHub,
   * Kubernetes; all rules together about 10 s): {@code HIGH} 300 ms and more, {@code MEDIUM} 100 to
   * 300 ms, {@code LOW} less. {@code LOW} unless declared, for a plugin's rule and a ruleset's too.
   */
  Cost cost() default Cost.LOW;

  /** How costly a rule is; see {@link #cost()}. */
  enum Cost {
    LOW,
    MEDIUM,
    HIGH
  }

  /**
   * The page that documents the rule when threatlint's pages do not (a plugin's rule documented by
   * its organisation): an absolute http(s) URL, used for SARIF {@code helpUri}, {@code threatlint
   * explain}, the language server's links and the reports. Empty for threatlint's pages ({@code
   * docsUrl} of the configuration).
   */
  String documentationUrl() default "";
}
