package io.github.threatlint.rules.doc;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;

@RuleInfo(
    id = "info-contact-missing",
    title = "No contact or description in info",
    description =
        "The document names no contact with an email or URL in info.contact, or has no info.description. "
            + "Consumers, TPPs and security researchers need to know who owns the API and where to report a problem, and "
            + "a description says what the API is for.",
    level = Level.NOTE,
    owasp2023 = {"API9"},
    owasp2019 = {"API9"},
    sftiAreas = {"DOC", "TPP"},
    sftiScenarios = {"Lack of consistent documentation"},
    mitigations = {"documentation"},
    securitySeverity = 1.5,
    precision = "very-high",
    section = "doc")
public final class InfoContactMissing implements Checks.DocumentCheck {
  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    NodeRef info = document.root().get("info");
    if (info == null || !info.isObject()) {
      return; // a missing info object is a structural problem: spec-invalid reports it
    }
    NodeRef contact = info.get("contact");
    if (contact == null || !contact.isObject()) {
      context.report(
          info,
          "info has no contact: add info.contact with the owning team's email or URL, so that "
              + "consumers and security researchers know where to report a problem.");
    } else if (isBlank(contact.text("email")) && isBlank(contact.text("url"))) {
      context.report(
          contact,
          "info.contact has neither an email nor a URL: add one, so that consumers and security "
              + "researchers can actually reach the owners.");
    }
    if (contact != null
        && contact.isObject()
        && (!isBlank(contact.text("email")) || !isBlank(contact.text("url")))) {
      context.mitigated(contact, "documentation", "info.contact");
    } else {
      context.unmitigated(info, "documentation", "info.contact");
    }
    if (!isBlank(info.text("description"))) {
      context.mitigated(info.get("description"), "documentation", "info.description");
    } else {
      context.unmitigated(info, "documentation", "info.description");
      context.report(
          info,
          "info has no description: describe what the API is for, who may use it and how access "
              + "is granted.");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
