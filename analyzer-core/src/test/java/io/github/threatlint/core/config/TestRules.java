package io.github.threatlint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeKind;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import java.util.List;

/**
 * Rules that exist only for the tests of configuration, suppressions and baselines, so that those
 * mechanisms are tested independently of the built-in rules. Their levels cover every combination
 * the profiles distinguish.
 */
final class TestRules {
  private TestRules() {}

  /** All of them, sorted by id as a catalog is. */
  static final List<RuleDescriptor> CATALOG =
      List.of(
          new RuleDescriptor(Flagged.class),
          new RuleDescriptor(OffEverywhere.class),
          new RuleDescriptor(SftiOnly.class),
          new RuleDescriptor(SftiStricter.class),
          new RuleDescriptor(Typed.class));

  /**
   * Reports every structural object with an {@code x-flag}: one finding per element when it is a
   * list (so one pointer can carry several findings), else one. Recommended: error.
   */
  @RuleInfo(
      id = "test-flagged",
      title = "Flagged node",
      description = "Reports objects carrying x-flag.",
      level = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 5.0,
      section = "doc")
  public static final class Flagged implements Checks.NodeCheck {
    @RuleOption(description = "Text put before each message.")
    public String prefix = "flagged";

    @Override
    public void checkNode(NodeRef node, NodeKind kind, RuleContext context) {
      JsonNode flag = node.node().get("x-flag");
      if (flag == null) {
        return;
      }
      if (flag.isArray()) {
        for (JsonNode element : flag) {
          context.report(node, prefix + ": " + element.asText());
        }
      } else {
        context.report(node, prefix + ": " + flag.asText());
      }
    }
  }

  /** Off in recommended and sfti; only strict (as note) or when enabled. */
  @RuleInfo(
      id = "test-off-everywhere",
      title = "Off",
      description = "Never reports.",
      level = Level.OFF,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class OffEverywhere implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {}
  }

  /** Off in recommended, warning in sfti and strict. */
  @RuleInfo(
      id = "test-sfti-only",
      title = "SFTI only",
      description = "Never reports.",
      level = Level.OFF,
      sftiLevel = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class SftiOnly implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {}
  }

  /** Note in recommended, error in sfti and strict. */
  @RuleInfo(
      id = "test-sfti-stricter",
      title = "SFTI stricter",
      description = "Never reports.",
      level = Level.NOTE,
      sftiLevel = Level.ERROR,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class SftiStricter implements Checks.DocumentCheck {
    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {}
  }

  /** Warning everywhere; has an option of every supported type. */
  @RuleInfo(
      id = "test-typed",
      title = "Typed options",
      description = "Never reports.",
      level = Level.WARNING,
      owasp2023 = {},
      owasp2019 = {},
      sftiAreas = {},
      sftiScenarios = {},
      securitySeverity = 1.0,
      section = "doc")
  public static final class Typed implements Checks.DocumentCheck {
    @RuleOption(description = "A switch.")
    public boolean strictMode = false;

    @RuleOption(description = "A count.")
    public int maxItems = 10;

    @RuleOption(description = "A ratio.")
    public double ratio = 0.5;

    @RuleOption(description = "A name.")
    public String name = "x";

    @RuleOption(description = "Paths | globs.")
    public List<String> paths = List.of("/health");

    @Override
    public void checkDocument(ApiDocument document, RuleContext context) {}
  }
}
