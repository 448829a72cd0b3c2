package io.github.threatlint.rules.support;

import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.MediaType;
import io.github.threatlint.core.api.NodeRef;
import io.github.threatlint.core.api.Operation;
import io.github.threatlint.core.api.Response;
import io.github.threatlint.core.api.SecurityRequirements;
import io.github.threatlint.core.api.Server;
import io.github.threatlint.core.vocabulary.Words;
import java.util.List;
import java.util.Optional;

/**
 * Reads that may be public by design: reference data, discovery, keys, status. What is public by
 * design is intent, reported as a note at most; customer data is never reference data.
 */
public final class PublicReads {
  private PublicReads() {}

  /**
   * A read that may be public by design: no admin or internal path, no customer data named by its
   * path or returned by its successful responses (products, rates, discovery, keys). A customer
   * search marked public is no reference read however deliberate. In a document that says it is
   * open data ({@link #openDataEvidence}) the path's words do not count: such an API publishes the
   * catalogue of each product under the product's name (Open Finance Brasil's /personal-accounts,
   * /business-loans: fees, rates, terms), so only what its responses return tells customer data
   * (holders, balances, identity) apart.
   */
  public static boolean isReferenceRead(Operation operation) {
    if (!QueryPosts.access(operation).equals("read")
        || AdminPaths.isAdmin(operation.pathTemplate())
        || (CustomerData.inPath(operation.pathTemplate(), CustomerData.PATH_WORDS)
            && openDataEvidence(operation.document()) == null)) {
      return false;
    }
    for (Response response : operation.responses()) {
      for (MediaType content : response.isSuccess() ? response.content() : List.<MediaType>of()) {
        if (content.schema() != null
            && !CustomerData.find(
                    operation.document(), content.schema(), CustomerData.allTerms(), 4)
                .isEmpty()) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * A reference read that authenticates nobody: no security applies to it (or an empty one), and no
   * vendor convention either. Its data is the same for every caller.
   */
  public static boolean isPublicReferenceRead(Operation operation) {
    SecurityRequirements security = operation.security();
    return (security == null || security.isEmpty()) && isReferenceRead(operation);
  }

  /** Words that call an API open data: the same for everyone, published without credentials. */
  private static final List<String> OPEN_DATA = List.of("open_data", "opendata", "dados_abertos");

  /**
   * Where the document calls itself open data ("its title 'APIs OpenData ...'", "its server
   * https://.../opendata-insurance/v2"), or null when it does not.
   */
  public static String openDataEvidence(ApiDocument document) {
    return document.fact(OPEN_DATA_EVIDENCE).orElse(null);
  }

  /**
   * Once per document: isReferenceRead asks for every unauthenticated read whose path names
   * customer data, and three rules ask.
   */
  private static final ApiDocument.Fact<Optional<String>> OPEN_DATA_EVIDENCE =
      document -> Optional.ofNullable(findOpenDataEvidence(document));

  private static String findOpenDataEvidence(ApiDocument document) {
    NodeRef info = document.root().get("info");
    for (String field : List.of("title", "description")) {
      String text = info == null ? null : info.text(field);
      if (text != null && Words.containsAny(text, OPEN_DATA)) {
        return "its " + field + (field.equals("title") ? " '" + text.strip() + "'" : "");
      }
    }
    for (Server server : document.servers()) {
      if (server.url() != null && Words.containsAny(server.url(), OPEN_DATA)) {
        return "its server " + server.url();
      }
    }
    return null;
  }
}
