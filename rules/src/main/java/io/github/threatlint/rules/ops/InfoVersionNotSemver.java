package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import java.util.regex.Pattern;

@RuleInfo(
    id = "info-version-not-semver",
    title = "API version is not semantic versioning",
    description =
        "info.version is not a semantic version (MAJOR.MINOR.PATCH, as in 2.1.0). A semantic version tells "
            + "consumers and the API inventory whether a change breaks clients, which drives the life cycle of API versions.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 1.0,
    precision = "very-high",
    section = "ops")
public final class InfoVersionNotSemver implements Checks.DocumentCheck {
  /** The grammar of semver.org 2.0.0: no leading zeros, optional pre-release and build metadata. */
  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
              + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    NodeRef info = document.root().get("info");
    NodeRef version = info == null || !info.isObject() ? null : info.get("version");
    if (version == null || !version.node().isValueNode()) {
      return; // a missing or malformed info.version is a structural problem: spec-invalid reports
      // it
    }
    String text = version.node().asText().trim();
    if (SEMVER.matcher(text).matches()) {
      return;
    }
    context.report(
        version,
        "info.version '"
            + text
            + "' is not a semantic version: write it as MAJOR.MINOR.PATCH"
            + suggestion(text)
            + " and raise MAJOR for every change that breaks clients.");
  }

  /** A concrete proposal for the common near-misses: 1.0, v1.2.3, 1. */
  private static String suggestion(String text) {
    String bare = text.replaceFirst("^[vV]", "");
    if (SEMVER.matcher(bare).matches()) {
      return " without the 'v' prefix (" + bare + ")";
    }
    if (bare.matches("\\d+\\.\\d+")) {
      return " (" + bare + ".0)";
    }
    if (bare.matches("\\d+")) {
      return " (" + bare + ".0.0)";
    }
    return " (for example 1.0.0)";
  }
}
