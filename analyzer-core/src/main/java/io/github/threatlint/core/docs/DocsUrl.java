package io.github.threatlint.core.docs;

import io.github.threatlint.core.api.RuleDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where rules' documentation pages are: an http(s) URL template in which {@code {rule}} stands for
 * the rule id. The default is the project's pages on GitHub; organisations that host the pages
 * themselves set {@code docsUrl} in the configuration, and every link to a rule (SARIF {@code
 * helpUri} and help text, the Markdown report, the Maven log, the threat report) follows it. A rule
 * documented elsewhere (a ruleset's {@code documentationUrl}, a plugin's {@link
 * io.github.threatlint.core.api.RuleInfo#documentationUrl()}) keeps its own page: {@code ownPages}
 * maps its id to it.
 */
public record DocsUrl(String template, Map<String, String> ownPages) {
  public static final String PLACEHOLDER = "{rule}";
  public static final DocsUrl DEFAULT =
      new DocsUrl(RuleDocs.PROJECT_URI + "/blob/main/docs/rules/" + PLACEHOLDER + ".md");

  public DocsUrl {
    ownPages = Map.copyOf(ownPages);
  }

  /** Every rule on the template's pages. */
  public DocsUrl(String template) {
    this(template, Map.of());
  }

  /** These links, and the own pages of those of {@code rules} that have one. */
  public DocsUrl withOwnPagesOf(List<RuleDescriptor> rules) {
    Map<String, String> pages = new HashMap<>(ownPages);
    for (RuleDescriptor rule : rules) {
      if (rule.documentationUrl() != null) {
        pages.put(rule.id(), rule.documentationUrl());
      }
    }
    return new DocsUrl(template, pages);
  }

  /** The page of one rule: its own page when it has one, else the template's. */
  public String of(String ruleId) {
    String own = ownPages.get(ruleId);
    return own != null ? own : template.replace(PLACEHOLDER, ruleId);
  }

  /**
   * The page of one rule: its own documentation URL when it has one (a ruleset's rule), else the
   * template's page.
   */
  public String of(RuleDescriptor rule) {
    return rule.documentationUrl() != null ? rule.documentationUrl() : of(rule.id());
  }

  /**
   * Why {@code template} cannot be a docs URL, or null when it can: it must be an absolute http or
   * https URL with {@code {rule}} in it, valid once the rule id is put in.
   */
  public static String problem(String template) {
    if (!template.contains(PLACEHOLDER)) {
      return "docsUrl needs "
          + PLACEHOLDER
          + " where the rule id goes, as in https://wiki.example.com/threatlint/rules/"
          + PLACEHOLDER
          + ".html";
    }
    String problem = pageProblem(new DocsUrl(template).of("rule-id"), template);
    return problem == null ? null : "docsUrl " + problem;
  }

  /**
   * Why {@code url} cannot be a rule's page, or null when it can: it must be an absolute http or
   * https URL. The reason ends with {@code shown}, the text that named the URL.
   */
  public static String pageProblem(String url, String shown) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return "must be an absolute http or https URL, not '" + shown + "'";
      }
    } catch (URISyntaxException e) {
      return "is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT) + "): '" + shown + "'";
    }
    return null;
  }

  // what a record's own equals and hashCode compute, written out: those are linked through method
  // handles at their first call, which a class-data archive does not hold (docs/performance.md)
  @Override
  public boolean equals(Object other) {
    return other instanceof DocsUrl that
        && Objects.equals(template, that.template)
        && Objects.equals(ownPages, that.ownPages);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(template) * 31 + Objects.hashCode(ownPages);
  }
}
