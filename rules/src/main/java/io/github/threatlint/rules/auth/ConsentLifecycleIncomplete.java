package io.github.threatlint.rules.auth;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.SchemaProperties;
import io.github.threatlint.rules.support.SecuritySites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
    id = "consent-lifecycle-incomplete",
    title = "Consent resource without a full life cycle",
    description =
        "A consent resource without an operation to read one consent by id, without a DELETE to revoke it, "
            + "or whose schema has no expiry field (validUntil, expiresAt, expirationDate, ...). Users must be able to see, "
            + "withdraw and outlive their consents.",
    level = Level.NOTE,
    readsProse = false,
    sftiLevel = Level.WARNING,
    owasp2023 = {"API6"},
    owasp2019 = {},
    sftiAreas = {"CON"},
    sftiScenarios = {"Outdated consent", "Data Protection compliance breach"},
    mitigations = {"consent-lifecycle"},
    securitySeverity = 4.0,
    precision = "medium",
    section = "auth")
public final class ConsentLifecycleIncomplete implements Checks.DocumentCheck {
  private static final int MAX_SCHEMA_DEPTH = 4;

  /**
   * The operations of one consent resource: on its collection path and on its item path ({@code
   * .../{id}}).
   */
  private static final class Resource {
    final String base;
    final List<Operation> collection = new ArrayList<>();
    final List<Operation> item = new ArrayList<>();

    Resource(String base) {
      this.base = base;
    }

    Operation find(List<Operation> operations, String method) {
      for (Operation operation : operations) {
        if (operation.method().equals(method)) {
          return operation;
        }
      }
      return null;
    }
  }

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    Map<String, Resource> resources = new LinkedHashMap<>();
    for (Operation operation : document.operations()) {
      PathTemplate path = operation.pathTemplate();
      List<String> segments = path.segments();
      int last = segments.size() - 1;
      // keyed by the segments, not the text: /consents/ and /consents/{id}/ are one resource
      if (last >= 1 && isConsentSegment(segments.get(last))) {
        resources.computeIfAbsent(path.prefix(last + 1), Resource::new).collection.add(operation);
      } else if (last >= 2
          && PathTemplate.startsWithParameter(segments.get(last))
          && isConsentSegment(segments.get(last - 1))) {
        resources.computeIfAbsent(path.prefix(last), Resource::new).item.add(operation);
      }
    }
    for (Resource resource : resources.values()) {
      check(document, resource, context);
    }
  }

  private static void check(ApiDocument document, Resource resource, RuleContext context) {
    // a consent without an id segment (/accounts/{id}/consent) is its own item
    boolean singleton = resource.item.isEmpty();
    List<Operation> items = singleton ? resource.collection : resource.item;
    List<String> gaps = new ArrayList<>();
    if (resource.find(items, "get") == null) {
      gaps.add(
          singleton
              ? "no GET to read it"
              : "no GET " + resource.base + "/{id} to read one consent");
    }
    if (resource.find(items, "delete") == null) {
      gaps.add("no DELETE to revoke it");
    }
    if (!hasExpiryField(document, resource)) {
      gaps.add("no expiry field (such as validUntil or expiresAt) in its schemas");
    }
    Operation first =
        !resource.collection.isEmpty() ? resource.collection.get(0) : resource.item.get(0);
    NodeRef paths = document.root().get("paths");
    NodeRef where =
        paths != null && paths.get(first.path()) != null ? paths.get(first.path()) : first.node();
    if (gaps.isEmpty()) {
      context.mitigated(
          where,
          "consent-lifecycle",
          "consent resource " + resource.base + " (read, revoke, expiry)");
      return;
    }
    context.unmitigated(
        where,
        "consent-lifecycle",
        "consent resource " + resource.base + " (" + String.join("; ", gaps) + ")");
    context.report(
        where,
        "The consent resource "
            + resource.base
            + " has "
            + SecuritySites.enumerate(gaps)
            + ": users "
            + "cannot check, withdraw or outlive their consent. Offer GET and DELETE on each consent and an expiry date.");
  }

  private static boolean hasExpiryField(ApiDocument document, Resource resource) {
    List<Operation> operations = new ArrayList<>(resource.collection);
    operations.addAll(resource.item);
    for (Operation operation : operations) {
      for (MediaType media : operation.requestContent()) {
        if (hasExpiry(document, media.schema())) {
          return true;
        }
      }
      for (Response response : operation.responses()) {
        if (!response.isSuccess()) {
          continue;
        }
        for (MediaType media : response.content()) {
          if (hasExpiry(document, media.schema())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean hasExpiry(ApiDocument document, NodeRef schema) {
    if (schema == null) {
      return false;
    }
    for (String name : SchemaProperties.names(document, schema, MAX_SCHEMA_DEPTH)) {
      if (isExpiryName(name)) {
        return true;
      }
    }
    return false;
  }

  static boolean isExpiryName(String name) {
    List<String> words = Words.split(name);
    for (String word : words) {
      if (word.startsWith("expir")
          || word.equals("expires")
          || word.equals("ttl")
          || word.equals("validity")) {
        return true;
      }
    }
    return words.contains("valid")
        && (words.contains("until") || words.contains("to") || words.contains("till"));
  }

  private static boolean isConsentSegment(String segment) {
    if (segment.isEmpty() || PathTemplate.startsWithParameter(segment)) {
      return false;
    }
    List<String> words = Words.split(segment);
    String lastWord = words.isEmpty() ? "" : words.get(words.size() - 1);
    return lastWord.equals("consent") || lastWord.equals("consents");
  }
}
