package io.github.threatlint.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.LocationIndex;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.source.TreeParser;

/**
 * The plugin's part of the architecture (the rest is checked by the CLI module's ArchitectureTest,
 * whose tests see core, rules and the CLI but not this module).
 */
@AnalyzeClasses(
    packages = "io.github.threatlint.maven",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /** A shell parses no document and walks none: that is the engine's, behind its entry point. */
  @ArchTest
  static final ArchRule pluginDoesNotParseOrWalkDocuments =
      noClasses()
          .that()
          .resideInAPackage("io.github.threatlint.maven..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              TreeParser.class,
              LocationIndex.class,
              NodeRef.class,
              Checks.class,
              RuleContext.class);
}
