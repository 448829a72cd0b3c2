package io.github.threatlint.rules.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.PageParameters;
import io.github.threatlint.rules.support.PublicReads;
import io.github.threatlint.rules.support.Schemas;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
    id = "pagination-unbounded",
    title = "Collection without a bounded page size",
    description =
        "A GET that returns a collection (an array without maxItems, or an object wrapping one, also inside an "
            + "envelope's data object) but takes "
            + "no page-size parameter (limit, pageSize, size, per_page, top, first, ...) with a maximum, and does not page "
            + "on its own (a link or token to the next page beside the data). One call can then "
            + "return the whole data set, which makes bulk extraction easy and responses unbounded. A list that is "
            + "small by design (its description says a single item, or one per something; a singular sub-resource "
            + "of one record, or its balances, authorisations or details) or public reference data is a note, as is a page size whose description says that a "
            + "standard's pagination, with its own maximum, governs it.",
    level = Level.WARNING,
    owasp2023 = {"API4"},
    owasp2019 = {"API4"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Exfiltrating large amount of data"},
    mitigations = {"bounded-pagination"},
    securitySeverity = 5.5,
    precision = "medium",
    section = "ops")
public final class PaginationUnbounded implements Checks.PathOperationCheck {

  @RuleOption(
      description =
          "Names of page-size parameters (query or header), compared ignoring case and separators.")
  public List<String> pageSizeParameters = PageParameters.SIZE;

  @RuleOption(
      description =
          "Property names that mark an object as a wrapper of a collection page, besides an array "
              + "property that is its only property or is named after the path's last segment.")
  public List<String> wrapperProperties =
      List.of(
          "data",
          "items",
          "results",
          "content",
          "records",
          "entries",
          "elements",
          "values",
          "list",
          "rows",
          "resources",
          "next",
          "nextCursor",
          "cursor",
          "nextPageToken",
          "total",
          "totalCount",
          "totalItems",
          "totalElements",
          "count",
          "page",
          "pageInfo",
          "hasMore",
          "offset");

  /** Wrapper properties that hold the items themselves, not a paging field beside them. */
  private static final List<String> ITEM_WRAPPERS = List.of("data", "content", "values", "list");

  /**
   * Paging fields that also name plain amounts or numbers (an invoice's total, a status's count):
   * one of them beside an array is no evidence of a page; two of them, or one unambiguous field,
   * are.
   */
  private static final List<String> AMBIGUOUS_PAGING_FIELDS =
      List.of("total", "count", "page", "offset");

  /** Where an envelope keeps its hypermedia links. */
  private static final List<String> LINKS = List.of("links", "_links");

  /** The link or token to the next page. */
  private static final List<String> NEXT_PAGE =
      List.of("next", "nextPage", "nextPageToken", "nextCursor", "nextLink");

  /**
   * How a description says that the list holds one item, or one per something: "only a single
   * personId", "one statement per pension plan", also across a line break. Bounded repetition:
   * linear on any text.
   */
  private static final Pattern SINGLE_ITEM =
      Pattern.compile(
          "\\bonly\\s{1,5}(a|one)\\s{1,5}single\\s{1,5}[a-z`_-]{1,40}|\\bone\\s{1,5}[a-z-]{1,40}\\s{1,5}per\\s{1,5}[a-z-]{1,40}");

  /** Singular names of lists that grow without bound: a record's history is no single item. */
  private static final List<String> GROWING_LISTS =
      List.of("history", "activity", "usage", "log", "audit", "feed", "timeline");

  /**
   * Plural lists of one record that the record bounds, with why: an account has one balance per
   * balance type (NextGenPSD2's balanceType, a handful), a payment or consent one authorisation per
   * strong customer authentication it needs (one, or a few users for multi-level SCA); the details
   * of one record are that record's (UK Open Banking's VRP payment-details: one payment's
   * statuses).
   */
  private static final Map<String, String> BOUNDED_BY_THEIR_RECORD =
      Map.of(
          "balances", "one per balance type",
          "authorisations", "one per authorisation the record needs",
          "authorizations", "one per authorization the record needs",
          "details", "the details of that one record");

  /**
   * How a page-size parameter says that a standard's pagination governs it (Australia's CDR ends
   * each page-size description so): that standard caps the page size in its own text (CDR: 1,000
   * records, larger requests refused), so the document's missing maximum is a gap in the document,
   * not an unbounded list.
   */
  private static final String STANDARD_PAGINATION = "standard pagination";

  private final Set<String> reportedParameters = new HashSet<>();

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (!operation.method().equals("get") || !returnsCollection(operation)) {
      return;
    }
    List<Parameter> pageSize = new ArrayList<>();
    for (Parameter parameter : operation.parameters()) {
      if ((parameter.in().equals("query") || parameter.in().equals("header"))
          && Words.isAny(parameter.name(), pageSizeParameters)) {
        pageSize.add(parameter);
      }
    }
    if (pageSize.isEmpty()) {
      if (serverPaged(operation)) {
        // the server chooses the page size and links the next page (Links.Next, meta.totalPages)
        context.mitigated(
            operation.node(), "bounded-pagination", operation.label() + " is paged by the server");
        return;
      }
      context.unmitigated(
          operation.node(), "bounded-pagination", operation.label() + " (no page size)");
      String small = smallByDesign(operation);
      if (small != null) {
        context.report(
            operation.node(),
            operation.label()
                + " returns a collection and takes no page-size parameter, but "
                + small
                + ": paging is no protection there. If the list can grow, add a page size with a maximum.",
            Level.NOTE);
        return;
      }
      context.report(
          operation.node(),
          operation.label()
              + " returns a collection but takes no page-size parameter: add "
              + "one (such as 'limit') with a maximum, so that a single call cannot return the whole data set.");
      return;
    }
    ApiDocument document = operation.document();
    for (Parameter parameter : pageSize) {
      if (isBounded(document, parameter)) {
        context.mitigated(
            parameter.node(),
            "bounded-pagination",
            operation.label() + " takes " + parameter.name() + " with a maximum");
        return;
      }
    }
    Parameter first = pageSize.get(0);
    context.unmitigated(
        operation.node(),
        "bounded-pagination",
        operation.label() + " (" + first.name() + " without maximum)");
    if (!reportedParameters.add(first.node().key())) {
      return;
    }
    String parameter = "Page-size parameter '" + first.name() + "' of " + operation.label();
    if (Words.lower(first.node().text("description")).contains(STANDARD_PAGINATION)) {
      context.report(
          first.node(),
          "schema",
          parameter
              + " declares no maximum, but its description says it follows the standard's pagination, whose "
              + "maximum is stated outside the document (Australia's CDR: 1,000 records): declare that maximum here "
              + "too, so that gateways and generated clients see and enforce it.",
          Level.NOTE);
      return;
    }
    context.report(
        first.node(),
        "schema",
        parameter
            + " has no maximum: declare one (for example maximum: 100) and enforce it, so that a client cannot ask for "
            + "the whole data set at once.");
  }

  /**
   * Why the list is small or public by design, or null: its description says it holds a single item
   * in most cases, or one per something ("one statement per pension plan"); it is a sub-resource of
   * one record named in the singular (/persons/{personId}/kyc, /accounts/{accountId}/balance) or a
   * plural list its record bounds (/accounts/{account-id}/balances); or it is public reference data
   * (no authentication, no customer data), the same for every caller.
   */
  private static String smallByDesign(Operation operation) {
    for (String field : List.of("summary", "description")) {
      String text = Words.lower(operation.node().text(field));
      Matcher single = SINGLE_ITEM.matcher(text);
      if (single.find()) {
        return "its "
            + field
            + " says it returns '"
            + Words.collapseWhiteSpace(single.group())
            + "'";
      }
    }
    List<String> segments = operation.pathTemplate().segments();
    if (segments.size() >= 3) {
      String last = segments.get(segments.size() - 1);
      String record = segments.get(segments.size() - 2);
      boolean underOneRecord = PathTemplate.startsWithParameter(record);
      if (underOneRecord
          && !PathTemplate.hasParameter(last)
          && !last.endsWith("s")
          && !Words.containsAny(last, GROWING_LISTS)) {
        return "it is the '" + last + "' of one record (" + record + "), named in the singular";
      }
      List<String> words = Words.split(last);
      String bound =
          underOneRecord && !words.isEmpty() && !Words.containsAny(last, GROWING_LISTS)
              ? BOUNDED_BY_THEIR_RECORD.get(words.get(words.size() - 1))
              : null;
      if (bound != null) {
        return "it is the '" + last + "' of one record (" + record + "), " + bound;
      }
    }
    if (PublicReads.isPublicReferenceRead(operation)) {
      return "it is public reference data (no authentication, no customer data in its responses),"
          + " the same for every caller";
    }
    return null;
  }

  private static boolean isBounded(ApiDocument document, Parameter parameter) {
    NodeRef schema = document.deref(parameter.schema());
    if (schema == null || !schema.isObject()) {
      return false;
    }
    JsonNode maximum = schema.node().get("maximum");
    JsonNode exclusiveMaximum = schema.node().get("exclusiveMaximum");
    JsonNode values = schema.node().get("enum");
    return (maximum != null && maximum.isNumber())
        || (exclusiveMaximum != null && exclusiveMaximum.isNumber())
        || (values != null && values.isArray() && !values.isEmpty());
  }

  private boolean returnsCollection(Operation operation) {
    String last = operation.pathTemplate().lastSegment();
    boolean collectionPath = !last.isEmpty() && !PathTemplate.hasParameter(last);
    for (Response response : operation.responses()) {
      if (!response.isSuccess()) {
        continue;
      }
      for (MediaType type : response.content()) {
        NodeRef schema = operation.document().deref(type.schema());
        if (isArray(schema)) {
          if (!schema.has("maxItems")) {
            return true; // an array with maxItems is bounded by the contract itself
          }
          continue;
        }
        if (collectionPath
            && (wrapsArray(operation.document(), schema, last)
                || wrapsArrayInEnvelope(operation.document(), schema, last))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isArray(NodeRef schema) {
    if (schema == null || !schema.isObject()) {
      return false;
    }
    JsonNode type = schema.node().get("type");
    if (type != null && type.isTextual()) {
      return type.textValue().equals("array");
    }
    if (type != null && type.isArray()) {
      for (JsonNode element : type) {
        if (element.asText().equals("array")) {
          return true;
        }
      }
      return false;
    }
    return schema.has("items") && !schema.has("properties");
  }

  /**
   * An object whose array property is its only property, is named like a page wrapper, or like the
   * path's resource.
   */
  private boolean wrapsArray(ApiDocument document, NodeRef schema, String lastSegment) {
    Map<String, NodeRef> properties = Schemas.allProperties(document, schema);
    List<String> arrays = new ArrayList<>();
    for (Map.Entry<String, NodeRef> property : properties.entrySet()) {
      NodeRef value = document.deref(property.getValue());
      if (isArray(value) && !value.has("maxItems")) {
        arrays.add(property.getKey());
      }
    }
    if (arrays.isEmpty()) {
      return false;
    }
    if (properties.size() == 1) {
      return true;
    }
    String resource = Words.compact(lastSegment);
    for (String name : arrays) {
      if (Words.isAny(name, wrapperProperties) || Words.compact(name).equals(resource)) {
        return true;
      }
    }
    int ambiguous = 0;
    for (String name : properties.keySet()) {
      if (Words.isAny(name, wrapperProperties) && !Words.isAny(name, ITEM_WRAPPERS)) {
        if (!Words.isAny(name, AMBIGUOUS_PAGING_FIELDS)) {
          return true;
        }
        ambiguous++;
      }
    }
    return ambiguous >= 2;
  }

  /**
   * An envelope whose data member is an object that wraps the collection, as {@code {data:
   * {transactions: [...]}, links, meta}} does.
   */
  private boolean wrapsArrayInEnvelope(ApiDocument document, NodeRef schema, String lastSegment) {
    Map<String, NodeRef> properties = Schemas.allProperties(document, schema);
    for (Map.Entry<String, NodeRef> property : properties.entrySet()) {
      NodeRef value = document.deref(property.getValue());
      if (Words.isAny(property.getKey(), wrapperProperties)
          && value != null
          && value.has("properties")
          && wrapsArray(document, value, lastSegment)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A success response that links the next page: a {@code next} link beside the data (in a links
   * object, as {@code Links.Next} of FAPI-style envelopes, or at the top) or a next-page token. The
   * server then chooses the page size, and one call cannot return the whole data set.
   */
  private boolean serverPaged(Operation operation) {
    ApiDocument document = operation.document();
    for (Response response : operation.responses()) {
      if (!response.isSuccess()) {
        continue;
      }
      for (MediaType type : response.content()) {
        Map<String, NodeRef> properties = Schemas.allProperties(document, type.schema());
        for (Map.Entry<String, NodeRef> property : properties.entrySet()) {
          if (Words.isAny(property.getKey(), NEXT_PAGE)) {
            return true;
          }
          // a loop over a links object's names, not a stream made for every property: the stream
          // was all of this method's 1.5-1.7 samples of a cold Kubernetes run (0.8 on Stripe)
          if (Words.isAny(property.getKey(), LINKS)) {
            for (String link : Schemas.allProperties(document, property.getValue()).keySet()) {
              if (Words.isAny(link, NEXT_PAGE)) {
                return true;
              }
            }
          }
        }
      }
    }
    return false;
  }
}
