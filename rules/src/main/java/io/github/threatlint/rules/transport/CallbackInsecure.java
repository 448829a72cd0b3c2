package io.github.threatlint.rules.transport;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.RuleOption;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.Subschema;
import io.github.threatlint.core.vocabulary.Words;
import io.github.threatlint.rules.support.MediaTypes;
import io.github.threatlint.rules.support.NotificationReceivers;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
    id = "callback-insecure",
    title = "Insecure callback or webhook",
    description =
        "A callback or webhook URL over http, or a callback or webhook request that carries neither security "
            + "nor a signature header (also a notification endpoint that the client hosts, written under paths, and a "
            + "subscription's callback URL with no secret and no described signature): receivers cannot tell the API's notifications from forged ones, and over http anyone "
            + "on the path reads and changes them.",
    level = Level.WARNING,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API10", "API7"},
    owasp2019 = {},
    sftiAreas = {"DS"},
    sftiScenarios = {
      "Interception/alteration of data during transport",
      "Malicious code or data injection"
    },
    securitySeverity = 6.0,
    precision = "high",
    section = "transport")
public final class CallbackInsecure implements Checks.OperationCheck {
  @RuleOption(
      description =
          "Words of header names that carry a signature of the request, matched as whole words.")
  public List<String> signatureHeaders = List.of("signature", "hmac", "jws");

  /** Words of a property that holds the URL notifications are sent to (with url or uri). */
  private static final List<String> CALLBACK_URL_WORDS =
      List.of("callback", "webhook", "notification", "notify");

  private static final List<String> URL_WORDS = List.of("url", "uri");

  /** Words of a sibling property that sets up how notifications are authenticated. */
  private static final List<String> SECRET_WORDS =
      List.of("secret", "signing", "hmac", "signature", "certificate", "token", "key");

  /** Words of a description that say how notifications are authenticated. */
  private static final List<String> AUTHENTICATION_TERMS =
      List.of(
          "signature",
          "signed",
          "hmac",
          "shared secret",
          "mutual tls",
          "mtls",
          "jws",
          "client certificate");

  private static final int MAX_DEPTH = 4;

  private final Set<NodeRef> checked = new HashSet<>();

  /**
   * Request bodies whose walk met no property named as a callback URL: a walk from the same body
   * meets the same names, and operations share bodies (Kubernetes: 335 request bodies of 63
   * schemas, DeleteOptions in 103 operations, Patch in 85 with four media types each); walking each
   * again was a third of the rule's 22 samples of a cold run.
   */
  private final Set<NodeRef> withoutCallbackUrl = new HashSet<>();

  /** Whether the document describes or signs its notifications; null until first asked. */
  private Boolean notificationsDescribed;

  @Override
  public void checkOperation(Operation operation, RuleContext context) {
    if (operation.kind() == Operation.Kind.PATH) {
      checkInboundNotification(operation, context);
      checkCallbackUrls(operation, context);
      return;
    }
    if (!checked.add(operation.node())) {
      return;
    }
    // label() reads "callback POST {$request.body#/url}" or "webhook POST newPet"
    String what =
        "The "
            + operation.label()
            + (operation.kind() == Operation.Kind.CALLBACK
                ? " of " + operation.parent().label()
                : "");
    String expression = operation.path().trim().toLowerCase(Locale.ROOT);
    if (operation.kind() == Operation.Kind.CALLBACK
        && (expression.startsWith("http://") || expression.startsWith("ws://"))
        && checked.add(operation.pathItem())) {
      context.report(
          operation.pathItem(),
          what
              + " is sent over http: use an https URL so that notifications cannot be "
              + "read or changed in transit.");
    }
    if (!secured(operation) && !signed(operation)) {
      context.report(
          operation.node(),
          what
              + " carries neither security nor a signature header: declare how the "
              + "receiver authenticates the request (security, or a signature header such as Webhook-Signature) so that "
              + "forged notifications are refused.");
    }
  }

  /**
   * A path operation that receives notifications on an endpoint the client hosts (the document is a
   * TPP's or subscriber's webhook: "TPP Endpoint", "webhook" in its title, description or server
   * descriptions, and the path names notifications, events, webhooks or callbacks) is a webhook
   * written under paths: judged as one, with the security that applies to it.
   */
  private void checkInboundNotification(Operation operation, RuleContext context) {
    if (!NotificationReceivers.receivesOnItsPath(operation)) {
      return;
    }
    String receiver = NotificationReceivers.evidence(operation.document());
    if (receiver == null || !checked.add(operation.node())) {
      return;
    }
    SecurityRequirements security = operation.security();
    boolean secured = security != null && !security.isEmpty() && !security.allowsAnonymous();
    if (secured || signed(operation) || signedBody(operation)) {
      return;
    }
    context.report(
        operation.node(),
        operation.label()
            + " receives notifications on an endpoint the client hosts ("
            + receiver
            + "), but carries neither security nor a signature header nor a signed body: declare how the "
            + "receiver authenticates the sender (security such as mutual TLS, a signature header such as "
            + "Webhook-Signature, or a signed JWT body) so that forged notifications are refused.");
  }

  /**
   * Subscriptions that register a callback URL where no callback or webhook describes the
   * notifications and no operation carries a signature header: nothing beside the URL (a shared
   * secret, a signing key) nor any description says how the subscriber will tell the API's
   * notifications from forged ones.
   */
  private void checkCallbackUrls(Operation operation, RuleContext context) {
    ApiDocument document = operation.document();
    if (operation.requestContent().isEmpty() || notificationsDescribed(document)) {
      return;
    }
    for (MediaType type : operation.requestContent()) {
      NodeRef body = document.deref(type.schema());
      if (body != null
          && !withoutCallbackUrl.contains(body)
          && !findCallbackUrls(document, body, operation, context, 0, new HashSet<>())) {
        withoutCallbackUrl.add(body);
      }
    }
  }

  /**
   * Reports the properties named as a callback URL in the schema and what it nests, down to {@link
   * #MAX_DEPTH}; returns whether it met any such name, reported or not.
   */
  private boolean findCallbackUrls(
      ApiDocument document,
      NodeRef written,
      Operation operation,
      RuleContext context,
      int depth,
      Set<NodeRef> seen) {
    NodeRef schema = document.deref(written);
    if (schema == null || !schema.isObject() || depth > MAX_DEPTH || !seen.add(schema)) {
      return false;
    }
    List<Subschema> children = Subschema.of(schema);
    boolean named = false;
    for (Subschema child : children) {
      if (namesCallbackUrl(child.name())) {
        named = true;
        if (!namesSecret(children)
            && !mentionsAuthentication(document, child.schema(), schema)
            && checked.add(child.schema())) {
          context.report(
              child.schema(),
              "Property '"
                  + child.name()
                  + "' of the body of "
                  + operation.label()
                  + " registers where notifications are sent, but nothing says how the subscriber authenticates "
                  + "them: no shared secret or signing key beside it, no callback or webhook in the document, and "
                  + "no description of a signature or mutual TLS. Add a secret (or document the signature, such as "
                  + "an HMAC header, or a callback with its security) so that forged notifications are refused.");
        }
      }
      named |= findCallbackUrls(document, child.schema(), operation, context, depth + 1, seen);
    }
    return named;
  }

  /** A property name such as callbackUrl or webhook_uri. */
  private static boolean namesCallbackUrl(String name) {
    return name != null
        && Words.containsAny(name, CALLBACK_URL_WORDS)
        && Words.containsAny(name, URL_WORDS);
  }

  /** One of the properties is a secret, key or the like that sets up signed notifications. */
  private static boolean namesSecret(List<Subschema> properties) {
    for (Subschema property : properties) {
      if (property.name() != null && Words.containsAny(property.name(), SECRET_WORDS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The property's, its object's or the document's description names how notifications are
   * authenticated.
   */
  private static boolean mentionsAuthentication(
      ApiDocument document, NodeRef property, NodeRef object) {
    NodeRef resolved = document.deref(property);
    NodeRef info = document.root().get("info");
    String text =
        Words.lower(resolved == null ? null : resolved.text("description"))
            + "\n"
            + Words.lower(object.text("description"))
            + "\n"
            + Words.lower(info == null ? null : info.text("description"));
    return AUTHENTICATION_TERMS.stream().anyMatch(text::contains);
  }

  /**
   * The document describes its notifications (callbacks or webhooks, judged where they are) or
   * signs its messages (a signature header such as x-jws-signature: its notifications are signed
   * too). Decided once per document.
   */
  private boolean notificationsDescribed(ApiDocument document) {
    if (notificationsDescribed == null) {
      boolean described = document.root().has("webhooks");
      for (Operation other : document.allOperations()) {
        described |= other.kind() == Operation.Kind.CALLBACK || signed(other);
      }
      notificationsDescribed = described;
    }
    return notificationsDescribed;
  }

  /** A body that carries its own signature: a JWT or JWS (application/jwt, application/jose). */
  private static boolean signedBody(Operation operation) {
    for (MediaType type : operation.requestContent()) {
      String essence = MediaTypes.essence(type.name());
      if (essence.equals("application/jwt") || essence.startsWith("application/jose")) {
        return true;
      }
    }
    return false;
  }

  /** Its own security: a callback does not inherit the security clients use to call the API. */
  private static boolean secured(Operation operation) {
    NodeRef own = operation.node().get("security");
    return own != null
        && !new SecurityRequirements(own).isEmpty()
        && !new SecurityRequirements(own).allowsAnonymous();
  }

  private boolean signed(Operation operation) {
    for (Parameter parameter : operation.parameters()) {
      if (parameter.in().equals("header")
          && (Words.containsAny(parameter.name(), signatureHeaders)
              || parameter.name().equalsIgnoreCase("Authorization"))) {
        return true;
      }
    }
    return false;
  }
}
