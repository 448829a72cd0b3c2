package io.github.threatlint.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.source.TreeParser;

/**
 * The architecture, checked on the compiled classes of core, rules and the CLI (this module's tests
 * see all three; the Maven plugin is named by package, which is enough for rules about who may
 * depend on it). Core's packages form no cycle; core knows no rule, CLI or plugin class; rules know
 * no CLI or plugin class, and of core only its rule-author API ({@code core.api}) and the
 * vocabulary that rules and the threat-model report share ({@code core.vocabulary}, itself a leaf);
 * the CLI parses and walks no document itself (the plugin's own ArchitectureTest says the same of
 * the plugin); the threat-model report reads no document either.
 */
@AnalyzeClasses(
    packages = "io.github.threatlint",
    importOptions = ArchitectureTest.MainCodeOnly.class)
class ArchitectureTest {
  /**
   * The modules' main classes: no test-classes folder, and not core's test-jar (which mvn verify
   * puts on the path).
   */
  static final class MainCodeOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return new ImportOption.DoNotIncludeTests().includes(location)
          && !location.contains("-tests.jar");
    }
  }

  private static final String CORE = "io.github.threatlint.core..";
  private static final String RULES = "io.github.threatlint.rules..";
  private static final String CLI = "io.github.threatlint.cli..";
  private static final String MAVEN = "io.github.threatlint.maven..";
  private static final String API = "io.github.threatlint.core.api";

  /** Words, environments, server URLs: one vocabulary for rules and report, so rules may use it. */
  private static final String VOCABULARY = "io.github.threatlint.core.vocabulary";

  @ArchTest
  static final ArchRule coreHasNoPackageCycle =
      slices().matching("io.github.threatlint.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule coreKnowsNoRuleCliOrPlugin =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(RULES, CLI, MAVEN);

  @ArchTest
  static final ArchRule rulesKnowNoCliOrPlugin =
      noClasses()
          .that()
          .resideInAPackage(RULES)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(CLI, MAVEN);

  @ArchTest
  static final ArchRule rulesUseOnlyTheApiOfCore =
      noClasses()
          .that()
          .resideInAPackage(RULES)
          .should()
          .dependOnClassesThat(
              resideInAPackage(CORE).and(not(resideInAnyPackage(API, VOCABULARY))));

  /**
   * The vocabulary needs nothing of core beyond the API: rules that use it reach no more of core
   * through it.
   */
  @ArchTest
  static final ArchRule vocabularyIsALeaf =
      noClasses()
          .that()
          .resideInAPackage(VOCABULARY)
          .should()
          .dependOnClassesThat(
              resideInAPackage(CORE).and(not(resideInAnyPackage(API, VOCABULARY))));

  /** A shell parses no document and walks none: that is the engine's, behind its entry point. */
  @ArchTest
  static final ArchRule cliDoesNotParseOrWalkDocuments =
      noClasses()
          .that()
          .resideInAPackage(CLI)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              TreeParser.class,
              LocationIndex.class,
              NodeRef.class,
              Checks.class,
              RuleContext.class);

  /**
   * The threat-model report is built from the findings, the evidence the rules recorded and the
   * facts of the document ({@code core.facts}): it reads no document to decide what it states. Of
   * the rule-author API it uses only levels, rule metadata and regions of the text.
   */
  @ArchTest
  static final ArchRule threatModelReadsNoDocument =
      noClasses()
          .that()
          .resideInAPackage("io.github.threatlint.core.threatmodel")
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(
                      API,
                      "io.github.threatlint.core.source",
                      "io.github.threatlint.core.resolve",
                      "io.github.threatlint.core.ruleset")
                  .and(
                      not(
                          belongToAnyOf(
                              Level.class, RuleDescriptor.class, RuleInfo.class, Region.class))));
}
