package io.github.threatlint.core.threatmodel;

import java.util.List;

/**
 * An information asset the API processes, and where: the field, parameter and header names that
 * carry it, the operations that receive or return it, the schemas that declare it, and other places
 * (security schemes carry IT security data).
 */
public record AssetPresence(
    ThreatCatalogue.AssetKind asset,
    List<String> fields,
    List<Place> operations,
    List<Place> schemas,
    List<Place> other) {}
