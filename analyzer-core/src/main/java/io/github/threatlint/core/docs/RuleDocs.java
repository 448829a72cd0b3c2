package io.github.threatlint.core.docs;

import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.text.OutputText;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The documentation of rules, generated from their metadata ({@link RuleInfo}, {@code @RuleOption}
 * fields) and their hand-written {@link Explanation}: one page per rule ({@code
 * docs/rules/<id>.md}, {@code threatlint explain}, SARIF {@code help.markdown}) and the catalog
 * ({@code docs/rules/README.md}, {@code threatlint rules --format markdown}).
 */
public final class RuleDocs {
  /** The command that rewrites {@code docs/rules/} from the rules' metadata and explanations. */
  public static final String REGENERATE_COMMAND =
      "mvn -B -q test -pl rules -am -Dtest=RuleDocsTest "
          + "-Dsurefire.failIfNoSpecifiedTests=false -Dthreatlint.updateDocs=true";

  /** The project's home page (SARIF's {@code informationUri}). */
  public static final String PROJECT_URI = "https://github.com/threatlint/threatlint";

  private RuleDocs() {}

  /**
   * A rule's page as written to {@code docs/rules/<id>.md}: the page under a "generated" notice.
   */
  public static String pageFile(RuleDescriptor rule) {
    return "<!-- Generated from the metadata of "
        + rule.type().getName()
        + " and its explanation "
        + Explanation.resourceName(rule.id())
        + ". Do not edit: change those and run "
        + REGENERATE_COMMAND
        + " -->\n\n"
        + page(rule);
  }

  /**
   * A rule's page in Markdown: what it flags, its mappings, why it matters, examples, when not to
   * fix, options, suppression.
   */
  public static String page(RuleDescriptor rule) {
    RuleInfo info = rule.info();
    Explanation explanation = Explanation.load(rule);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(info.title()).append(" (`").append(info.id()).append("`)\n\n");
    md.append("- **Level**: ").append(levels(info)).append('\n');
    md.append("- **Section**: ")
        .append(info.section())
        .append(" — ")
        .append(Taxonomy.SECTIONS.getOrDefault(info.section(), ""))
        .append('\n');
    md.append("- **OWASP API Security Top 10 2023**: ")
        .append(describeAll(Taxonomy.OWASP_2023, info.owasp2023()))
        .append('\n');
    md.append("- **OWASP API Security Top 10 2019**: ")
        .append(describeAll(Taxonomy.OWASP_2019, info.owasp2019()))
        .append('\n');
    md.append("- **SFTI threat-modelling area**: ")
        .append(describeAll(Taxonomy.SFTI_AREAS, info.sftiAreas()))
        .append('\n');
    md.append("- **SFTI threat scenarios**: ")
        .append(info.sftiScenarios().length == 0 ? "none" : String.join("; ", info.sftiScenarios()))
        .append('\n');
    if (info.securitySeverity() > 0) {
      md.append("- **GitHub security severity**: ")
          .append(severity(info.securitySeverity()))
          .append(" (")
          .append(Taxonomy.severityName(info.securitySeverity()))
          .append(")\n");
    } else {
      md.append("- **GitHub security severity**: none (not a security rule)\n");
    }
    md.append("- **Precision**: ").append(info.precision()).append('\n');
    if (rule.documentationUrl() != null) {
      md.append("- **Documentation**: ").append(rule.documentationUrl()).append('\n');
    }
    md.append('\n');

    md.append("## What it flags\n\n").append(info.description()).append("\n\n");
    if (explanation != null) {
      md.append("## Why it matters\n\n").append(explanation.whyItMatters()).append("\n\n");
      md.append("## Failing example\n\n").append(explanation.failingExample()).append("\n\n");
      md.append("## Passing example\n\n").append(explanation.passingExample()).append("\n\n");
      md.append("## When not to fix\n\n").append(explanation.whenNotToFix()).append("\n\n");
    }

    md.append("## Options\n\n");
    if (rule.options().isEmpty()) {
      md.append("This rule has no options.\n\n");
    } else {
      md.append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
      for (Field option : rule.options()) {
        md.append("| `")
            .append(option.getName())
            .append("` | ")
            .append(RuleDescriptor.typeName(option))
            .append(" | `")
            .append(OutputText.markdownCell(defaultValue(rule.defaultValue(option))))
            .append("` | ")
            .append(OutputText.markdownCell(rule.optionDescription(option)))
            .append(" |\n");
      }
      md.append('\n');
    }

    md.append("## How to suppress\n\n");
    md.append(
        "Mark a deliberate exception in the specification with `x-threatlint-ignore` on the object the finding "
            + "points at, or on an object that contains it:\n\n");
    md.append("```yaml\nx-threatlint-ignore: [").append(info.id()).append("]\n```\n\n");
    md.append("Switch the rule off for a run with `threatlint check --disable ")
        .append(info.id())
        .append("`. ")
        .append("Suppressed findings stay in the JSON and SARIF reports, marked as suppressed.\n");
    return md.toString();
  }

  /**
   * Plain text help for SARIF {@code help.text}: what the rule flags, why it matters, when not to
   * fix, and where its page is.
   */
  public static String helpText(RuleDescriptor rule, DocsUrl docsUrl) {
    return helpTextBeforeLink(rule) + docsUrl.of(rule);
  }

  /**
   * The {@link #helpText} up to the link to the rule's page, which depends on the run's docs URL.
   */
  public static String helpTextBeforeLink(RuleDescriptor rule) {
    Explanation explanation = Explanation.load(rule);
    StringBuilder text = new StringBuilder(rule.info().description());
    if (explanation != null) {
      text.append("\n\n").append(explanation.whyItMatters());
      text.append("\n\nWhen not to fix: ").append(explanation.whenNotToFix());
    }
    return text.append("\n\nDocumentation: ").toString();
  }

  /**
   * {@code docs/rules/README.md}: the catalog by section, then the rules by OWASP category and SFTI
   * area, then the matrix.
   */
  public static String catalog(List<RuleDescriptor> rules) {
    Function<String, String> link = id -> "[`" + id + "`](" + id + ".md)";
    StringBuilder md = new StringBuilder();
    md.append("<!-- Generated from the metadata of the built-in rules. Do not edit: run ")
        .append(REGENERATE_COMMAND)
        .append(" -->\n\n");
    md.append("# threatlint rules\n\n");
    md.append(rules.size())
        .append(rules.size() == 1 ? " rule" : " rules")
        .append(", each mapped to the OWASP API Security ")
        .append(
            "Top 10 (2023 and 2019) and to the threat-modelling areas of the SFTI white paper *Cyber Security – API ")
        .append(
            "Threat Modelling*. The level is the one of the `recommended` profile; the `sfti` profile's level follows ")
        .append(
            "when it differs, and `strict` runs every rule, at least as `note`. `threatlint rules` lists them and ")
        .append("`threatlint explain RULE-ID` prints a rule's page.\n\n");
    md.append(
            "These pages are generated from each rule's metadata and its hand-written explanation in ")
        .append("`rules/src/main/resources/")
        .append(Explanation.RESOURCE_FOLDER)
        .append("`; a test fails when they are ")
        .append("stale. Regenerate them with:\n\n```\n")
        .append(REGENERATE_COMMAND)
        .append("\n```\n\n");

    for (Map.Entry<String, String> section : Taxonomy.SECTIONS.entrySet()) {
      List<RuleDescriptor> inSection =
          rules.stream().filter(r -> r.info().section().equals(section.getKey())).toList();
      if (!inSection.isEmpty()) {
        md.append("## ")
            .append(section.getKey())
            .append(" — ")
            .append(section.getValue())
            .append("\n\n");
        md.append(table(inSection, RuleDocs::catalogLevel, link)).append('\n');
      }
    }

    md.append("## By OWASP API Security Top 10 2023 category\n\n");
    md.append(byCategory(rules, Taxonomy.OWASP_2023, info -> info.owasp2023(), link));
    md.append("## By OWASP API Security Top 10 2019 category\n\n");
    md.append(byCategory(rules, Taxonomy.OWASP_2019, info -> info.owasp2019(), link));
    md.append("## By SFTI threat-modelling area\n\n");
    md.append(byCategory(rules, Taxonomy.SFTI_AREAS, info -> info.sftiAreas(), link));

    md.append(
        "## Matrix\n\nColumns: OWASP API Security Top 10 2023 (`23:`), 2019 (`19:`) and SFTI areas.\n\n");
    List<String> header = new ArrayList<>(List.of("Rule"));
    Taxonomy.OWASP_2023.keySet().forEach(code -> header.add("23:" + code));
    Taxonomy.OWASP_2019.keySet().forEach(code -> header.add("19:" + code));
    header.addAll(Taxonomy.SFTI_AREAS.keySet());
    md.append("| ").append(String.join(" | ", header)).append(" |\n|");
    md.append("---|".repeat(header.size())).append('\n');
    for (RuleDescriptor rule : rules) {
      RuleInfo info = rule.info();
      md.append("| ").append(link.apply(rule.id()));
      appendMarks(md, Taxonomy.OWASP_2023, info.owasp2023());
      appendMarks(md, Taxonomy.OWASP_2019, info.owasp2019());
      appendMarks(md, Taxonomy.SFTI_AREAS, info.sftiAreas());
      md.append(" |\n");
    }
    return md.toString();
  }

  /**
   * The rules as a Markdown table: rule, title, level, OWASP 2023 and 2019, SFTI area, security
   * severity. {@code level} gives the level cell, {@code link} the rule cell.
   */
  public static String table(
      List<RuleDescriptor> rules,
      Function<RuleDescriptor, String> level,
      Function<String, String> link) {
    StringBuilder md = new StringBuilder();
    md.append("| Rule | Title | Level | OWASP 2023 | OWASP 2019 | SFTI | Severity |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (RuleDescriptor rule : rules) {
      RuleInfo info = rule.info();
      md.append("| ")
          .append(link.apply(rule.id()))
          .append(" | ")
          .append(OutputText.markdownCell(info.title()))
          .append(" | ")
          .append(level.apply(rule))
          .append(" | ")
          .append(codes(info.owasp2023()))
          .append(" | ")
          .append(codes(info.owasp2019()))
          .append(" | ")
          .append(codes(info.sftiAreas()))
          .append(" | ")
          .append(severity(info.securitySeverity()))
          .append(" |\n");
    }
    return md.toString();
  }

  /**
   * The level of the recommended profile, with the sfti profile's when it differs: {@code off
   * (sfti: warning)}.
   */
  public static String catalogLevel(RuleDescriptor rule) {
    Level recommended = Profile.RECOMMENDED.levelOf(rule.info());
    Level sfti = Profile.SFTI.levelOf(rule.info());
    return recommended.label() + (sfti == recommended ? "" : " (sfti: " + sfti.label() + ")");
  }

  /**
   * A security severity as GitHub shows it: one decimal, rounded half up as {@code %.1f} does. Not
   * String.format: a SARIF report asks for every rule's twice, and in a cold run the formatter took
   * a sixth of a small report's time.
   */
  public static String severity(double securitySeverity) {
    return BigDecimal.valueOf(securitySeverity).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  private static String levels(RuleInfo info) {
    List<String> parts = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      parts.add("`" + profile.levelOf(info).label() + "` (" + profile.label() + ")");
    }
    return String.join(", ", parts);
  }

  private static String byCategory(
      List<RuleDescriptor> rules,
      Map<String, String> taxonomy,
      Function<RuleInfo, String[]> codesOf,
      Function<String, String> link) {
    StringBuilder md = new StringBuilder("| Category | Rules |\n|---|---|\n");
    for (Map.Entry<String, String> category : taxonomy.entrySet()) {
      List<String> ids = new ArrayList<>();
      for (RuleDescriptor rule : rules) {
        if (List.of(codesOf.apply(rule.info())).contains(category.getKey())) {
          ids.add(link.apply(rule.id()));
        }
      }
      md.append("| ")
          .append(OutputText.markdownCell(Taxonomy.describe(taxonomy, category.getKey())))
          .append(" | ")
          .append(ids.isEmpty() ? "–" : String.join(", ", ids))
          .append(" |\n");
    }
    return md.append('\n').toString();
  }

  private static void appendMarks(StringBuilder md, Map<String, String> taxonomy, String[] codes) {
    List<String> present = List.of(codes);
    for (String code : taxonomy.keySet()) {
      md.append(" | ").append(present.contains(code) ? "●" : "");
    }
  }

  private static String describeAll(Map<String, String> taxonomy, String[] codes) {
    if (codes.length == 0) {
      return "none";
    }
    List<String> described = new ArrayList<>();
    for (String code : codes) {
      described.add(Taxonomy.describe(taxonomy, code));
    }
    return String.join(", ", described);
  }

  private static String codes(String[] codes) {
    return codes.length == 0 ? "–" : String.join(", ", codes);
  }

  /** An option default as configuration would spell it: JSON-like literals. */
  private static String defaultValue(Object value) {
    if (value instanceof String text) {
      return "\"" + text + "\"";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(defaultValue(item));
      }
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(value);
  }
}
