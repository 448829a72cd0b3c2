package io.github.threatlint.core.docs;

import io.github.threatlint.core.api.RuleDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where rules' documentation pages are: an http(s) URL template in which {@code {rule}} stands for
 * the rule id. The default is the project's pages on GitHub; organisations that host the pages
 * themselves set {@code docsUrl} in the configuration, and every link to a rule (SARIF {@code
 * helpUri} and help text, the Markdown report, the Maven log, the threat report) follows it.
 */
public record DocsUrl(String template) {
  public static final String PLACEHOLDER = "{rule}";
  public static final DocsUrl DEFAULT =
      new DocsUrl(RuleDocs.PROJECT_URI + "/blob/main/docs/rules/" + PLACEHOLDER + ".md");

  /** The page of one rule. */
  public String of(String ruleId) {
    return template.replace(PLACEHOLDER, ruleId);
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
    try {
      URI uri = new URI(new DocsUrl(template).of("rule-id"));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        return "docsUrl must be an absolute http or https URL, not '" + template + "'";
      }
    } catch (URISyntaxException e) {
      return "docsUrl is not a valid URL ("
          + e.getReason().toLowerCase(Locale.ROOT)
          + "): '"
          + template
          + "'";
    }
    return null;
  }
}
