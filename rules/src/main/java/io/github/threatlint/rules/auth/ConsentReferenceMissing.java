package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.PathTemplate;
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
    description =
        "The API is consent-based (it has a consent resource, and a consent id is passed to data operations "
            + "or scopes are bound to consents), yet a data operation elsewhere takes no consent identifier and is not "
            + "OAuth2-scoped: nothing ties the call to what the user consented to, so authorization cannot replicate the "
            + "consent.",
    level = Level.NOTE,
    readsProse = false,
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
  /**
   * Families of operations that carry no customer data: health checks, metadata, the OAuth
   * endpoints themselves.
   */
  private static final Set<String> NON_DATA_FAMILIES =
      Set.of(
          "health",
          "healthz",
          "ping",
          "status",
          "version",
          "versions",
          "info",
          "metadata",
          ".well-known",
          "oauth",
          "oauth2",
          "token",
          "authorize",
          "openapi",
          "swagger",
          "docs");

  /**
   * Words of a path segment that name an authorisation (SCA) sub-resource: its parent is authorised
   * by the user itself.
   */
  private static final Set<String> AUTHORISATION_WORDS =
      Set.of("authorisation", "authorisations", "authorization", "authorizations");

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Operation consentResource = null;
    for (Operation operation : document.operations()) {
      if (consentResource == null && isConsentResource(operation.pathTemplate())) {
        consentResource = operation;
      }
    }
    String binding = consentBinding(document);
    if (consentResource == null || binding == null) {
      return; // no consent resource, or nothing shows that its id is passed to data operations: not
      // a consent-based API
    }
    List<String> selfAuthorised = selfAuthorisedResources(document);
    for (Operation operation : document.operations()) {
      if (operation.kind() != Operation.Kind.PATH
          || isConsentPath(operation.pathTemplate())
          || NON_DATA_FAMILIES.contains(Words.lower(ResourceFamilies.of(operation.pathTemplate())))
          || underAny(operation.path(), selfAuthorised)) {
        continue;
      }
      if (takesConsentId(operation) || isOAuthScoped(operation, document.securitySchemes())) {
        context.mitigated(
            operation.node(),
            "consent-reference",
            operation.label()
                + (takesConsentId(operation) ? " takes a consent id" : " is OAuth2-scoped"));
        continue;
      }
      context.unmitigated(operation.node(), "consent-reference", operation.label());
      context.report(
          operation.node(),
          operation.label()
              + " takes no consent identifier and is not OAuth2-scoped, "
              + "although the API is consent-based (consents are created with "
              + consentResource.label()
              + " and "
              + binding
              + "): nothing ties the call to what the user agreed to. Require the consent id (such as a "
              + "Consent-ID header) or OAuth2 scopes derived from the consent.");
    }
  }

  /**
   * The evidence that the API passes consent ids to its data operations, as a message says it: a
   * consent-id parameter of a data operation, or a scope bound to a consent; null when there is
   * none.
   */
  private static String consentBinding(ApiDocument document) {
    for (Operation operation : document.operations()) {
      if (isConsentPath(operation.pathTemplate())) {
        continue;
      }
      for (Parameter parameter : operation.parameters()) {
        if (Words.split(parameter.name()).contains("consent")) {
          return "their id is passed to data operations, as the "
              + parameter.in()
              + " parameter '"
              + parameter.name()
              + "' of "
              + operation.label();
        }
      }
      SecurityRequirements security = operation.security();
      for (Requirement requirement :
          security == null ? List.<Requirement>of() : security.alternatives()) {
        for (List<String> scopes : requirement.schemes().values()) {
          for (String scope : scopes) {
            if (Words.split(scope).contains("consent")) {
              return "scopes are bound to them, as '" + scope + "' of " + operation.label();
            }
          }
        }
      }
    }
    return null;
  }

  /**
   * A path whose last fixed segment is a consent collection or a consent: /consents,
   * /account-access-consents/{id}.
   */
  static boolean isConsentResource(PathTemplate path) {
    List<String> words = Words.split(path.lastFixedSegment());
    String last = words.isEmpty() ? "" : words.get(words.size() - 1);
    return last.equals("consent") || last.equals("consents");
  }

  /**
   * Resources that have an authorisation sub-resource of their own
   * (/payments/{paymentId}/authorisations, /signing-baskets/{basketId}/authorisations): the user
   * authorises them directly, so in NextGenPSD2 a payment or a signing basket is a consent of its
   * own. Returns the collection paths, such as /v1/signing-baskets.
   */
  private static List<String> selfAuthorisedResources(ApiDocument document) {
    List<String> resources = new ArrayList<>();
    for (Operation operation : document.operations()) {
      PathTemplate path = operation.pathTemplate();
      List<String> segments = path.segments();
      for (int i = 2; i < segments.size(); i++) {
        boolean authorisation = false;
        for (String word : Words.split(segments.get(i))) {
          authorisation |= AUTHORISATION_WORDS.contains(word);
        }
        if (authorisation && PathTemplate.startsWithParameter(segments.get(i - 1))) {
          String collection = path.prefix(i - 1);
          if (!resources.contains(collection)) {
            resources.add(collection);
          }
          break;
        }
      }
    }
    return resources;
  }

  private static boolean underAny(String path, List<String> collections) {
    for (String collection : collections) {
      if (path.equals(collection) || path.startsWith(collection + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A path with a consent word in a fixed segment: the consent resources, their sub-resources,
   * consent events.
   */
  static boolean isConsentPath(PathTemplate path) {
    for (String segment : path.fixedSegments()) {
      List<String> words = Words.split(segment);
      if (words.contains("consent") || words.contains("consents")) {
        return true;
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
