package io.github.threatlint.core.facts;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Region;
import java.util.List;

/**
 * What the threat-model report knows of one analysed document beyond its findings and evidence: the
 * names, types and places the document declares (its servers, security schemes, operations and the
 * fields they carry), taken from the document once, on the worker thread that analysed it. They are
 * facts, not judgements: which asset a field carries, which agent matters and which scenario is
 * mitigated is decided by the report from these facts and the rules' findings and evidence, and the
 * report never reads the document itself.
 *
 * @param title the title in {@code info}, or the root file's name when there is none
 * @param apiVersion the version in {@code info}, or empty
 * @param specVersion the OpenAPI or Swagger version, as reports name it ("OpenAPI 3.0")
 * @param audience {@code info}'s {@code x-audience}, or null
 * @param rootSecurity the document's top-level {@code security}, or null
 * @param operations every operation (under paths, webhooks and callbacks), in document order
 * @param definitions the reusable schemas of the root document ({@code components/schemas}, 2.0
 *     {@code definitions}), in document order
 * @param schemas the schemas operations and definitions reach, by the number {@link Definition},
 *     {@link Operation} and {@link Schema} refer to them with
 */
public record ApiFacts(
    String title,
    String apiVersion,
    String specVersion,
    String rootFile,
    List<AnalysedFile> files,
    String audience,
    Site rootSecurity,
    List<Server> servers,
    List<SecurityScheme> securitySchemes,
    List<Operation> operations,
    List<Definition> definitions,
    List<Schema> schemas) {

  /**
   * The facts of a document outside a run (a run takes them in its walk, when asked: {@code
   * CheckListener.wantsFacts}).
   */
  public static ApiFacts of(ApiDocument document) {
    return FactCollector.collect(document);
  }

  /** A place in the specification: the file as reports name it, the JSON pointer, the text. */
  public record Site(String file, String pointer, Region region) {}

  /** A file the document was read from, and the SHA-256 of its bytes. */
  public record AnalysedFile(String displayPath, String sha256) {}

  /**
   * A server: its URL as written (null when it has none), the host it names (null for a relative
   * URL), its description, and whether it is marked {@code x-internal: true}.
   */
  public record Server(
      String url, String host, String description, boolean markedInternal, Site site) {}

  /**
   * A security scheme: {@code type} as written (2.0's {@code basic} included), the HTTP scheme of
   * an {@code http} one, the OpenID discovery URL, its OAuth2 flows; {@code site} is the scheme
   * itself, {@code entry} where it is declared (the reference, when it is one).
   */
  public record SecurityScheme(
      String name,
      String type,
      String httpScheme,
      boolean oauth2,
      boolean openIdConnect,
      String openIdConnectUrl,
      List<Flow> flows,
      Site site,
      Site entry) {}

  /** An OAuth2 flow: its kind ({@code authorizationCode}, ...) and URLs (each may be null). */
  public record Flow(String kind, String authorizationUrl, String tokenUrl, String refreshUrl) {}

  /**
   * An operation: its label ("GET /accounts"), whether it is under {@code paths} (not a webhook or
   * callback) and its path, the scopes its security requirements name, its parameters and response
   * headers, and the schemas it receives or returns (numbers in {@link ApiFacts#schemas()}, those
   * of parameters first, then the request's, then the responses').
   */
  public record Operation(
      String label,
      boolean underPaths,
      String path,
      Site site,
      List<String> scopes,
      List<Parameter> parameters,
      List<Field> responseHeaders,
      List<Integer> schemas) {}

  /** A parameter: its name, the {@code type} of its schema (or null) and whether it is required. */
  public record Parameter(String name, String type, boolean required) {}

  /**
   * A named field: a property of a schema or a response header, the {@code type} of its schema (or
   * null), and the words of the names that enclose it (the schema's own name, the properties it is
   * nested in).
   */
  public record Field(String name, String type, List<String> context) {}

  /** A reusable schema of the root document: its name, place and number. */
  public record Definition(String name, Site site, int schema) {}

  /**
   * What a schema declares in its own subtree, up to references: its named fields (properties, at
   * any depth), and the schemas its references lead to (numbers in {@link ApiFacts#schemas()}).
   */
  public record Schema(List<Field> fields, List<Integer> references) {}
}
