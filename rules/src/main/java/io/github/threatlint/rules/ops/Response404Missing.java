package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.rules.support.DocumentWide;

@RuleInfo(
    id = "response-404-missing",
    title = "No 404 response for an operation with path parameters",
    description =
        "An operation with path parameters that documents no 404 (or 4XX) response. Clients must learn how "
            + "a missing or foreign object is answered; a consistent 404 also avoids revealing which identifiers exist. When several operations document none, that is one "
            + "finding for the document.",
    level = Level.NOTE,
    readsProse = false,
    owasp2023 = {"API1"},
    owasp2019 = {"API1"},
    sftiAreas = {"DOC"},
    sftiScenarios = {"Lack of consistent documentation"},
    securitySeverity = 2.0,
    precision = "high",
    section = "ops")
public final class Response404Missing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    // several operations without one are one gap of the document (no shared 404 response)
    DocumentWide.reportPathOperations(
        document,
        context,
        Response404Missing::lacks404,
        lacking ->
            lacking.size()
                + " operations take path parameters but document no 404 ("
                + DocumentWide.firstOf(lacking)
                + "): define one shared 404 response for an identifier that does not exist or is "
                + "not the caller's and reference it from each.",
        operation ->
            operation.label()
                + " takes path parameters but documents no 404: "
                + "document the answer for an identifier that does not exist or is not the caller's.");
  }

  private static boolean lacks404(Operation operation) {
    boolean pathParameters =
        operation.path().contains("{") || !operation.parameters("path").isEmpty();
    return pathParameters && !operation.documentsStatus("404", false);
  }
}
