package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.api.Subschema;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The mitigations of the paper that a specification can show, one check each, named by the ids the
 * catalogue's scenarios list under {@code evidence}. A check returns null when the spec shows nothing
 * of the mitigation, else what it saw, and whether that covers the whole API.
 */
final class MitigationEvidence {
  private static final int MAX_PLACES = 5;
  private static final Set<String> GENERIC_SCOPES = Set.of("read", "write", "admin", "all", "*", "full", "access", "api",
      "default", "user", "openid");
  private static final Set<String> PAGE_SIZE_NAMES = Set.of("limit", "pagesize", "size", "perpage", "top", "first",
      "max", "maxresults", "maxitems", "pagelimit", "count");
  private static final Set<String> FIXED_SIZE_FORMATS = Set.of("date", "date-time", "time", "uuid", "ipv4", "ipv6",
      "int32", "int64", "email", "duration");
  private static final Set<String> ENVIRONMENT_WORDS = Set.of("production", "prod", "live", "sandbox", "test", "testing",
      "staging", "stage", "development", "dev", "uat", "preproduction", "preprod", "mock", "mocking", "demo", "integration", "qa");
  /** Words a scope description may add without saying anything about the data. */
  private static final Set<String> FILLER_WORDS = Set.of("grant", "grants", "granting", "access", "allow", "allows", "scope",
      "to", "the", "a", "an", "permission", "permissions", "right", "rights", "for", "of", "and", "or", "operations", "api");
  private static final Pattern VERSION_SEGMENT = Pattern.compile("(^|/)v?\\d+(\\.\\d+)*(/|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SENDER_CONSTRAINED = Pattern.compile(
      "mtls|mutual[ -]?tls|client certificate|certificate[- ]bound|dpop|private_key_jwt|client assertion|sender[- ]constrained",
      Pattern.CASE_INSENSITIVE);

  private final ApiDocument document;
  private final List<AssetPresence> assets;
  private final List<Operation> operations;
  private final Map<String, Function<MitigationEvidence, Evidence>> checks = new LinkedHashMap<>();

  MitigationEvidence(ApiDocument document, List<AssetPresence> assets) {
    this.document = document;
    this.assets = assets;
    this.operations = document == null ? List.of() : document.operations();
    checks.put("authentication-on-every-operation", MitigationEvidence::authenticationOnEveryOperation);
    checks.put("delegated-token-authentication", MitigationEvidence::delegatedTokenAuthentication);
    checks.put("oauth2-delegation", MitigationEvidence::oauth2Delegation);
    checks.put("fine-grained-scopes", MitigationEvidence::fineGrainedScopes);
    checks.put("scope-descriptions", MitigationEvidence::scopeDescriptions);
    checks.put("client-authentication", MitigationEvidence::clientAuthentication);
    checks.put("correlation-id", MitigationEvidence::correlationId);
    checks.put("rate-limiting", MitigationEvidence::rateLimiting);
    checks.put("auth-errors-documented", MitigationEvidence::authErrorsDocumented);
    checks.put("bounded-pagination", MitigationEvidence::boundedPagination);
    checks.put("https-transport", MitigationEvidence::httpsTransport);
    checks.put("input-validation", MitigationEvidence::inputValidation);
    checks.put("explicit-response-schemas", MitigationEvidence::explicitResponseSchemas);
    checks.put("api-versioning", MitigationEvidence::apiVersioning);
    checks.put("deprecation-policy", MitigationEvidence::deprecationPolicy);
    checks.put("environments-declared", MitigationEvidence::environmentsDeclared);
    checks.put("documentation", MitigationEvidence::documentation);
    checks.put("consent-lifecycle", MitigationEvidence::consentLifecycle);
    checks.put("consent-reference", MitigationEvidence::consentReference);
    checks.put("data-residency", MitigationEvidence::dataResidency);
    checks.put("data-classification", MitigationEvidence::dataClassification);
    checks.put("user-context-headers", MitigationEvidence::userContextHeaders);
    checks.put("valid-specification", MitigationEvidence::validSpecification);
  }

  /** The ids of every check, for the catalogue test. */
  static Set<String> checkIds() {
    return new MitigationEvidence(null, List.of()).checks.keySet();
  }

  /** Runs one check; null when the spec shows nothing of it. Unknown ids are an error of the catalogue. */
  Evidence run(String check) {
    Function<MitigationEvidence, Evidence> function = checks.get(check);
    if (function == null) {
      throw new IllegalArgumentException("unknown evidence check '" + check + "'");
    }
    return function.apply(this);
  }

  // ------------------------------------------------------------------ authentication and authorization

  private Evidence authenticationOnEveryOperation() {
    if (operations.isEmpty()) {
      return null;
    }
    List<Operation> protectedOps = operations.stream().filter(this::requiresDeclaredAuthentication).toList();
    if (protectedOps.isEmpty()) {
      return null;
    }
    boolean all = protectedOps.size() == operations.size();
    return new Evidence("authentication-on-every-operation",
        (all ? "All " + operations.size() + " operations" : protectedOps.size() + " of " + operations.size() + " operations")
            + " require authentication with a declared scheme (" + String.join(", ", usedSchemes()) + ").",
        all, List.of());
  }

  private boolean requiresDeclaredAuthentication(Operation operation) {
    SecurityRequirements security = operation.security();
    if (security == null || security.allowsAnonymous()) {
      return false;
    }
    for (SecurityRequirements.Requirement requirement : security.alternatives()) {
      if (!document.securitySchemes().keySet().containsAll(requirement.schemes().keySet())) {
        return false;
      }
    }
    return true;
  }

  private List<String> usedSchemes() {
    Set<String> names = new LinkedHashSet<>();
    for (Operation operation : operations) {
      SecurityRequirements security = operation.security();
      if (security != null) {
        for (SecurityRequirements.Requirement requirement : security.alternatives()) {
          names.addAll(requirement.schemes().keySet());
        }
      }
    }
    return List.copyOf(names);
  }

  private Evidence delegatedTokenAuthentication() {
    Map<String, SecurityScheme> schemes = document.securitySchemes();
    if (schemes.isEmpty()) {
      return null;
    }
    List<String> good = new ArrayList<>();
    List<String> weak = new ArrayList<>();
    List<Place> places = new ArrayList<>();
    for (SecurityScheme scheme : schemes.values()) {
      String kind = schemeKind(scheme);
      if (kind == null) {
        weak.add(scheme.name());
      } else {
        good.add(scheme.name() + " (" + kind + ")");
        places.add(Place.of("security scheme " + scheme.name(), scheme.entry()));
      }
    }
    if (good.isEmpty()) {
      return null;
    }
    String text = "Clients authenticate with tokens or certificates, never with the customer's password: " + String.join(", ", good) + "."
        + (weak.isEmpty() ? "" : " Not so: " + String.join(", ", weak) + ".");
    return new Evidence("delegated-token-authentication", text, weak.isEmpty(), limit(places));
  }

  /** What a scheme that keeps customer credentials away from clients is, or null for the others. */
  private static String schemeKind(SecurityScheme scheme) {
    if (scheme.isOpenIdConnect()) {
      return "OpenID Connect";
    }
    if (scheme.type().equals("mutualTLS")) {
      return "mutual TLS";
    }
    if ("http".equals(scheme.type()) && "bearer".equals(scheme.httpScheme())) {
      return "bearer token";
    }
    if (scheme.isOAuth2() && !scheme.flows().isEmpty()
        && scheme.flows().stream().noneMatch(f -> f.kind().equals("implicit") || f.kind().equals("password"))) {
      return "OAuth2 " + String.join(", ", scheme.flows().stream().map(OAuthFlow::kind).toList());
    }
    return null;
  }

  private Evidence oauth2Delegation() {
    Set<String> used = new HashSet<>(usedSchemes());
    List<String> delegating = new ArrayList<>();
    List<Place> places = new ArrayList<>();
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      boolean userFlow = scheme.isOpenIdConnect()
          || scheme.flows().stream().anyMatch(f -> f.kind().equals("authorizationCode") || f.kind().equals("deviceAuthorization"));
      if (userFlow && used.contains(scheme.name())) {
        delegating.add(scheme.name());
        places.add(Place.of("security scheme " + scheme.name(), scheme.entry()));
      }
    }
    if (delegating.isEmpty()) {
      return null;
    }
    return new Evidence("oauth2-delegation", "Access is delegated with OAuth2 (" + String.join(", ", delegating)
        + "): customers authenticate at the authorization server and grant access; client applications receive tokens, "
        + "not the customer's credentials.", true, limit(places));
  }

  /** The scopes each operation asks for from OAuth2 and OpenID Connect schemes, by operation. */
  private Map<Operation, Set<String>> scopesByOperation() {
    Map<Operation, Set<String>> scopes = new LinkedHashMap<>();
    for (Operation operation : operations) {
      SecurityRequirements security = operation.security();
      if (security == null) {
        continue;
      }
      Set<String> asked = new LinkedHashSet<>();
      for (SecurityRequirements.Requirement requirement : security.alternatives()) {
        for (Map.Entry<String, List<String>> scheme : requirement.schemes().entrySet()) {
          SecurityScheme declared = document.securitySchemes().get(scheme.getKey());
          if (declared != null && declared.takesScopes()) {
            asked.addAll(scheme.getValue());
          }
        }
      }
      if (!asked.isEmpty()) {
        scopes.put(operation, asked);
      }
    }
    return scopes;
  }

  private Evidence fineGrainedScopes() {
    Map<Operation, Set<String>> byOperation = scopesByOperation();
    if (byOperation.isEmpty()) {
      return null;
    }
    Set<Set<String>> distinct = new HashSet<>(byOperation.values());
    Set<String> all = new LinkedHashSet<>();
    byOperation.values().forEach(all::addAll);
    boolean specific = all.stream().anyMatch(scope -> !GENERIC_SCOPES.contains(scope.toLowerCase(Locale.ROOT)));
    boolean fine = distinct.size() > 1 && specific;
    String text = byOperation.size() + " of " + operations.size() + " operations ask for OAuth2 scopes: "
        + all.size() + " scope" + (all.size() == 1 ? "" : "s") + " (" + abbreviate(List.copyOf(all)) + ") in "
        + distinct.size() + " distinct combination" + (distinct.size() == 1 ? "" : "s") + "."
        + (fine ? "" : distinct.size() == 1 ? " Every operation asks for the same scopes, so consent cannot be narrowed."
            : " The scopes are generic (" + abbreviate(List.copyOf(all)) + "), not tied to data sets.");
    return new Evidence("fine-grained-scopes", text, fine && byOperation.size() == operations.size(), List.of());
  }

  private Evidence scopeDescriptions() {
    int declared = 0;
    int described = 0;
    List<Place> places = new ArrayList<>();
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      for (OAuthFlow flow : scheme.flows()) {
        for (Map.Entry<String, String> scope : flow.scopes().entrySet()) {
          declared++;
          if (saysMoreThanItsName(scope.getKey(), scope.getValue())) {
            described++;
          }
        }
        if (flow.scopesNode() != null && places.size() < MAX_PLACES) {
          places.add(Place.of("scopes of " + scheme.name() + " (" + flow.kind() + ")", flow.scopesNode()));
        }
      }
    }
    if (described == 0) {
      return null;
    }
    return new Evidence("scope-descriptions", described + " of " + declared
        + " declared scopes have a description that tells customers what they consent to.", described == declared, places);
  }

  /**
   * Whether a scope's description tells a customer more than the scope's name: "Grants read access"
   * for {@code read} does not, "Read your payments" for {@code payments:read} does.
   */
  private static boolean saysMoreThanItsName(String scope, String description) {
    if (description == null) {
      return false;
    }
    List<String> name = NameWords.of(scope);
    return NameWords.of(description).stream().anyMatch(word -> !name.contains(word) && !FILLER_WORDS.contains(word));
  }

  private Evidence clientAuthentication() {
    List<Place> places = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      String description = scheme.description() == null ? "" : scheme.description();
      if (scheme.type().equals("mutualTLS")) {
        seen.add(scheme.name() + " (mutual TLS)");
        places.add(Place.of("security scheme " + scheme.name(), scheme.entry()));
      } else if (SENDER_CONSTRAINED.matcher(description).find()) {
        seen.add(scheme.name() + " (its description names sender-constrained client authentication)");
        places.add(Place.of("security scheme " + scheme.name(), scheme.entry()));
      }
    }
    if (!seen.isEmpty()) {
      return new Evidence("client-authentication", "Client applications prove their identity: " + String.join(", ", seen) + ".",
          true, limit(places));
    }
    List<Operation> withClientId = operationsWithHeader(words -> NameWords.contains(words, List.of("client", "id")));
    if (withClientId.isEmpty()) {
      return null;
    }
    return new Evidence("client-authentication", withClientId.size() + " of " + operations.size()
        + " operations take a client id; the spec does not show how the client proves it (secret, private key JWT or certificate).",
        false, operationPlaces(withClientId));
  }

  // ------------------------------------------------------------------ accounting, monitoring, quotas

  private Evidence correlationId() {
    List<Operation> correlated = operationsWithHeader(words -> words.contains("correlation") || words.contains("traceparent")
        || NameWords.contains(words, List.of("request", "id")) || NameWords.contains(words, List.of("trace", "id")));
    if (correlated.isEmpty()) {
      return null;
    }
    boolean all = correlated.size() == operations.size();
    return new Evidence("correlation-id", (all ? "All " + operations.size() : correlated.size() + " of " + operations.size())
        + " operations accept a correlation id header, so a call can be followed through logs.", all, operationPlaces(correlated));
  }

  private Evidence rateLimiting() {
    List<Operation> with429 = operations.stream().filter(o -> o.documentsStatus("429", false)).toList();
    List<Place> headers = new ArrayList<>();
    for (Operation operation : operations) {
      for (Response response : operation.responses()) {
        for (String header : response.headers().keySet()) {
          List<String> words = NameWords.of(header);
          if (words.contains("ratelimit") || NameWords.contains(words, List.of("rate", "limit"))) {
            NodeRef headerNode = response.node().get("headers");
            if (headers.size() < MAX_PLACES && headerNode != null && headerNode.get(header) != null) {
              headers.add(Place.of(operation.label() + " " + response.status() + " " + header, headerNode.get(header)));
            }
          }
        }
      }
    }
    if (with429.isEmpty() && headers.isEmpty()) {
      return null;
    }
    boolean all = with429.size() == operations.size();
    String text = (with429.isEmpty() ? "No operation documents 429" : (all ? "All " + operations.size() : with429.size() + " of " + operations.size())
        + " operations document 429 Too Many Requests") + "; " + (headers.isEmpty() ? "no response declares rate-limit headers."
        : "responses declare rate-limit headers.");
    return new Evidence("rate-limiting", text, all && !headers.isEmpty(), headers.isEmpty() ? operationPlaces(with429) : headers);
  }

  private Evidence authErrorsDocumented() {
    List<Operation> secured = operations.stream().filter(o -> o.security() != null && !o.security().allowsAnonymous()).toList();
    if (secured.isEmpty()) {
      return null;
    }
    long with401 = secured.stream().filter(o -> o.documentsStatus("401", false)).count();
    long with429 = secured.stream().filter(o -> o.documentsStatus("429", false)).count();
    if (with401 == 0 && with429 == 0) {
      return null;
    }
    return new Evidence("auth-errors-documented", "Of " + secured.size() + " secured operations, " + with401 + " document 401 and "
        + with429 + " document 429: failed and excessive attempts are answered distinctly and can be counted.",
        with401 == secured.size() && with429 == secured.size(), List.of());
  }

  private Evidence boundedPagination() {
    List<Operation> collections = operations.stream().filter(o -> o.method().equals("get") && returnsCollection(o)).toList();
    if (collections.isEmpty()) {
      return null;
    }
    List<Operation> paged = new ArrayList<>();
    List<Operation> bounded = new ArrayList<>();
    for (Operation operation : collections) {
      for (Parameter parameter : operation.parameters("query")) {
        if (PAGE_SIZE_NAMES.contains(parameter.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))) {
          paged.add(operation);
          NodeRef schema = document.deref(parameter.schema());
          if (schema != null && (schema.has("maximum") || schema.has("exclusiveMaximum"))) {
            bounded.add(operation);
          }
          break;
        }
      }
    }
    if (paged.isEmpty()) {
      return null;
    }
    return new Evidence("bounded-pagination", paged.size() + " of " + collections.size() + " collection reads take a page size, "
        + bounded.size() + " with a maximum.", bounded.size() == collections.size(), operationPlaces(paged));
  }

  private boolean returnsCollection(Operation operation) {
    for (Response response : operation.responses()) {
      if (!response.isSuccess()) {
        continue;
      }
      for (MediaType type : response.content()) {
        NodeRef schema = document.deref(type.schema());
        if (schema == null) {
          continue;
        }
        if (isArray(schema)) {
          return true;
        }
        NodeRef properties = schema.get("properties");
        if (properties != null) {
          for (Map.Entry<String, NodeRef> property : properties.members()) {
            NodeRef resolved = document.deref(property.getValue());
            if (resolved != null && isArray(resolved)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean isArray(NodeRef schema) {
    return "array".equals(schema.text("type")) || schema.has("items");
  }

  // ------------------------------------------------------------------ data security

  private Evidence httpsTransport() {
    List<Server> servers = document.servers();
    if (servers.isEmpty()) {
      return null;
    }
    List<Server> secure = servers.stream().filter(s -> {
      String url = s.url() == null ? "" : s.url().toLowerCase(Locale.ROOT);
      return url.startsWith("https://") || url.startsWith("wss://");
    }).toList();
    if (secure.isEmpty()) {
      return null;
    }
    List<Place> places = new ArrayList<>();
    for (Server server : secure) {
      if (places.size() < MAX_PLACES) {
        places.add(Place.of("server " + server.url(), server.node()));
      }
    }
    boolean all = secure.size() == servers.size();
    return new Evidence("https-transport", (all ? "Every server" : secure.size() + " of " + servers.size() + " servers")
        + " is reached over TLS (https).", all, places);
  }

  private Evidence inputValidation() {
    int leaves = 0;
    int constrained = 0;
    Set<NodeRef> seen = new HashSet<>();
    Deque<NodeRef> pending = new ArrayDeque<>();
    for (Operation operation : operations) {
      for (Parameter parameter : operation.parameters()) {
        if (parameter.schema() != null) {
          pending.push(parameter.schema());
        }
      }
      for (MediaType type : operation.requestContent()) {
        if (type.schema() != null) {
          pending.push(type.schema());
        }
      }
    }
    while (!pending.isEmpty()) {
      NodeRef schema = pending.pop();
      if (!seen.add(schema)) {
        continue;
      }
      if (schema.isRef()) {
        Resolution step = document.step(schema);
        if (step.resolved() && step.target().isObject()) {
          pending.push(step.target());
        }
        continue;
      }
      String type = schema.text("type");
      if ("string".equals(type) || "integer".equals(type) || "number".equals(type)) {
        leaves++;
        if (isConstrained(schema, type)) {
          constrained++;
        }
      }
      for (Subschema child : Subschema.of(schema)) {
        pending.push(child.schema());
      }
    }
    if (constrained == 0) {
      return null;
    }
    return new Evidence("input-validation", constrained + " of " + leaves
        + " input strings and numbers are constrained (length, pattern, format, enumeration or bounds), so a gateway can reject malformed input.",
        constrained == leaves, List.of());
  }

  private static boolean isConstrained(NodeRef schema, String type) {
    if (schema.has("enum") || schema.has("const")) {
      return true;
    }
    if (type.equals("string")) {
      String format = schema.text("format");
      return schema.has("maxLength") || schema.has("pattern") || (format != null && FIXED_SIZE_FORMATS.contains(format));
    }
    boolean lower = schema.has("minimum") || schema.has("exclusiveMinimum");
    boolean upper = schema.has("maximum") || schema.has("exclusiveMaximum");
    return lower && upper;
  }

  private Evidence explicitResponseSchemas() {
    int bodies = 0;
    int explicit = 0;
    for (Operation operation : operations) {
      for (Response response : operation.responses()) {
        if (!response.isSuccess()) {
          continue;
        }
        for (MediaType type : response.content()) {
          bodies++;
          NodeRef schema = type.schema();
          if (schema != null && (schema.isRef() || schema.has("properties") || schema.has("items") || schema.has("allOf")
              || schema.has("oneOf") || schema.has("anyOf") || schema.has("enum")
              || (schema.has("type") && !"object".equals(schema.text("type"))))) {
            explicit++;
          }
        }
      }
    }
    if (explicit == 0) {
      return null;
    }
    return new Evidence("explicit-response-schemas", explicit + " of " + bodies
        + " success response bodies declare their fields, which defines the data set a client receives.", explicit == bodies, List.of());
  }

  // ------------------------------------------------------------------ API management

  private Evidence apiVersioning() {
    for (Server server : document.servers()) {
      String path = serverPath(server.url());
      if (path != null && VERSION_SEGMENT.matcher(path).find()) {
        return new Evidence("api-versioning", "The server URL carries the API version (" + server.url() + ").", true,
            List.of(Place.of("server " + server.url(), server.node())));
      }
    }
    if (!operations.isEmpty() && operations.stream().allMatch(o -> VERSION_SEGMENT.matcher(firstSegment(o.path())).find())) {
      return new Evidence("api-versioning", "Every path starts with a version segment.", true, List.of());
    }
    return null;
  }

  private static String serverPath(String url) {
    if (url == null) {
      return null;
    }
    String rest = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
    int slash = rest.indexOf('/');
    return url.startsWith("/") ? url : slash < 0 ? "" : rest.substring(slash);
  }

  private static String firstSegment(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int slash = trimmed.indexOf('/');
    return "/" + (slash < 0 ? trimmed : trimmed.substring(0, slash));
  }

  private Evidence deprecationPolicy() {
    List<Operation> deprecated = operations.stream().filter(Operation::isDeprecated).toList();
    if (deprecated.isEmpty()) {
      return null;
    }
    List<Operation> announced = deprecated.stream().filter(o -> o.node().has("x-sunset") || o.responses().stream()
        .anyMatch(r -> r.hasHeader("Sunset") || r.hasHeader("Deprecation"))).toList();
    if (announced.isEmpty()) {
      return null;
    }
    return new Evidence("deprecation-policy", announced.size() + " of " + deprecated.size()
        + " deprecated operations announce their end (Sunset or Deprecation header, or x-sunset).",
        announced.size() == deprecated.size(), operationPlaces(announced));
  }

  private Evidence environmentsDeclared() {
    List<Server> servers = document.servers();
    List<Server> declared = servers.stream().filter(s -> s.description() != null
        && NameWords.of(s.description()).stream().anyMatch(ENVIRONMENT_WORDS::contains)).toList();
    if (declared.isEmpty()) {
      return null;
    }
    List<Place> places = new ArrayList<>();
    for (Server server : declared) {
      if (places.size() < MAX_PLACES) {
        places.add(Place.of("server " + server.url() + " (" + server.description() + ")", server.node()));
      }
    }
    return new Evidence("environments-declared", declared.size() + " of " + servers.size()
        + " servers say which environment they are.", declared.size() == servers.size(), places);
  }

  // ------------------------------------------------------------------ documentation

  private Evidence documentation() {
    NodeRef info = document.root().get("info");
    List<String> present = new ArrayList<>();
    boolean complete = true;
    if (info != null && info.text("description") != null && !info.text("description").isBlank()) {
      present.add("an API description");
    } else {
      complete = false;
    }
    NodeRef contact = info == null ? null : info.get("contact");
    if (contact != null && (contact.text("email") != null || contact.text("url") != null)) {
      present.add("a contact");
    } else {
      complete = false;
    }
    if (!operations.isEmpty()) {
      long described = operations.stream().filter(o -> o.node().text("summary") != null || o.node().text("description") != null).count();
      long identified = operations.stream().filter(o -> o.operationId() != null).count();
      present.add(described + " of " + operations.size() + " operations with a summary or description");
      present.add(identified + " of " + operations.size() + " with an operationId");
      complete &= described == operations.size() && identified == operations.size();
    }
    if (!document.securitySchemes().isEmpty()) {
      long described = document.securitySchemes().values().stream().filter(s -> s.description() != null && !s.description().isBlank()).count();
      present.add(described + " of " + document.securitySchemes().size() + " security schemes described");
      complete &= described == document.securitySchemes().size();
    }
    if (present.isEmpty()) {
      return null;
    }
    return new Evidence("documentation", "The spec documents " + String.join(", ", present) + ".", complete,
        info == null ? List.of() : List.of(Place.of("info", info)));
  }

  // ------------------------------------------------------------------ consent

  private static boolean isConsentPath(Operation operation) {
    return NameWords.of(operation.path()).stream().anyMatch(w -> w.equals("consent") || w.equals("consents"));
  }

  private Evidence consentLifecycle() {
    List<Operation> consent = operations.stream().filter(MitigationEvidence::isConsentPath).toList();
    if (consent.isEmpty()) {
      return null;
    }
    boolean readById = consent.stream().anyMatch(o -> o.method().equals("get") && o.path().contains("{"));
    boolean revoke = consent.stream().anyMatch(o -> o.method().equals("delete"));
    List<String> parts = new ArrayList<>();
    parts.add(consent.size() + " consent operation" + (consent.size() == 1 ? "" : "s"));
    parts.add(readById ? "a consent can be read by id" : "no consent can be read by id");
    parts.add(revoke ? "a consent can be withdrawn (DELETE)" : "no consent can be withdrawn (DELETE)");
    return new Evidence("consent-lifecycle", "The API manages consents: " + String.join("; ", parts) + ".", readById && revoke,
        operationPlaces(consent));
  }

  private Evidence consentReference() {
    List<Operation> data = operations.stream().filter(o -> !isConsentPath(o)).toList();
    List<Operation> referencing = data.stream().filter(o -> o.parameters().stream()
        .anyMatch(p -> NameWords.of(p.name()).contains("consent"))).toList();
    if (referencing.isEmpty()) {
      return null;
    }
    return new Evidence("consent-reference", referencing.size() + " of " + data.size()
        + " data operations name the consent they act under.", referencing.size() == data.size(), operationPlaces(referencing));
  }

  private Evidence dataResidency() {
    NodeRef info = document.root().get("info");
    if (info != null && info.has("x-data-residency")) {
      return new Evidence("data-residency", "The API declares where data resides (x-data-residency on info).", true,
          List.of(Place.of("info.x-data-residency", info.get("x-data-residency"))));
    }
    List<Place> places = new ArrayList<>();
    for (Server server : document.servers()) {
      if (server.node().isObject() && server.node().has("x-data-residency") && places.size() < MAX_PLACES) {
        places.add(Place.of("server " + server.url(), server.node().get("x-data-residency")));
      }
    }
    if (places.isEmpty()) {
      return null;
    }
    return new Evidence("data-residency", "Servers declare where data resides (x-data-residency).", true, places);
  }

  private Evidence dataClassification() {
    Set<String> carrying = new LinkedHashSet<>();
    for (AssetPresence presence : assets) {
      for (Place schema : presence.schemas()) {
        carrying.add(schema.pointer());
      }
    }
    NodeRef definitions = document.schemaDefinitions();
    if (definitions == null) {
      return null;
    }
    List<Place> classified = new ArrayList<>();
    int classifiedCarrying = 0;
    for (Map.Entry<String, NodeRef> schema : definitions.members()) {
      if (schema.getValue().isObject() && schema.getValue().has("x-data-classification")) {
        if (classified.size() < MAX_PLACES) {
          classified.add(Place.of("schema " + schema.getKey(), schema.getValue().get("x-data-classification")));
        }
        if (carrying.contains(schema.getValue().pointer())) {
          classifiedCarrying++;
        }
      }
    }
    if (classified.isEmpty()) {
      return null;
    }
    return new Evidence("data-classification", classifiedCarrying + " of " + carrying.size()
        + " schemas that carry customer or security data are classified (x-data-classification).",
        classifiedCarrying == carrying.size(), classified);
  }

  private Evidence userContextHeaders() {
    List<Operation> withContext = operationsWithHeader(words -> NameWords.contains(words, List.of("ip", "address"))
        || NameWords.contains(words, List.of("user", "agent")) || words.contains("geolocation")
        || NameWords.contains(words, List.of("geo", "location")) || words.contains("device"));
    if (withContext.isEmpty()) {
      return null;
    }
    boolean all = withContext.size() == operations.size();
    return new Evidence("user-context-headers", (all ? "All " + operations.size() : withContext.size() + " of " + operations.size())
        + " operations pass the customer's IP address, device or location, so authorization can take them into account.",
        all, operationPlaces(withContext));
  }

  // ------------------------------------------------------------------ DevSecOps

  private Evidence validSpecification() {
    List<String> messages;
    try {
      messages = document.parserMessages();
    } catch (RuntimeException e) {
      return null;
    }
    if (!messages.isEmpty()) {
      return null;
    }
    return new Evidence("valid-specification", "The document is a structurally valid " + document.version().label()
        + " description (swagger-parser reports no problem), so it can drive gateways, tests and this analysis.", true, List.of());
  }

  // ------------------------------------------------------------------ helpers

  private List<Operation> operationsWithHeader(java.util.function.Predicate<List<String>> nameWords) {
    List<Operation> matching = new ArrayList<>();
    for (Operation operation : operations) {
      for (Parameter parameter : operation.parameters()) {
        if ("header".equals(parameter.in()) && nameWords.test(NameWords.of(parameter.name()))) {
          matching.add(operation);
          break;
        }
      }
    }
    return matching;
  }

  private static List<Place> operationPlaces(List<Operation> operations) {
    List<Place> places = new ArrayList<>();
    for (Operation operation : operations) {
      if (places.size() == MAX_PLACES) {
        break;
      }
      places.add(Place.of(operation.label(), operation.node()));
    }
    return places;
  }

  private static List<Place> limit(List<Place> places) {
    return places.size() <= MAX_PLACES ? places : places.subList(0, MAX_PLACES);
  }

  private static String abbreviate(List<String> values) {
    return values.size() <= 6 ? String.join(", ", values) : String.join(", ", values.subList(0, 6)) + ", ...";
  }
}
