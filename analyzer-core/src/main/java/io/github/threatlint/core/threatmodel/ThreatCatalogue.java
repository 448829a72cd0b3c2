package io.github.threatlint.core.threatmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The SFTI threat model as data, read from {@code sfti-threat-model.yaml} next to this class: the
 * categories, the information assets with their C/I/A needs, the threat agents and the threat
 * scenarios with their ratings, likely agents, mitigations and the mitigations a spec can show. It
 * is the one source of scenario names and mitigation ids: rules cite them in
 * {@code @RuleInfo(sftiScenarios)} and {@code @RuleInfo(mitigations)}.
 */
public final class ThreatCatalogue {
  private static final String RESOURCE = "sfti-threat-model.yaml";
  private static volatile ThreatCatalogue sfti;

  private final List<Category> categories;
  private final List<AssetKind> assets;
  private final List<Agent> agents;
  private final List<Scenario> scenarios;
  private final Map<String, MitigationKind> mitigations;
  private final List<String> notAssets;
  private final List<RaisedNeed> raisedNeeds;
  private final Map<String, Scenario> byName;

  /** A scenario category (the paper's threat-modelling area). */
  public record Category(String id, String name, String title, String description) {}

  /**
   * An information asset of the paper, with the words that make a field carry it; {@code numeric}
   * says whether a number can carry it (amounts can, names and passwords cannot); {@code
   * headerTerms} count only in the names of parameters and headers.
   */
  public record AssetKind(
      String name,
      String owner,
      Rating.Cia rating,
      List<String> impact,
      String description,
      boolean numeric,
      List<String> terms,
      List<String> headerTerms) {}

  /**
   * Protection needs above the paper's generic rating: {@code asset} needs {@code rating}, for the
   * reason {@code why}, where a field carries one of {@code terms} (booleans included), or where an
   * operation carries it together with the asset named {@code togetherWith}.
   */
  public record RaisedNeed(
      AssetKind asset, Rating.Cia rating, String why, List<String> terms, AssetKind togetherWith) {}

  /** A threat agent of the paper; {@code exposure} names what about an API makes it relevant. */
  public record Agent(String name, String description, String exposure) {}

  /**
   * A mitigation a spec can show, as rules record it: {@code id} as scenarios and rules name it,
   * {@code shows} what the places the rules record show ("Servers are reached over TLS (https)"),
   * {@code contradictedBy} the rules whose findings at the same place say the opposite, {@code
   * contradictedAnywhereBy} those whose findings anywhere in the same file do.
   */
  public record MitigationKind(
      String id, String shows, List<String> contradictedBy, List<String> contradictedAnywhereBy) {}

  /** How far a specification can show a scenario. */
  public enum Assessable {
    YES("yes"),
    PARTLY("partly"),
    NO("no");

    private final String label;

    Assessable(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A threat scenario of the paper. */
  public record Scenario(
      String name,
      List<String> aliases,
      Category category,
      Rating.Cia rating,
      List<Agent> agents,
      Assessable assessable,
      String description,
      List<String> mitigations,
      List<String> evidence,
      List<String> supporting,
      List<String> verify) {

    /** An identifier for anchors: lower case, words joined by '-'. */
    public String slug() {
      return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
  }

  private ThreatCatalogue(
      List<Category> categories,
      List<AssetKind> assets,
      List<String> notAssets,
      List<Agent> agents,
      List<MitigationKind> mitigations,
      List<Scenario> scenarios,
      List<RaisedNeed> raisedNeeds) {
    Map<String, MitigationKind> byId = new LinkedHashMap<>();
    for (MitigationKind mitigation : mitigations) {
      if (byId.put(mitigation.id(), mitigation) != null) {
        throw new IllegalStateException(
            "the evidence id '" + mitigation.id() + "' is listed twice");
      }
    }
    for (Scenario scenario : scenarios) {
      List<String> ids = new ArrayList<>(scenario.evidence());
      ids.addAll(scenario.supporting());
      for (String id : ids) {
        if (!byId.containsKey(id)) {
          throw new IllegalStateException(
              "scenario '" + scenario.name() + "' names an unknown evidence id '" + id + "'");
        }
      }
    }
    this.mitigations = Collections.unmodifiableMap(byId);
    this.categories = List.copyOf(categories);
    this.notAssets = List.copyOf(notAssets);
    this.raisedNeeds = List.copyOf(raisedNeeds);
    this.assets = List.copyOf(assets);
    this.agents = List.copyOf(agents);
    this.scenarios = List.copyOf(scenarios);
    Map<String, Scenario> names = new LinkedHashMap<>();
    for (Scenario scenario : scenarios) {
      register(names, scenario.name(), scenario);
      for (String alias : scenario.aliases()) {
        register(names, alias, scenario);
      }
    }
    this.byName = Collections.unmodifiableMap(names);
  }

  private static void register(Map<String, Scenario> names, String name, Scenario scenario) {
    Scenario previous = names.put(name, scenario);
    if (previous != null) {
      throw new IllegalStateException(
          "the scenario name '"
              + name
              + "' is used twice ("
              + previous.name()
              + ", "
              + scenario.name()
              + ")");
    }
  }

  /** The catalogue of the SFTI white paper shipped with threatlint. */
  public static ThreatCatalogue sfti() {
    ThreatCatalogue catalogue = sfti;
    if (catalogue == null) {
      try (InputStream in = ThreatCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        catalogue = read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sfti = catalogue;
    }
    return catalogue;
  }

  /**
   * Reads a catalogue in the format of {@code sfti-threat-model.yaml}; malformed data is an
   * IllegalStateException.
   */
  public static ThreatCatalogue read(InputStream in) {
    Map<String, Object> root =
        map(new Yaml(new SafeConstructor(new LoaderOptions())).load(in), "the catalogue");
    Map<String, Category> categories = new LinkedHashMap<>();
    for (Object item : list(root.get("categories"), "categories")) {
      Map<String, Object> entry = map(item, "a category");
      String id = text(entry, "id");
      String name = text(entry, "name");
      String title = entry.containsKey("title") ? text(entry, "title") : name;
      categories.put(id, new Category(id, name, title, text(entry, "description")));
    }
    List<AssetKind> assets = new ArrayList<>();
    for (Object item : list(root.get("assets"), "assets")) {
      Map<String, Object> entry = map(item, "an asset");
      if (!(entry.get("numeric") instanceof Boolean)) {
        throw new IllegalStateException(
            "asset '" + entry.get("name") + "' must say numeric: true or false");
      }
      assets.add(
          new AssetKind(
              text(entry, "name"),
              text(entry, "owner"),
              rating(entry),
              strings(entry, "impact"),
              text(entry, "description"),
              (Boolean) entry.get("numeric"),
              strings(entry, "terms"),
              optionalStrings(entry, "header-terms")));
    }
    Map<String, Agent> agents = new LinkedHashMap<>();
    for (Object item : list(root.get("agents"), "agents")) {
      Map<String, Object> entry = map(item, "an agent");
      Agent agent =
          new Agent(text(entry, "name"), text(entry, "description"), text(entry, "exposure"));
      agents.put(agent.name(), agent);
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (Object item : list(root.get("scenarios"), "scenarios")) {
      Map<String, Object> entry = map(item, "a scenario");
      String name = text(entry, "name");
      Category category = categories.get(text(entry, "category"));
      if (category == null) {
        throw new IllegalStateException(
            "scenario '" + name + "' has an unknown category " + entry.get("category"));
      }
      List<Agent> likely = new ArrayList<>();
      for (String agentName : strings(entry, "agents")) {
        Agent agent = agents.get(agentName);
        if (agent == null) {
          throw new IllegalStateException(
              "scenario '" + name + "' names an unknown agent '" + agentName + "'");
        }
        likely.add(agent);
      }
      Assessable assessable = assessable(entry.get("assessable"), name);
      List<String> aliases = entry.containsKey("aliases") ? strings(entry, "aliases") : List.of();
      scenarios.add(
          new Scenario(
              name,
              aliases,
              category,
              rating(entry),
              List.copyOf(likely),
              assessable,
              text(entry, "description"),
              strings(entry, "mitigations"),
              strings(entry, "evidence"),
              optionalStrings(entry, "supporting"),
              strings(entry, "verify")));
    }
    List<MitigationKind> mitigations = new ArrayList<>();
    for (Object item :
        root.containsKey("evidence") ? list(root.get("evidence"), "evidence") : List.of()) {
      Map<String, Object> entry = map(item, "an evidence entry");
      mitigations.add(
          new MitigationKind(
              text(entry, "id"),
              text(entry, "shows"),
              optionalStrings(entry, "contradicted-by"),
              optionalStrings(entry, "contradicted-anywhere-by")));
    }
    List<String> notAssets = optionalStrings(root, "not-assets");
    List<RaisedNeed> raisedNeeds = new ArrayList<>();
    for (Object item :
        root.containsKey("raised-needs")
            ? list(root.get("raised-needs"), "raised-needs")
            : List.of()) {
      Map<String, Object> entry = map(item, "a raised need");
      AssetKind together =
          entry.containsKey("together-with") ? asset(assets, text(entry, "together-with")) : null;
      List<String> terms = optionalStrings(entry, "terms");
      if (terms.isEmpty() == (together == null)) {
        throw new IllegalStateException(
            "a raised need names either terms or together-with: " + entry);
      }
      raisedNeeds.add(
          new RaisedNeed(
              asset(assets, text(entry, "asset")),
              rating(entry),
              text(entry, "why"),
              terms,
              together));
    }
    return new ThreatCatalogue(
        new ArrayList<>(categories.values()),
        assets,
        notAssets,
        new ArrayList<>(agents.values()),
        mitigations,
        scenarios,
        raisedNeeds);
  }

  private static AssetKind asset(List<AssetKind> assets, String name) {
    return assets.stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown asset '" + name + "'"));
  }

  public List<Category> categories() {
    return categories;
  }

  public List<AssetKind> assets() {
    return assets;
  }

  public List<Agent> agents() {
    return agents;
  }

  /**
   * Phrases that carry no asset although a shorter term inside them would ("page token" is not a
   * token).
   */
  public List<String> notAssets() {
    return notAssets;
  }

  /** Protection needs above the paper's generic rating, and where the spec shows them. */
  public List<RaisedNeed> raisedNeeds() {
    return raisedNeeds;
  }

  /**
   * The mitigations a spec can show, which rules record and scenarios name under {@code evidence}.
   */
  public List<MitigationKind> mitigations() {
    return List.copyOf(mitigations.values());
  }

  /** The mitigation of this id, or null. */
  public MitigationKind mitigation(String id) {
    return mitigations.get(id);
  }

  /** The asset of this name, or null. */
  public AssetKind asset(String name) {
    return assets.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
  }

  /** Every scenario, in the paper's order (grouped by category). */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  public List<Scenario> scenarios(Category category) {
    return scenarios.stream().filter(s -> s.category().equals(category)).toList();
  }

  /** The scenario with this name or alias (exactly as written), or null. */
  public Scenario scenario(String nameOrAlias) {
    return byName.get(nameOrAlias);
  }

  /** Every accepted name: canonical names and aliases. */
  public List<String> acceptedNames() {
    return List.copyOf(byName.keySet());
  }

  /** YAML 1.1 reads unquoted yes and no as booleans; accept both spellings. */
  private static Assessable assessable(Object value, String scenario) {
    if (Boolean.TRUE.equals(value)) {
      return Assessable.YES;
    }
    if (Boolean.FALSE.equals(value)) {
      return Assessable.NO;
    }
    for (Assessable assessable : Assessable.values()) {
      if (assessable.label().equals(value)) {
        return assessable;
      }
    }
    throw new IllegalStateException(
        "scenario '" + scenario + "': assessable is yes, partly or no, not " + value);
  }

  private static Rating.Cia rating(Map<String, Object> entry) {
    Map<String, Object> rating = map(entry.get("rating"), "a rating");
    return new Rating.Cia(
        Rating.parse(text(rating, "c")),
        Rating.parse(text(rating, "i")),
        Rating.parse(text(rating, "a")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new IllegalStateException(what + " must be a mapping");
    }
    return (Map<String, Object>) value;
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new IllegalStateException(what + " must be a list");
    }
    return (List<?>) value;
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw new IllegalStateException("'" + key + "' must be a non-empty string in " + entry);
    }
    return (String) value;
  }

  private static List<String> optionalStrings(Map<String, Object> entry, String key) {
    return entry.containsKey(key) ? strings(entry, key) : List.of();
  }

  private static List<String> strings(Map<String, Object> entry, String key) {
    List<String> values = new ArrayList<>();
    for (Object value : list(entry.get(key), "'" + key + "'")) {
      // an unquoted "a: b" in YAML is a mapping, not a sentence: refuse it rather than print it
      // oddly
      if (!(value instanceof String)) {
        throw new IllegalStateException(
            "'" + key + "' must list strings, not " + value + " (quote text that contains ': ')");
      }
      values.add((String) value);
    }
    return List.copyOf(values);
  }
}
