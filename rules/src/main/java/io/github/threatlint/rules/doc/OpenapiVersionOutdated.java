package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;

@RuleInfo(
    id = "openapi-version-outdated",
    title = "Outdated specification version",
    description =
        "A Swagger 2.0 document (or an OpenAPI 3.0 one, when the option minimum is 3.1). Old specification "
            + "versions cannot express parts of the security model (OpenID Connect, mutual TLS, several servers, "
            + "callbacks), and their tooling is no longer maintained.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"APIM"},
    sftiScenarios = {"Unneeded exposed APIs or API versions (shadow APIs)"},
    securitySeverity = 2.0,
    precision = "very-high",
    section = "doc")
public final class OpenapiVersionOutdated implements Checks.DocumentCheck {
  @RuleOption(
      description = "The oldest specification version accepted, as MAJOR.MINOR (2.0, 3.0 or 3.1).")
  public String minimum = "3.0";

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    String key = document.version().versionField();
    NodeRef version = document.root().get(key);
    if (version == null) {
      return;
    }
    String written = version.node().asText();
    if (compare(written, minimum) >= 0) {
      return;
    }
    // the version is the point of the rule: 2.0 is named as such, OpenAPI with its written version
    String what = document.isSwagger2() ? "Swagger 2.0" : "OpenAPI " + written;
    context.report(
        version,
        "The document is written in "
            + what
            + ", older than the required "
            + minimum
            + ": "
            + "migrate it to OpenAPI 3.1 (converters exist), which describes OpenID Connect, mutual TLS, callbacks "
            + "and webhooks, and is what current tools maintain.");
  }

  /** Compares MAJOR.MINOR of two version texts; text that is not numeric counts as 0. */
  static int compare(String a, String b) {
    int[] left = majorMinor(a);
    int[] right = majorMinor(b);
    return left[0] != right[0]
        ? Integer.compare(left[0], right[0])
        : Integer.compare(left[1], right[1]);
  }

  private static int[] majorMinor(String version) {
    String[] parts = version.trim().split("\\.");
    return new int[] {number(parts, 0), number(parts, 1)};
  }

  private static int number(String[] parts, int index) {
    if (index >= parts.length || !parts[index].matches("\\d{1,6}")) {
      return 0;
    }
    return Integer.parseInt(parts[index]);
  }
}
