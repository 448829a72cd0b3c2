package io.github.threatlint.rules.data;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.Checks;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.OAuthFlow;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Parameter;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.RuleContext;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SecurityScheme;
import io.github.threatlint.core.vocabulary.Words;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
    id = "cors-origin-undeclared",
    title = "Response without Access-Control-Allow-Origin",
    description =
        "An operation whose success response does not declare Access-Control-Allow-Origin: the cross-origin "
            + "policy of the API is left to each deployment, where it is often set to * for convenience; documenting the "
            + "header makes the allowed origins part of the contract. Silent where the document shows that "
            + "servers call it (mutual TLS or eIDAS certificates, FAPI headers, client credentials only, or a "
            + "statement that CORS is not required).",
    level = Level.OFF,
    cost = RuleInfo.Cost.MEDIUM,
    owasp2023 = {"API8"},
    owasp2019 = {"API7"},
    sftiAreas = {"DS"},
    sftiScenarios = {"Information leakage, integrity violation"},
    securitySeverity = 3.0,
    precision = "medium",
    section = "data")
public final class CorsOriginUndeclared implements Checks.DocumentCheck, Checks.PathOperationCheck {
  private static final String HEADER = "Access-Control-Allow-Origin";

  /** Words of the document's text that say its callers are servers holding a client certificate. */
  private static final List<String> CLIENT_CERTIFICATE_TERMS =
      List.of("mutual tls", "mutual-tls", "mtls", "eidas", "qwac", "client certificate");

  /**
   * Request headers that only a server sends: FAPI's x-fapi-* headers, and the headers with which a
   * TPP's server forwards its user's address or signs with its certificate (NextGenPSD2).
   */
  private static final List<String> SERVER_HEADERS =
      List.of("psu-ip-address", "tpp-signature-certificate");

  private static final String FAPI_HEADER_PREFIX = "x-fapi-";

  /** How far after "CORS" a sentence is read for "not required" and the like. */
  private static final int STATEMENT_WINDOW = 120;

  private final Set<NodeRef> reported = new HashSet<>();

  /** Why the API's callers are servers, not web pages; null when nothing says so. */
  private String serverToServer;

  @Override
  public void checkDocument(ApiDocument document, RuleContext context) {
    serverToServer = serverToServerEvidence(document);
  }

  /**
   * One finding per operation, on its first success response (its default response when it has
   * none) without the header: that is the data a web page would read. Error responses carry the
   * policy of the deployment and are not judged one by one.
   */
  @Override
  public void checkPathOperation(Operation operation, RuleContext context) {
    if (serverToServer != null) {
      return; // no browser reads the responses: a cross-origin policy has nothing to govern
    }
    // loops, not streams filtered into lists: called for every operation, they were a third to a
    // half of the rule's 14 samples of a cold Kubernetes run
    boolean anySuccess = false;
    for (Response response : operation.responses()) {
      if (response.isSuccess()) {
        anySuccess = true;
        if (!response.hasHeader(HEADER)) {
          report(operation, response, context);
          return;
        }
      }
    }
    if (anySuccess) {
      return;
    }
    for (Response response : operation.responses()) {
      if (response.isDefault() && !response.hasHeader(HEADER)) {
        report(operation, response, context);
        return;
      }
    }
  }

  /** One finding per response: a response written once in the components serves many operations. */
  private void report(Operation operation, Response response, RuleContext context) {
    if (reported.add(response.node())) {
      NodeRef at = response.reportAt();
      context.report(
          at,
          "Response "
              + response.status()
              + " of "
              + operation.label()
              + " does not declare "
              + "Access-Control-Allow-Origin: document the origins allowed to read it (never * for authenticated data).");
    }
  }

  /**
   * The evidence that browsers do not call the API, named for the explanation: the document says
   * CORS is not required or not supported; a mutualTLS scheme, or text about mutual TLS, eIDAS or
   * QWAC certificates (a TPP's server presents them, a browser page cannot); FAPI or TPP server
   * headers; or OAuth2 whose only flow is client credentials (a server's own token).
   */
  private static String serverToServerEvidence(ApiDocument document) {
    NodeRef info = document.root().get("info");
    StringBuilder text =
        new StringBuilder(Words.lower(info == null ? null : info.text("description")));
    boolean oauth = false;
    boolean clientCredentialsOnly = true;
    for (SecurityScheme scheme : document.securitySchemes().values()) {
      if (scheme.type().equals("mutualTLS")) {
        return "the security scheme '" + scheme.name() + "' is mutual TLS";
      }
      text.append('\n').append(Words.lower(scheme.description()));
      if (scheme.isOAuth2()) {
        oauth = true;
        for (OAuthFlow flow : scheme.flows()) {
          clientCredentialsOnly &= flow.kind().equals("clientCredentials");
        }
      }
    }
    String statement = corsStatement(text.toString());
    if (statement != null) {
      return "the document says '" + statement + "'";
    }
    for (String term : CLIENT_CERTIFICATE_TERMS) {
      if (text.indexOf(term) >= 0) {
        return "the document names " + term + " client authentication";
      }
    }
    for (Operation operation : document.operations()) {
      for (Parameter parameter : operation.parameters("header")) {
        String name = Words.lower(parameter.name());
        if (name.startsWith(FAPI_HEADER_PREFIX) || SERVER_HEADERS.contains(name)) {
          return "its requests carry the server header " + parameter.name();
        }
      }
    }
    return oauth && clientCredentialsOnly ? "its only OAuth2 flow is client credentials" : null;
  }

  /**
   * A sentence that says CORS (or cross-origin access) is not required, supported or needed: the
   * words from "cors" to the end of the sentence, or null. Scanned once, without backtracking.
   */
  private static String corsStatement(String text) {
    for (String word : List.of("cors", "cross-origin")) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        int end = Math.min(text.length(), at + STATEMENT_WINDOW);
        int stop = text.indexOf('.', at);
        String sentence = text.substring(at, stop >= 0 && stop < end ? stop : end);
        for (String negation :
            List.of("not required", "not supported", "not needed", "not enabled", "not used")) {
          if (sentence.contains(negation)) {
            return sentence.strip();
          }
        }
      }
    }
    return null;
  }
}
