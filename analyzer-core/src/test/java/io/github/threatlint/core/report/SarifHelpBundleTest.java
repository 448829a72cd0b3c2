package io.github.threatlint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.threatlint.core.api.Rule;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SarifHelpBundle}: a rule's help taken from the bundle is what the report writes when it
 * makes the help itself.
 */
class SarifHelpBundleTest {
  private static final List<RuleDescriptor> RULES =
      List.of(TestRules.ALPHA, TestRules.BETA, TestRules.GAMMA);

  @Test
  void eachRulesHelpIsItsTextAndPageAsTheGeneratorWritesThem() throws IOException {
    Map<String, SarifHelpBundle.Entry> bundle = SarifHelpBundle.read(SarifHelpBundle.bundle(RULES));
    DocsUrl wiki = new DocsUrl("https://wiki.bank.example/threatlint/{rule}.html");
    for (DocsUrl docsUrl : List.of(DocsUrl.DEFAULT, wiki)) {
      for (RuleDescriptor rule : RULES) {
        SarifHelpBundle.Help help = SarifHelpBundle.of(rule, docsUrl, bundle);
        assertThat(help).as(rule.id()).isNotNull();
        assertThat(help.text())
            .isEqualTo(SarifHelpBundle.written(RuleDocs.helpText(rule, docsUrl)));
        assertThat(help.markdown()).isEqualTo(SarifHelpBundle.written(RuleDocs.page(rule)));
      }
    }
    // the test rules' pages hold quotes, line breaks and non-ASCII text to escape
    assertThat(new String(SarifHelpBundle.written(RuleDocs.page(TestRules.ALPHA)), "UTF-8"))
        .contains("\\n", "—");
  }

  @Test
  void aRuleTheBundleDoesNotHaveOrALinkToEscapeIsLeftToTheReport() throws IOException {
    Map<String, SarifHelpBundle.Entry> bundle =
        SarifHelpBundle.read(SarifHelpBundle.bundle(List.of(TestRules.ALPHA)));
    assertThat(SarifHelpBundle.of(TestRules.BETA, DocsUrl.DEFAULT, bundle)).isNull();
    // the id of a bundled rule, another class (a ruleset's rule)
    RuleDescriptor sameId =
        new RuleDescriptor(TestRules.ALPHA.info(), Rule.class, TestRules.Alpha::new);
    assertThat(SarifHelpBundle.of(sameId, DocsUrl.DEFAULT, bundle)).isNull();
    DocsUrl quoted = new DocsUrl("https://wiki.bank.example/\"threatlint\"/{rule}.html");
    assertThat(SarifHelpBundle.of(TestRules.ALPHA, quoted, bundle)).isNull();
  }

  @Test
  void aRuleWhoseClassLoaderFindsNoBundleHasNone() {
    // the test classes' loader finds no bundle (the rules module makes one): the report makes the
    // help as it writes it, which SarifReporterTest and its goldens check
    assertThat(SarifHelpBundle.of(TestRules.ALPHA, DocsUrl.DEFAULT)).isNull();
  }
}
