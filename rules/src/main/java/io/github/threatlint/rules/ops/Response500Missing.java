package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.rules.support.DocumentWide;
import io.github.threatlint.rules.support.ResponseDefinitions;

@RuleInfo(
    id = "response-500-missing",
    title = "No 500 response documented",
    description =
        "An operation that documents no 500 or 5XX response. Documenting server errors, with a neutral "
            + "error body, tells clients how failures look and keeps the implementation from improvising responses that "
            + "leak stack traces. When several operations document none, that is one finding for the document.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"APIM"},
    sftiScenarios = {},
    securitySeverity = 2.0,
    precision = "high",
    section = "ops")
public final class Response500Missing implements Checks.DocumentCheck {
  @RuleOption(
      description =
          "Accept a 'default' response as the documentation of server errors even without an "
              + "error body (one with an error body always counts).")
  public boolean acceptDefault = false;

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // several operations without one are one gap of the document (no shared server-error response)
    DocumentWide.reportPathOperations(
        document,
        context,
        this::lacks500,
        lacking ->
            lacking.size()
                + " operations document no 500 or 5XX response ("
                + DocumentWide.firstOf(lacking)
                + "): define one shared 500 response with a neutral error body and reference it "
                + "from each, so that failures do not expose internal details.",
        operation ->
            operation.label()
                + " documents no 500 or 5XX response: document "
                + "server errors with a neutral error body, so that failures do not expose internal details.");
  }

  private boolean lacks500(Operation operation) {
    // a 'default' response with an error body documents how server errors look
    return !operation.documentsStatus("500", acceptDefault)
        && ResponseDefinitions.defaultErrorResponse(operation) == null;
  }
}
