package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SchemaVisit;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.FieldNames;
import io.github.threatlint.rules.support.SchemaLabels;
import io.github.threatlint.rules.support.Schemas;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
    id = "url-input-unrestricted",
    title = "URL input without an allow-list",
    description =
        "An input named like a URL (url, uri, callback, redirect, webhook, return_to, ...) or with format uri "
            + "that has no pattern or enum restricting where it may point: if the server calls or redirects to it, clients "
            + "can make it reach internal hosts or cloud metadata (server-side request forgery) or phishing sites.",
    level = Level.NOTE,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API7"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    sftiScenarios = {"Malicious code or data injection"},
    securitySeverity = 6.5,
    precision = "medium",
    section = "data")
public final class UrlInputUnrestricted implements Checks.SchemaCheck, Checks.ParameterCheck {
  @RuleOption(
      description =
          "Names of URL inputs, matched as whole words of camelCase, snake_case or kebab-case names.")
  public List<String> names =
      List.of(
          "url",
          "uri",
          "href",
          "callback",
          "redirect",
          "webhook",
          "return_to",
          "return_url",
          "endpoint");

  @RuleOption(description = "Formats that mark a string as a URL.")
  public List<String> formats =
      List.of("uri", "url", "iri", "uri-reference", "iri-reference", "uri-template");

  private final Set<NodeRef> reported = new HashSet<>();

  /**
   * Parameters: the name is on the parameter, the constraints on its schema (inline in Swagger
   * 2.0).
   */
  @Override
  public void checkParameter(Parameter parameter, RuleContext context) {
    if ("body".equals(parameter.in())) {
      return;
    }
    NodeRef written = parameter.schema();
    boolean named = urlTerms().of(parameter.name()) != null;
    if (written == null
        || (!named && !hasUrlFormat(written))
        || isJsonpCallback(parameter.node())) {
      return;
    }
    // a parameter whose schema is a URL type defined elsewhere is judged there
    if (written.isRef()) {
      return;
    }
    if (isUnrestrictedText(written)) {
      NodeRef at = written.equals(parameter.node()) ? parameter.node() : written;
      if (reported.add(at)) {
        context.report(
            at,
            "The "
                + SchemaLabels.parameter(parameter)
                + " takes a URL with no pattern or enum: restrict it to the "
                + "hosts and schemes the API may call or redirect to (an anchored pattern or an enum), and check it on the "
                + "server as well.");
      }
    }
  }

  /** The term of {@link #names} each property name ends with, made on first use. */
  private FieldNames.EndingTerms urlTerms;

  private FieldNames.EndingTerms urlTerms() {
    if (urlTerms == null) {
      urlTerms = new FieldNames.EndingTerms(names);
    }
    return urlTerms;
  }

  /** Properties named like URLs, and any string schema with a URL format. */
  @Override
  public void checkSchema(SchemaVisit visit, RuleContext context) {
    NodeRef schema = visit.node();
    // the schema's own keywords before how clients use it: most schemas (a property's string or
    // number) have neither properties nor a URL format, and their use need not be looked up
    if (!schema.has("properties") && !hasUrlFormat(schema)) {
      return;
    }
    // whether it lies within links is asked last, of a schema that would be reported: it reads
    // every enclosing schema, and most schemas take no URL
    if (!visit.isInput() || Schemas.isReadOnly(visit)) {
      return;
    }
    ApiDocument document = visit.document();
    for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
      NodeRef written = property.getValue();
      NodeRef resolved = document.deref(written);
      if (urlTerms().of(property.getKey()) == null
          || resolved == null
          || Schemas.flag(document, written, "readOnly")
          || isJsonpCallback(resolved)) {
        continue;
      }
      if (written.isRef() && hasUrlFormat(resolved)) {
        continue;
      }
      if (isUnrestrictedText(resolved)
          && !restrictedElsewhere(visit, property.getKey())
          && !withinLinks(visit)
          && reported.add(written)) {
        context.report(
            written,
            "Property '"
                + property.getKey()
                + "' of "
                + SchemaLabels.of(visit.document(), schema)
                + " takes a URL "
                + "with no pattern or enum: restrict it to the hosts and schemes the API may call or redirect to (an "
                + "anchored pattern or an enum), and check it on the server as well.");
      }
    }
    if (schema.isRef()
        || visit.isParameter()
        || !hasUrlFormat(schema)
        || reported.contains(schema)
        || withinLinks(visit)) {
      return;
    }
    if (!Schemas.declares(visit, node -> node.has("pattern") || Schemas.isEnumerated(node))
        && reported.add(schema)) {
      context.report(
          schema,
          SchemaLabels.of(visit.document(), schema)
              + " is a URL (format "
              + Schemas.format(schema)
              + ") "
              + Schemas.usageLabel(visit)
              + " with no pattern or enum: restrict it to the hosts and schemes the API may call "
              + "or redirect to.");
    }
  }

  /** A JSONP callback names a script function, not a URL. */
  private static boolean isJsonpCallback(NodeRef node) {
    String description = Words.lower(node.text("description"));
    return description.contains("jsonp") || description.contains("function");
  }

  private boolean hasUrlFormat(NodeRef schema) {
    return Schemas.formatIn(schema, formats);
  }

  /** A string (or untyped value) with neither a pattern nor a list of allowed values. */
  private static boolean isUnrestrictedText(NodeRef schema) {
    if (!schema.isObject() || schema.has("pattern") || Schemas.isEnumerated(schema)) {
      return false;
    }
    Set<String> types = Schemas.valueTypes(schema);
    boolean composed = schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
    return types.isEmpty()
        ? !composed && !schema.has("properties") && !schema.has("items")
        : types.equals(Set.of("string"));
  }

  private static boolean restrictedElsewhere(SchemaVisit object, String property) {
    for (NodeRef other : Schemas.otherDeclarations(object, property)) {
      if (other.has("pattern") || Schemas.isEnumerated(other)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A URL inside hypermedia links ({@code Links.Prev}, the url of a {@code Link} object, {@code
   * _links}): a link the API returns and a client may echo, which the API neither calls nor
   * redirects to.
   */
  private static boolean withinLinks(SchemaVisit visit) {
    for (SchemaVisit current = visit; current != null; current = current.parent()) {
      if (FieldNames.isHypermedia(current.propertyName())
          || (Schemas.isObject(current.node())
              && current.parent() == null
              && FieldNames.isHypermedia(current.node().name()))) {
        return true;
      }
    }
    return false;
  }
}
