package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityRequirements.Requirement;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.ResourceFamilies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "consent-reference-missing",
    title = "Data operation without a consent reference",
    description = "The API manages consents (it has paths containing 'consent'), yet a data operation elsewhere takes "
        + "no consent identifier and is not OAuth2-scoped: nothing ties the call to what the user consented to, so "
        + "authorization cannot replicate the consent.",
    level = Level.NOTE,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API1"},
    owasp2019 = {"API1"},
    sftiAreas = {"CON"},
    sftiScenarios = {"Data Protection compliance breach", "Absence of fine-grained consent"},
    mitigations = {"consent-reference"},
    securitySeverity = 5.0,
    precision = "medium",
    section = "auth")
public final class ConsentReferenceMissing implements Checks.DocumentCheck {
  /** Families of operations that carry no customer data: health checks, metadata, the OAuth endpoints themselves. */
  private static final Set<String> NON_DATA_FAMILIES = Set.of("health", "healthz", "ping", "status", "version", "versions",
      "info", "metadata", ".well-known", "oauth", "oauth2", "token", "authorize", "openapi", "swagger", "docs");

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    List<Operation> consentOperations = new ArrayList<>();
    for (Operation operation : document.operations()) {
      if (isConsentPath(operation.path())) {
        consentOperations.add(operation);
      }
    }
    if (consentOperations.isEmpty()) {
      return;
    }
    for (Operation operation : document.operations()) {
      if (isConsentPath(operation.path()) || NON_DATA_FAMILIES.contains(Words.lower(ResourceFamilies.of(operation.path())))) {
        continue;
      }
      if (takesConsentId(operation) || isOAuthScoped(operation, document.securitySchemes())) {
        context.mitigated(operation.node(), "consent-reference", operation.label() + (takesConsentId(operation)
            ? " takes a consent id" : " is OAuth2-scoped"));
        continue;
      }
      context.unmitigated(operation.node(), "consent-reference", operation.label());
      context.report(operation.node(), operation.label() + " takes no consent identifier and is not OAuth2-scoped, "
          + "although the API manages consents (" + consentOperations.get(0).label() + "): nothing ties the call to "
          + "what the user agreed to. Require a consent id (such as a Consent-ID header) or OAuth2 scopes derived "
          + "from the consent.");
    }
  }

  static boolean isConsentPath(String path) {
    for (String segment : path.split("/")) {
      if (!segment.startsWith("{")) {
        List<String> words = Words.split(segment);
        if (words.contains("consent") || words.contains("consents")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean takesConsentId(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      if (Words.split(parameter.name()).contains("consent")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOAuthScoped(Operation operation, Map<String, SecurityScheme> schemes) {
    SecurityRequirements security = operation.security();
    if (security == null || security.alternatives().isEmpty()) {
      return false;
    }
    // every way to call the operation must carry scopes: an API-key alternative bypasses them
    for (Requirement requirement : security.alternatives()) {
      boolean scoped = false;
      for (Map.Entry<String, List<String>> entry : requirement.schemes().entrySet()) {
        SecurityScheme scheme = schemes.get(entry.getKey());
        if (scheme != null && scheme.takesScopes() && !entry.getValue().isEmpty()) {
          scoped = true;
        }
      }
      if (!scoped) {
        return false;
      }
    }
    return true;
  }
}
