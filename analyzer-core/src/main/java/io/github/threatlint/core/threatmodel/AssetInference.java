package io.github.threatlint.core.threatmodel;

import io.github.threatlint.core.facts.ApiFacts;
import io.github.threatlint.core.vocabulary.Words;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers which information assets of the catalogue an API processes, from the names of properties,
 * parameters and headers (the {@link ApiFacts} of its document): a name carries the asset whose
 * term matches the most words of it ({@code customerId} is indirect identifying data through
 * "customer id", not financial data through "customer"; {@code PSU-IP-Address} matches "ip
 * address", not "address"). A property called just {@code name} identifies a customer when it sits
 * in a schema about a person (creditor, holder, ...). A boolean carries no asset (it is a flag
 * about the data); a number carries only the assets whose values can be numbers (amounts,
 * references), not names, passwords or tokens. A term that counts only in headers ({@code
 * signature}) is ignored in properties, and a name that adds only "id" to a term ({@code
 * addressId}) is a record's technical id, not its data. Declared security schemes mean the API
 * handles IT security data (tokens, keys). Where the spec shows why (the catalogue's {@code
 * raised-needs}), an asset's protection needs are raised above the paper's.
 */
final class AssetInference {
  /** Words of a schema or property name that make a bare {@code name} property a person's name. */
  private static final Set<String> PERSON_WORDS =
      Set.of(
          "person",
          "customer",
          "creditor",
          "debtor",
          "holder",
          "owner",
          "beneficiary",
          "payee",
          "payer",
          "contact",
          "party",
          "client",
          "employee",
          "user",
          "shareholder",
          "insider");

  /** Security schemes mean the API handles tokens and keys: this asset. */
  static final String SECURITY_DATA = "IT Security data";

  /** A person's bare {@code name} belongs to this asset. */
  static final String IDENTIFYING_DATA = "Customer Identifying data";

  /** Last words that make a name the technical id of what its other words name. */
  private static final Set<String> ID_WORDS = Set.of("id", "ids");

  private final ApiFacts facts;
  private final ThreatCatalogue catalogue;
  private final List<ThreatCatalogue.AssetKind> assets;
  private final List<Term> terms = new ArrayList<>();

  /** The fields each schema declares that carry an asset, by the schema's number. */
  private final Map<Integer, Set<Match>> direct = new HashMap<>();

  /**
   * The assets each name carries by its words alone: names repeat across operations and schemas.
   */
  private final Map<String, List<ThreatCatalogue.AssetKind>> byName = new HashMap<>();

  /** The same for the names of parameters and headers, where header terms count too. */
  private final Map<String, List<ThreatCatalogue.AssetKind>> byHeaderName = new HashMap<>();

  /** Fields seen as a property or a required parameter, at least once. */
  private final Set<String> notOptional = new HashSet<>();

  /** Fields seen as an optional parameter. */
  private final Set<String> optional = new HashSet<>();

  /** The fields that show each raised need of the catalogue that works by terms. */
  private final Map<ThreatCatalogue.RaisedNeed, Set<String>> raisedBy = new LinkedHashMap<>();

  /**
   * A term as " word word " (padded with spaces), so that matching is a substring search on padded
   * names; {@code asset} is null for a phrase that carries no asset.
   */
  private record Term(
      String padded, int length, ThreatCatalogue.AssetKind asset, boolean headerOnly) {}

  /** A field name and the asset it carries. */
  private record Match(ThreatCatalogue.AssetKind asset, String field) {}

  private AssetInference(ApiFacts facts, ThreatCatalogue catalogue) {
    this.facts = facts;
    this.catalogue = catalogue;
    this.assets = catalogue.assets();
    for (ThreatCatalogue.AssetKind asset : assets) {
      for (String term : asset.terms()) {
        terms.add(new Term(" " + term + " ", term.split(" ").length, asset, false));
      }
      for (String term : asset.headerTerms()) {
        terms.add(new Term(" " + term + " ", term.split(" ").length, asset, true));
      }
    }
    for (String phrase : catalogue.notAssets()) {
      terms.add(new Term(" " + phrase + " ", phrase.split(" ").length, null, false));
    }
    for (ThreatCatalogue.RaisedNeed need : catalogue.raisedNeeds()) {
      if (!need.terms().isEmpty()) {
        raisedBy.put(need, new LinkedHashSet<>());
      }
    }
  }

  static List<AssetPresence> infer(ApiFacts facts, ThreatCatalogue catalogue) {
    return new AssetInference(facts, catalogue).run();
  }

  private List<AssetPresence> run() {
    Map<ThreatCatalogue.AssetKind, Set<String>> fields = new LinkedHashMap<>();
    Map<ThreatCatalogue.AssetKind, List<Place>> operations = new LinkedHashMap<>();
    Map<ThreatCatalogue.AssetKind, List<Place>> schemas = new LinkedHashMap<>();
    Map<ThreatCatalogue.AssetKind, List<Place>> other = new LinkedHashMap<>();
    for (ThreatCatalogue.AssetKind asset : assets) {
      fields.put(asset, new LinkedHashSet<>());
      operations.put(asset, new ArrayList<>());
      schemas.put(asset, new ArrayList<>());
      other.put(asset, new ArrayList<>());
    }

    for (ApiFacts.Operation operation : facts.operations()) {
      Set<Match> found = operationMatches(operation);
      Set<ThreatCatalogue.AssetKind> carried = new LinkedHashSet<>();
      for (Match match : found) {
        fields.get(match.asset()).add(match.field());
        carried.add(match.asset());
      }
      for (ThreatCatalogue.AssetKind asset : carried) {
        operations.get(asset).add(Place.at(operation.label(), operation.site()));
      }
    }

    for (ApiFacts.Definition schema : facts.definitions()) {
      Set<ThreatCatalogue.AssetKind> carried = new LinkedHashSet<>();
      for (Match match : direct(schema.schema())) {
        fields.get(match.asset()).add(match.field());
        carried.add(match.asset());
      }
      for (ThreatCatalogue.AssetKind asset : carried) {
        schemas.get(asset).add(Place.at("schema " + schema.name(), schema.site()));
      }
    }

    ThreatCatalogue.AssetKind securityData = catalogue.asset(SECURITY_DATA);
    if (securityData != null) {
      for (ApiFacts.SecurityScheme scheme : facts.securitySchemes()) {
        other
            .get(securityData)
            .add(
                Place.at(
                    "security scheme " + scheme.name() + " (" + describe(scheme) + ")",
                    scheme.entry()));
      }
    }

    List<AssetPresence> presences = new ArrayList<>();
    for (ThreatCatalogue.AssetKind asset : assets) {
      if (!fields.get(asset).isEmpty() || !other.get(asset).isEmpty()) {
        Rating.Cia needs = asset.rating();
        List<String> reasons = new ArrayList<>();
        for (ThreatCatalogue.RaisedNeed need : catalogue.raisedNeeds()) {
          if (!need.asset().equals(asset)) {
            continue;
          }
          String shown = shown(need, operations);
          if (shown != null) {
            needs = higher(needs, need.rating());
            reasons.add(need.why() + ": " + shown);
          }
        }
        presences.add(
            new AssetPresence(
                asset,
                List.copyOf(fields.get(asset)),
                List.copyOf(operations.get(asset)),
                List.copyOf(schemas.get(asset)),
                List.copyOf(other.get(asset)),
                fields.get(asset).stream()
                    .filter(f -> optional.contains(f) && !notOptional.contains(f))
                    .toList(),
                needs,
                String.join("; ", reasons)));
      }
    }
    return presences;
  }

  /** Where the spec shows a raised need, in words, or null where it does not. */
  private String shown(
      ThreatCatalogue.RaisedNeed need, Map<ThreatCatalogue.AssetKind, List<Place>> operations) {
    if (need.togetherWith() == null) {
      Set<String> fields = raisedBy.get(need);
      return fields.isEmpty()
          ? null
          : ReportText.firstOf(
              fields.stream().map(f -> "`" + f + "`").toList(), ReportText.FIELDS_PER_ASSET);
    }
    Set<String> with = new HashSet<>();
    operations.getOrDefault(need.togetherWith(), List.of()).forEach(p -> with.add(p.pointer()));
    List<Place> both =
        operations.getOrDefault(need.asset(), List.of()).stream()
            .filter(p -> with.contains(p.pointer()))
            .toList();
    return both.isEmpty()
        ? null
        : ReportText.plural(both.size(), "operation")
            + " ("
            + ReportText.firstOf(both.stream().map(Place::label).toList(), 3)
            + ")";
  }

  /** The higher of two ratings, dimension by dimension. */
  private static Rating.Cia higher(Rating.Cia a, Rating.Cia b) {
    return new Rating.Cia(
        max(a.confidentiality(), b.confidentiality()),
        max(a.integrity(), b.integrity()),
        max(a.availability(), b.availability()));
  }

  private static Rating max(Rating a, Rating b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String describe(ApiFacts.SecurityScheme scheme) {
    if (scheme.oauth2()) {
      return "OAuth2 tokens";
    }
    if (scheme.openIdConnect()) {
      return "OpenID Connect tokens";
    }
    if (scheme.type().equals("apiKey")) {
      return "API key";
    }
    if (scheme.type().equals("http")) {
      return scheme.httpScheme() == null
          ? "HTTP authentication"
          : "HTTP " + scheme.httpScheme() + " credentials";
    }
    return scheme.type().isEmpty() ? "credentials" : scheme.type();
  }

  /**
   * Everything an operation receives or returns: parameter and header names, and the schemas behind
   * them, following references.
   */
  private Set<Match> operationMatches(ApiFacts.Operation operation) {
    Set<Match> found = new LinkedHashSet<>();
    for (ApiFacts.Parameter parameter : operation.parameters()) {
      Set<Match> own = new LinkedHashSet<>();
      match(parameter.name(), parameter.type(), List.of(), true, own);
      for (Match match : own) {
        (parameter.required() ? notOptional : optional).add(match.field());
      }
      found.addAll(own);
    }
    for (ApiFacts.Field header : operation.responseHeaders()) {
      match(header.name(), header.type(), List.of(), true, found);
    }
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> pending = new ArrayDeque<>();
    for (int root : operation.schemas()) {
      pending.push(root);
    }
    while (!pending.isEmpty()) {
      int schema = pending.pop();
      if (!seen.add(schema)) {
        continue;
      }
      found.addAll(direct(schema));
      for (int reference : facts.schemas().get(schema).references()) {
        pending.push(reference);
      }
    }
    return found;
  }

  /** The fields a schema declares in its own subtree that carry an asset. Cached per schema. */
  private Set<Match> direct(int schema) {
    Set<Match> cached = direct.get(schema);
    if (cached != null) {
      return cached;
    }
    Set<Match> matches = new LinkedHashSet<>();
    for (ApiFacts.Field field : facts.schemas().get(schema).fields()) {
      match(field.name(), field.type(), field.context(), false, matches);
    }
    direct.put(schema, matches);
    return matches;
  }

  /**
   * Adds the assets a name carries: those of the matching terms with the most words ({@code
   * header}: the name of a parameter or header, where header terms count too).
   */
  private void match(
      String name, String type, List<String> context, boolean header, Set<Match> out) {
    for (Map.Entry<ThreatCatalogue.RaisedNeed, Set<String>> need : raisedBy.entrySet()) {
      if (Words.containsAny(name, need.getKey().terms())) {
        need.getValue().add(name);
      }
    }
    if ("boolean".equals(type)) {
      return;
    }
    boolean numeric = "integer".equals(type) || "number".equals(type);
    List<ThreatCatalogue.AssetKind> carried =
        header
            ? byHeaderName.computeIfAbsent(name, n -> assetsByWords(n, true))
            : byName.computeIfAbsent(name, n -> assetsByWords(n, false));
    if (carried.isEmpty()
        && name.equalsIgnoreCase("name")
        && context.stream().anyMatch(PERSON_WORDS::contains)) {
      ThreatCatalogue.AssetKind identifying = catalogue.asset(IDENTIFYING_DATA);
      if (identifying != null) {
        carried = List.of(identifying);
      }
    }
    for (ThreatCatalogue.AssetKind asset : carried) {
      if (!numeric || asset.numeric()) {
        out.add(new Match(asset, name));
      }
    }
  }

  private List<ThreatCatalogue.AssetKind> assetsByWords(String name, boolean header) {
    List<String> words = Words.split(name);
    if (words.isEmpty()) {
      return List.of();
    }
    String padded = " " + String.join(" ", words) + " ";
    int longest = 0;
    List<ThreatCatalogue.AssetKind> best = new ArrayList<>();
    boolean blocked = false;
    for (Term term : terms) {
      if (term.headerOnly() && !header) {
        continue;
      }
      if (term.length() >= longest && padded.contains(term.padded())) {
        if (term.length() > longest) {
          longest = term.length();
          best.clear();
          blocked = false;
        }
        if (term.asset() == null) {
          blocked = true;
        } else if (!best.contains(term.asset())) {
          best.add(term.asset());
        }
        // the term and a last "id" are the whole name: the technical id of a record (addressId)
        if (words.size() == term.length() + 1
            && ID_WORDS.contains(words.get(words.size() - 1))
            && padded.startsWith(term.padded())) {
          blocked = true;
        }
      }
    }
    return blocked ? List.of() : List.copyOf(best);
  }
}
