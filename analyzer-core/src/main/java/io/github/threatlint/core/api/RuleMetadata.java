package io.github.threatlint.core.api;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * The metadata of a rule declared as data (a ruleset's rule) rather than on a class: the same
 * values as {@link RuleInfo}, so configuration, reports and the threat model treat it as any rule.
 */
public record RuleMetadata(
    String id,
    String title,
    String description,
    Level level,
    List<String> owasp2023List,
    List<String> sftiScenariosList,
    double securitySeverity,
    String section,
    String documentationUrl)
    implements RuleInfo {

  /** {@code documentationUrl} null or empty: the rule is documented by threatlint's pages. */
  public RuleMetadata {
    owasp2023List = List.copyOf(owasp2023List);
    sftiScenariosList = List.copyOf(sftiScenariosList);
    documentationUrl = documentationUrl == null ? "" : documentationUrl;
  }

  @Override
  public Level sftiLevel() {
    return Level.OFF;
  }

  @Override
  public String[] owasp2023() {
    return owasp2023List.toArray(String[]::new);
  }

  @Override
  public String[] owasp2019() {
    return new String[0];
  }

  @Override
  public String[] sftiAreas() {
    return new String[0];
  }

  @Override
  public String[] sftiScenarios() {
    return sftiScenariosList.toArray(String[]::new);
  }

  @Override
  public String[] mitigations() {
    return new String[0];
  }

  /** A declared rule reads the document only, never swagger-parser's messages. */
  @Override
  public boolean readsParserMessages() {
    return false;
  }

  /** A declared rule's patterns may match any member, prose too: it is run again after any edit. */
  @Override
  public boolean readsProse() {
    return true;
  }

  /** A declared rule's patterns are few: its cost is not measured. */
  @Override
  public Cost cost() {
    return Cost.LOW;
  }

  @Override
  public String precision() {
    return "high";
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return RuleInfo.class;
  }
}
