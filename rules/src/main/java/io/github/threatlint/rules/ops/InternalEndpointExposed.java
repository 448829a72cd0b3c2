package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.VersionSegments;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;

@RuleInfo(
    id = "internal-endpoint-exposed",
    title = "Internal or debug endpoint in a published API",
    description =
        "An operation marked x-internal: true, or under a path segment that names a debug, actuator, "
            + "internal or test endpoint. Such endpoints in a published description are shadow APIs: they are reachable "
            + "but escape the review, monitoring and protection that public operations get.",
    level = Level.WARNING,
    readsProse = false,
    owasp2023 = {"API9", "API5"},
    owasp2019 = {"API9", "API5"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 6.5,
    precision = "high",
    section = "ops")
public final class InternalEndpointExposed implements Checks.PathOperationCheck {
  @RuleOption(
      description =
          "Path segments that mark internal endpoints wherever they appear; a whole segment is "
              + "compared, ignoring case and separators (so /_internal and /Internal match 'internal', but "
              + "/internal-transfers does not).")
  public List<String> segments =
      List.of(
          "internal",
          "debug",
          "actuator",
          "heapdump",
          "threaddump",
          "jolokia",
          "phpinfo",
          "h2-console");

  @RuleOption(
      description =
          "Path segments that mark internal endpoints only as the first segment of the path (after "
              + "'api', 'rest', 'latest', a version segment or a bare number): /test/... is a test area, /hooks/{id}/tests is a public resource.")
  public List<String> leadingSegments =
      List.of("test", "tests", "testing", "dev", "private", "sandbox");

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (operation.node().isTrue("x-internal")) {
      context.report(
          operation.node(),
          "x-internal",
          operation.label()
              + " is marked x-internal: true but is part of "
              + "this published description: remove it from the public document (publish internal operations separately) "
              + "or, if it is meant to be public, drop the marker and protect it like the other operations.");
      return;
    }
    if (operation.pathItem().isTrue("x-internal")) {
      context.report(
          operation.node(),
          operation.label()
              + " belongs to a path item marked x-internal: true but is part "
              + "of this published description: remove it from the public document or drop the marker.");
      return;
    }
    boolean leading = true;
    for (String segment : operation.pathTemplate().segments()) {
      if (segment.isEmpty() || (leading && VersionSegments.isMount(segment))) {
        continue;
      }
      if (PathTemplate.startsWithParameter(segment)) {
        leading = false;
        continue;
      }
      boolean marked =
          Words.isAny(segment, segments) || (leading && Words.isAny(segment, leadingSegments));
      leading = false;
      if (marked) {
        context.report(
            operation.node(),
            operation.label()
                + " sits under the '"
                + segment
                + "' segment, which names "
                + "an internal, debug or test endpoint: keep such endpoints out of the published API (and off production "
                + "gateways), or rename the path if it is a genuine public resource.");
        return;
      }
    }
  }
}
