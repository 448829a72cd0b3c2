package io.github.threatlint.rules.ops;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.PathTemplate;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.Schemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

@RuleInfo(
    id = "idempotency-key-missing",
    title = "Payment or order creation without idempotency key",
    description =
        "A POST that creates payments, orders, transfers or trades without an idempotency header "
            + "(Idempotency-Key). When a response is lost and the client retries, the transaction is executed twice; the "
            + "SFTI paper asks APIs to keep transaction handling consistent despite such technical failures (chapter 2.5). A "
            + "body that carries an idempotency key, or requires the key of the one thing it acts on (offerId), is safe to "
            + "retry, as is one that requires the client's own identifier of the instruction (an ISO 20022 messageId, a FIX "
            + "client order id); syncs, refreshes and reads create nothing.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    readsProse = false,
    owasp2023 = {"API6"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    // a retry that executes a payment twice violates the integrity of the customer's transactions
    sftiScenarios = {"Integrity violation"},
    securitySeverity = 5.0,
    precision = "high",
    section = "ops")
public final class IdempotencyKeyMissing implements Checks.PathOperationCheck {
  @RuleOption(
      description =
          "Words that mark a business transaction (compared as whole words, ignoring case and "
              + "separators): in the last literal path segment (its last word, the resource created), in the operationId, or in "
              + "a tag of a POST on a path without parameters.")
  public List<String> patterns =
      List.of(
          "payment",
          "payments",
          "pay",
          "order",
          "orders",
          "transfer",
          "transfers",
          "trade",
          "trades",
          "transaction",
          "transactions",
          "payout",
          "payouts",
          "charge",
          "charges",
          "refund",
          "refunds",
          "checkout");

  @RuleOption(
      description =
          "Words that mark a POST as something other than creating a transaction (a search, a "
              + "cancellation, a note on a payment, a payment method or setting, ...) when they appear in the last literal path "
              + "segment or the operationId.")
  public List<String> excludedWords =
      List.of(
          "search",
          "find",
          "query",
          "list",
          "get",
          "delete",
          "remove",
          "cancel",
          "cancellation",
          "validate",
          "validation",
          "verify",
          "check",
          "preview",
          "simulate",
          "simulation",
          "calculate",
          "estimate",
          "quote",
          "status",
          "feedback",
          "note",
          "notes",
          "attachment",
          "attachments",
          "comment",
          "comments",
          "export",
          "report",
          "reports",
          "document",
          "documents",
          "tag",
          "tags",
          "message",
          "messages",
          "event",
          "events",
          "timeline",
          "shipment",
          "shipments",
          "update",
          "pause",
          "pauses",
          "deactivation",
          "reactivation",
          "reactivations",
          // configuration kept about payments, not a payment: payment methods, instruments,
          // settings, tokens, ...
          "method",
          "methods",
          "instrument",
          "instruments",
          "setting",
          "settings",
          "token",
          "tokens",
          "credential",
          "credentials",
          "domain",
          "domains",
          "field",
          "fields",
          "form",
          "forms",
          // reads and refreshes that create nothing: a sync of orders, a refresh of transactions
          "sync",
          "synchronize",
          "synchronise",
          "synchronization",
          "refresh",
          "read",
          "retrieve",
          "fetch",
          // an authorisation (SCA) sub-resource of a payment starts a confirmation, it moves no
          // money
          "authorisation",
          "authorisations",
          "authorization",
          "authorizations");

  @RuleOption(
      description =
          "Required request body properties that key the request or the one thing it acts on, so "
              + "that a retry is recognised: an order placed for an offer can be placed once, a client's order identifier "
              + "(FIX ClOrdID, OpenWealth's clientReference: the order's unique identification assigned by the "
              + "instructing party) and an ISO 20022 message identification (MsgId) are unique per instruction and a "
              + "repeated one is refused as a duplicate; compared ignoring case and separators.")
  public List<String> businessKeys =
      List.of(
          "offerId",
          "quoteId",
          "clientOrderId",
          "clientOrderIdentification",
          "clientReference",
          "messageId",
          "msgId");

  /** An idempotency key carried in the body instead of a header. */
  private static final List<String> BODY_IDEMPOTENCY_KEYS =
      List.of("idempotency_key", "idempotencyKey");

  @RuleOption(
      description =
          "Header names that carry an idempotency key (compared ignoring case and separators).")
  public List<String> headers = List.of("Idempotency-Key", "X-Idempotency-Key");

  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (!operation.method().equals("post") || addressesItem(operation.pathTemplate())) {
      return;
    }
    String matched = matchedWord(operation);
    if (matched == null) {
      return;
    }
    for (Parameter parameter : operation.parameters("header")) {
      if (Words.isAny(parameter.name(), headers)) {
        return;
      }
    }
    if (bodyKey(operation) != null) {
      return; // the body's key makes a retry recognisable
    }
    String message =
        operation.label()
            + " creates a business transaction ('"
            + matched
            + "') but "
            + "takes no Idempotency-Key header: accept one so that a client can retry after a timeout without executing "
            + "the "
            + matched
            + " twice.";
    if (opaqueXmlBody(operation)) {
      // an ISO 20022 message (pain.001) identifies itself in GrpHdr/MsgId, which is mandatory and
      // which banks check for duplicates; the document declares none of the XML's elements
      context.report(
          operation.node(),
          message
              + " (The body is an XML document whose elements the document does not declare: if it is an ISO "
              + "20022 message, its mandatory MsgId is the key a retry is recognised by; say so in the description.)",
          Level.NOTE);
    } else {
      context.report(operation.node(), message);
    }
  }

  /**
   * True when every request body is XML whose schema declares no properties (a string, or none):
   * the rule cannot see whether the document carries its own identification.
   */
  private static boolean opaqueXmlBody(Operation operation) {
    List<MediaType> types = operation.requestContent();
    if (types.isEmpty()) {
      return false;
    }
    for (MediaType type : types) {
      if (!MediaTypes.isXml(type.name())
          || !Schemas.properties(operation.document().deref(type.schema())).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The body property that makes a retry safe: an idempotency key, or a required business key named
   * in {@link #businessKeys}; null when the request body has none.
   */
  private String bodyKey(Operation operation) {
    ApiDocument document = operation.document();
    for (MediaType type : operation.requestContent()) {
      NodeRef schema = document.deref(type.schema());
      if (schema == null) {
        continue;
      }
      List<String> required = new ArrayList<>();
      NodeRef requiredList = schema.get("required");
      for (NodeRef name : requiredList == null ? List.<NodeRef>of() : requiredList.elements()) {
        if (name.node().isTextual()) {
          required.add(name.node().textValue());
        }
      }
      for (Map.Entry<String, NodeRef> property : Schemas.properties(schema)) {
        String name = property.getKey();
        if (Words.isAny(name, BODY_IDEMPOTENCY_KEYS)
            || (Words.isAny(name, businessKeys) && required.contains(name))) {
          return name;
        }
      }
    }
    return null;
  }

  private String matchedWord(Operation operation) {
    String lastSegment = operation.pathTemplate().lastLiteralSegment();
    String operationId = operation.operationId() == null ? "" : operation.operationId();
    if (Words.containsAny(lastSegment, excludedWords)
        || Words.containsAny(operationId, excludedWords)) {
      return null;
    }
    List<String> words = Words.split(EXTENSION.matcher(lastSegment).replaceFirst(""));
    String resource = words.isEmpty() ? "" : words.get(words.size() - 1);
    if (!resource.isEmpty()
        && (Words.isAny(resource, patterns)
            || (resource.endsWith("s")
                && Words.isAny(resource.substring(0, resource.length() - 1), patterns)))) {
      return resource;
    }
    String term = Words.matchingTerm(operationId, patterns);
    if (term != null) {
      return term;
    }
    if (!operation.path().contains("{")) {
      for (String tag : operation.tags()) {
        term = Words.matchingTerm(tag, patterns);
        if (term != null) {
          return term;
        }
      }
    }
    return null;
  }

  // compiled once: a String's replaceFirst and matches compile their expression at each call, for
  // every operation (Stripe: 6 of this rule's 10 ms, cold)
  private static final Pattern EXTENSION = Pattern.compile("\\.[a-zA-Z]+$");

  /**
   * A path that ends with one item's identifier after its collection ({@code
   * /payments/{paymentId}}): a POST there changes that item, as Stripe and Xero update payments,
   * and creates no transaction.
   */
  private static boolean addressesItem(PathTemplate path) {
    List<String> segments = path.segments();
    int last = segments.size() - 1;
    return last >= 1
        && PathTemplate.isOneParameter(segments.get(last))
        && !segments.get(last - 1).isEmpty()
        && !PathTemplate.hasParameter(segments.get(last - 1));
  }
}
