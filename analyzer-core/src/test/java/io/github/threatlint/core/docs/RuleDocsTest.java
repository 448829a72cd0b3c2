package io.github.threatlint.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.report.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleDocsTest {
  @Test
  void aPageHasTheMetadataTheExplanationTheOptionsAndHowToSuppress() {
    assertThat(RuleDocs.page(TestRules.ALPHA))
        .isEqualTo(
            """
        # Alpha problem (`test-alpha`)

        - **Level**: `warning` (recommended), `warning` (sfti), `warning` (strict)
        - **Section**: auth — Authentication, authorization, consent
        - **OWASP API Security Top 10 2023**: API2 Broken Authentication, API5 Broken Function Level Authorization
        - **OWASP API Security Top 10 2019**: API2 Broken User Authentication
        - **SFTI threat-modelling area**: AAA (Authentication, Authorization, Accounting)
        - **SFTI threat scenarios**: Unauthorized access to data
        - **GitHub security severity**: 7.5 (high)
        - **Precision**: high

        ## What it flags

        Flags alpha problems in the test documents, for reporter tests.

        ## Why it matters

        Alpha problems let anyone read the accounts: the SFTI scenario *Unauthorized access to data*.

        ## Failing example

        ```yaml
        paths:
          /accounts:
            get: {}
        ```

        ## Passing example

        ```yaml
        security:
          - oauth: [accounts.read]
        ```

        ## When not to fix

        Where the accounts are public reference data by design, suppress the finding with a reason.

        ## Options

        | Option | Type | Default | Description |
        |---|---|---|---|
        | `exempt` | list of strings | `["/health"]` | Path globs that are exempt, such as /health. |

        ## How to suppress

        Mark a deliberate exception in the specification with `x-threatlint-ignore` on the object the finding points at, \
        or on an object that contains it:

        ```yaml
        x-threatlint-ignore: [test-alpha]
        ```

        Switch the rule off for a run with `threatlint check --disable test-alpha`. Suppressed findings stay in the JSON \
        and SARIF reports, marked as suppressed.
        """);
  }

  @Test
  void aRuleOffByDefaultShowsItsProfileLevelsAndHasNoOptions() {
    String page = RuleDocs.page(TestRules.GAMMA);
    assertThat(page)
        .contains(
            "- **Level**: `off` (recommended), `note` (sfti), `note` (strict)\n",
            "- **OWASP API Security Top 10 2023**: none\n",
            "- **SFTI threat scenarios**: none\n",
            "- **GitHub security severity**: 2.0 (low)\n",
            "This rule has no options.");
    assertThat(RuleDocs.catalogLevel(TestRules.GAMMA)).isEqualTo("off (sfti: note)");
    assertThat(RuleDocs.catalogLevel(TestRules.BETA)).isEqualTo("error");
  }

  @Test
  void theGeneratedFileSaysSoAndHowToRegenerate() {
    assertThat(RuleDocs.pageFile(TestRules.ALPHA))
        .startsWith("<!-- Generated from the metadata of " + TestRules.Alpha.class.getName())
        .contains(RuleDocs.REGENERATE_COMMAND)
        .endsWith(RuleDocs.page(TestRules.ALPHA));
  }

  @Test
  void theCatalogListsRulesBySectionAndMapsThemToTheCategories() {
    String catalog = RuleDocs.catalog(List.of(TestRules.ALPHA, TestRules.BETA, TestRules.GAMMA));
    assertThat(catalog)
        .contains("3 rules, each mapped")
        .contains("## auth — Authentication, authorization, consent\n\n| Rule | Title | Level |")
        .contains(
            "| [`test-alpha`](test-alpha.md) | Alpha problem | warning | API2, API5 | API2 | AAA | 7.5 |")
        .contains(
            "| [`test-gamma`](test-gamma.md) | Gamma problem | off (sfti: note) | – | – | DOC | 2.0 |")
        .contains("| API2 Broken Authentication | [`test-alpha`](test-alpha.md) |")
        .contains("| API4 Lack of Resources & Rate Limiting | [`test-beta`](test-beta.md) |")
        .contains("| API7 Server Side Request Forgery | – |")
        .contains("| DOC (Documentation) | [`test-gamma`](test-gamma.md) |")
        .contains("| Rule | 23:API1 | 23:API2 |")
        .contains("| [`test-alpha`](test-alpha.md) |  | ● |  |  | ● |");
    assertThat(catalog.indexOf("## auth"))
        .isLessThan(catalog.indexOf("## data"))
        .isLessThan(catalog.indexOf("## doc"));
  }

  @Test
  void helpTextIsPlainAndPointsAtThePage() {
    assertThat(RuleDocs.helpText(TestRules.ALPHA, DocsUrl.DEFAULT))
        .isEqualTo(
            "Flags alpha problems in the test documents, for reporter tests."
                + "\n\nAlpha problems let anyone read the accounts: the SFTI scenario *Unauthorized access to data*."
                + "\n\nWhen not to fix: Where the accounts are public reference data by design, suppress the "
                + "finding with a reason."
                + "\n\nDocumentation: "
                + "https://github.com/threatlint/threatlint/blob/main/docs/rules/test-alpha.md");
  }
}
