package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * An information asset the API processes, and where: the field, parameter and header names that
 * carry it, the operations that receive or return it, the schemas that declare it, and other places
 * (security schemes carry IT security data).
 *
 * @param optionalFields the fields that are only ever optional parameters or headers: an operation
 *     that takes one may not receive the asset at all
 * @param needs the protection needs for this API: the paper's rating, or higher where the spec
 *     shows why
 * @param needsReason why the needs are above the paper's rating, naming the fields; empty when they
 *     are the paper's
 */
public record AssetPresence(
    ThreatCatalogue.AssetKind asset,
    List<String> fields,
    List<Place> operations,
    List<Place> schemas,
    List<Place> other,
    List<String> optionalFields,
    Rating.Cia needs,
    String needsReason) {

  /** Whether the needs are above the paper's generic rating. */
  public boolean raised() {
    return !needsReason.isEmpty();
  }
}
