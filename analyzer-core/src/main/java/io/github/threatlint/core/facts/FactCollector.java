package io.github.threatlint.core.facts;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Resolution;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.Subschema;
import io.github.threatlint.core.vocabulary.ServerUrls;
import io.github.threatlint.core.vocabulary.Words;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes the {@link ApiFacts} of a document as the engine's walk visits it: each operation, server
 * and security scheme is taken when the walk hands it over, next to the rules, and {@link #finish}
 * puts them in document order and takes the schemas they reach, each once however many operations
 * reach it. The walk does not visit what no rule can reach (an operation under a path item
 * referenced at a place of the root file the walk does not visit on its own): such an operation is
 * taken at the end, so that the facts list every operation. Not final: a test hands the walk one
 * that fails, to show that a failure here costs the threat model, not the rules' findings.
 */
public class FactCollector {
  private final ApiDocument document;

  /** The operations the walk visited, as taken then, before their schemas are numbered. */
  private final Map<Operation, Visited> operations = new IdentityHashMap<>();

  private final Map<String, ApiFacts.SecurityScheme> schemes = new HashMap<>();
  private final Map<Server, ApiFacts.Server> servers = new IdentityHashMap<>();

  /** The number of each schema taken, by its place. */
  private final Map<NodeRef, Integer> numbers = new HashMap<>();

  private final List<ApiFacts.Schema> schemas = new ArrayList<>();

  /** The schemas numbered but not yet taken. */
  private final Deque<NodeRef> untaken = new ArrayDeque<>();

  /** An operation's facts but the numbers of its schemas, and the schemas it reaches directly. */
  private record Visited(
      Operation operation,
      List<String> scopes,
      List<ApiFacts.Parameter> parameters,
      List<ApiFacts.Field> headers,
      List<NodeRef> roots) {}

  public FactCollector(ApiDocument document) {
    this.document = document;
  }

  /** The facts of a document outside a run, handed its operations, servers and schemes in turn. */
  static ApiFacts collect(ApiDocument document) {
    FactCollector collector = new FactCollector(document);
    document.allOperations().forEach(collector::operation);
    document.servers().forEach(collector::server);
    document.securitySchemes().values().forEach(collector::securityScheme);
    return collector.finish();
  }

  /** An operation the walk visits. */
  public void operation(Operation operation) {
    operations.computeIfAbsent(operation, FactCollector::visit);
  }

  /** A server the walk visits. */
  public void server(Server server) {
    servers.computeIfAbsent(
        server,
        visited ->
            new ApiFacts.Server(
                visited.url(),
                host(visited),
                visited.description(),
                visited.node().isObject() && visited.node().isTrue("x-internal"),
                site(visited.node())));
  }

  /** A security scheme the walk visits. */
  public void securityScheme(SecurityScheme scheme) {
    schemes.computeIfAbsent(scheme.name(), name -> scheme(scheme));
  }

  /** The facts of the document, once the walk is over. */
  public ApiFacts finish() {
    NodeRef info = document.root().get("info");
    String title =
        info != null && info.text("title") != null
            ? info.text("title")
            : document.rootFile().displayPath();
    String apiVersion =
        info != null && info.node().get("version") != null
            ? info.node().get("version").asText()
            : "";
    List<ApiFacts.Operation> operationFacts = new ArrayList<>();
    for (Operation operation : document.allOperations()) {
      operationFacts.add(numbered(operations.computeIfAbsent(operation, FactCollector::visit)));
    }
    List<ApiFacts.Definition> definitions = new ArrayList<>();
    NodeRef declared = document.schemaDefinitions();
    if (declared != null) {
      for (Map.Entry<String, NodeRef> schema : declared.members()) {
        definitions.add(
            new ApiFacts.Definition(
                schema.getKey(), site(schema.getValue()), number(schema.getValue())));
      }
    }
    takeNumbered();
    List<ApiFacts.SecurityScheme> schemeFacts = new ArrayList<>();
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      schemeFacts.add(schemes.computeIfAbsent(scheme.name(), name -> scheme(scheme)));
    }
    List<ApiFacts.Server> serverFacts = new ArrayList<>();
    for (Server server : document.servers()) {
      server(server);
      serverFacts.add(servers.get(server));
    }
    NodeRef security = document.root().get("security");
    return new ApiFacts(
        title,
        apiVersion,
        document.version().label(),
        document.rootFile().displayPath(),
        files(),
        info == null ? null : info.text("x-audience"),
        security == null ? null : site(security),
        List.copyOf(serverFacts),
        List.copyOf(schemeFacts),
        List.copyOf(operationFacts),
        List.copyOf(definitions),
        List.copyOf(schemas));
  }

  private static ApiFacts.Site site(NodeRef node) {
    return new ApiFacts.Site(
        node.file().displayPath(), node.pointer(), node.file().index().region(node.pointer()));
  }

  /**
   * The host a server names, or null for a relative URL. A URL written without its scheme ({@code
   * api.bank.example/v1}) is read as naming its host, as its authors mean it.
   */
  private static String host(Server server) {
    String url = server.url() == null ? "" : ServerUrls.withDefaults(server).trim();
    if (url.isEmpty() || url.startsWith("/") || url.startsWith(".")) {
      return null;
    }
    return ServerUrls.host(ServerUrls.scheme(url) == null ? "//" + url : url);
  }

  private static ApiFacts.SecurityScheme scheme(SecurityScheme scheme) {
    List<ApiFacts.Flow> flows = new ArrayList<>();
    for (OAuthFlow flow : scheme.flows()) {
      flows.add(
          new ApiFacts.Flow(
              flow.kind(), flow.authorizationUrl(), flow.tokenUrl(), flow.refreshUrl()));
    }
    return new ApiFacts.SecurityScheme(
        scheme.name(),
        scheme.type(),
        scheme.httpScheme(),
        scheme.isOAuth2(),
        scheme.isOpenIdConnect(),
        scheme.isOpenIdConnect() ? scheme.node().text("openIdConnectUrl") : null,
        List.copyOf(flows),
        site(scheme.node()),
        site(scheme.entry()));
  }

  /**
   * An operation's facts but the numbers of its schemas: its scopes, parameters and response
   * headers, and the schemas behind its parameters, request and responses.
   */
  private static Visited visit(Operation operation) {
    Set<String> scopes = new LinkedHashSet<>();
    SecurityRequirements security = operation.security();
    if (security != null) {
      for (SecurityRequirements.Requirement requirement : security.alternatives()) {
        requirement.schemes().values().forEach(scopes::addAll);
      }
    }
    List<ApiFacts.Parameter> parameters = new ArrayList<>();
    List<NodeRef> roots = new ArrayList<>();
    for (Parameter parameter : operation.parameters()) {
      parameters.add(
          new ApiFacts.Parameter(parameter.name(), type(parameter.schema()), parameter.required()));
      if (parameter.schema() != null) {
        roots.add(parameter.schema());
      }
      for (MediaType type : MediaType.content(parameter.node().get("content"))) {
        roots.add(type.schema());
      }
    }
    for (MediaType type : operation.requestContent()) {
      roots.add(type.schema());
    }
    List<ApiFacts.Field> headers = new ArrayList<>();
    for (Response response : operation.responses()) {
      for (Map.Entry<String, NodeRef> header : response.headers().entrySet()) {
        NodeRef value = header.getValue();
        headers.add(
            new ApiFacts.Field(
                header.getKey(),
                type(value.has("schema") ? value.get("schema") : value),
                List.of()));
      }
      for (MediaType type : response.content()) {
        roots.add(type.schema());
      }
    }
    return new Visited(
        operation,
        List.copyOf(scopes),
        List.copyOf(parameters),
        List.copyOf(headers),
        Collections.unmodifiableList(roots));
  }

  /**
   * An operation's facts, its schemas numbered (in document order of the operations, so that the
   * numbers do not depend on the order of the walk).
   */
  private ApiFacts.Operation numbered(Visited visited) {
    List<Integer> reached = new ArrayList<>();
    for (NodeRef root : visited.roots()) {
      if (root != null) {
        reached.add(number(root));
      }
    }
    Operation operation = visited.operation();
    return new ApiFacts.Operation(
        operation.label(),
        operation.kind() == Operation.Kind.PATH,
        operation.path(),
        site(operation.node()),
        visited.scopes(),
        visited.parameters(),
        visited.headers(),
        List.copyOf(reached));
  }

  /** The {@code type} a schema declares, or null. */
  private static String type(NodeRef schema) {
    return schema == null || !schema.isObject() ? null : schema.text("type");
  }

  /** The number of a schema; one met for the first time is numbered and taken later. */
  private int number(NodeRef schema) {
    Integer known = numbers.get(schema);
    if (known != null) {
      return known;
    }
    int number = schemas.size();
    numbers.put(schema, number);
    schemas.add(null);
    untaken.add(schema);
    return number;
  }

  /**
   * Takes the numbered schemas, and those their references lead to, in turn (not recursively: a
   * chain of references may be long).
   */
  private void takeNumbered() {
    while (!untaken.isEmpty()) {
      NodeRef schema = untaken.poll();
      List<ApiFacts.Field> fields = new ArrayList<>();
      List<NodeRef> refs = new ArrayList<>();
      declared(schema, fields, refs);
      List<Integer> references = new ArrayList<>();
      for (NodeRef ref : refs) {
        Resolution step = document.step(ref);
        if (step.resolved() && step.target().isObject()) {
          references.add(number(step.target()));
        }
      }
      schemas.set(
          numbers.get(schema), new ApiFacts.Schema(List.copyOf(fields), List.copyOf(references)));
    }
  }

  /**
   * The named fields a schema declares in its own subtree, each with the words of the names that
   * enclose it, stopping at references (which it lists).
   */
  private static void declared(NodeRef schema, List<ApiFacts.Field> fields, List<NodeRef> refs) {
    Deque<Map.Entry<NodeRef, List<String>>> pending = new ArrayDeque<>();
    pending.push(Map.entry(schema, contextOf(schema)));
    Set<NodeRef> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Map.Entry<NodeRef, List<String>> current = pending.pop();
      NodeRef node = current.getKey();
      if (!seen.add(node)) {
        continue;
      }
      if (node.isRef()) {
        refs.add(node);
        continue;
      }
      for (Subschema child : Subschema.of(node)) {
        List<String> childContext = current.getValue();
        if (child.name() != null) {
          fields.add(new ApiFacts.Field(child.name(), type(child.schema()), current.getValue()));
          childContext = new ArrayList<>(current.getValue());
          childContext.addAll(Words.split(child.name()));
        }
        pending.push(Map.entry(child.schema(), childContext));
      }
    }
  }

  /** The words of a reusable schema's own name, the context of its properties. */
  private static List<String> contextOf(NodeRef schema) {
    String pointer = schema.pointer();
    for (String prefix : List.of("/components/schemas/", "/definitions/")) {
      if (pointer.startsWith(prefix) && pointer.indexOf('/', prefix.length()) < 0) {
        return Words.split(Pointers.unescape(pointer.substring(prefix.length())));
      }
    }
    return List.of();
  }

  /** The files the document was read from, each with the SHA-256 of its bytes. */
  private List<ApiFacts.AnalysedFile> files() {
    List<ApiFacts.AnalysedFile> files = new ArrayList<>();
    for (ParsedFile file : document.files()) {
      files.add(new ApiFacts.AnalysedFile(file.displayPath(), sha256(file.source())));
    }
    return List.copyOf(files);
  }

  /** The SHA-256 of the file's bytes as stored (of its text when it has no readable path). */
  private static String sha256(SourceFile source) {
    byte[] bytes;
    try {
      bytes =
          source.path() != null && Files.isRegularFile(source.path())
              ? Files.readAllBytes(source.path())
              : source.text().getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      bytes = source.text().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
