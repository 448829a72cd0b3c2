package io.github.threatlint.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Profile;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema (draft 2020-12) of the configuration file, generated from the rule catalog so
 * that it accepts exactly what {@link ConfigurationLoader} accepts: the same keys (unknown ones are
 * refused at every level, as the loader refuses them), the rule ids, each rule's options with their
 * types, and the levels. Editors use it to complete and check {@code .threatlint.yaml}; the copy in
 * the repository ({@link #REPOSITORY_PATH}) is compared with this by a test.
 */
public final class ConfigurationSchema {
  /** Where the schema is kept in the repository. */
  public static final String REPOSITORY_PATH = "docs/schema/threatlint-config.schema.json";

  /** Where editors fetch it (the repository's file on the main branch). */
  public static final String URL =
      "https://raw.githubusercontent.com/threatlint/threatlint/main/" + REPOSITORY_PATH;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigurationSchema() {}

  /** The schema as JSON text (two-space indentation, ending with a newline). */
  public static String json(List<RuleDescriptor> catalog) {
    requireKeys(
        ConfigurationLoader.TOP_LEVEL_KEYS,
        Set.of(
            "extends",
            "rules",
            "ignore",
            "docsUrl",
            "timeLimit",
            "rulesets",
            "rulesetErrors",
            "plugins"),
        "top-level");
    requireKeys(ConfigurationLoader.RULE_KEYS, Set.of("level", "options"), "rule");
    requireKeys(
        ConfigurationLoader.IGNORE_KEYS,
        Set.of("file", "rule", "pointer", "reason"),
        "ignore entry");
    ObjectNode schema = NODES.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", URL);
    schema.put(
        "title", "threatlint configuration (.threatlint.yaml, .threatlint.yml, .threatlint.json)");
    schema.put(
        "description",
        "The profile, rule levels and options, and ignores of threatlint. Unknown keys, rule ids "
            + "and options are errors, as threatlint itself reports them.");
    schema.put("type", "object");
    schema.put("additionalProperties", false);
    ObjectNode properties = schema.putObject("properties");

    ObjectNode extendsKey = properties.putObject("extends");
    extendsKey.put("description", "The profile: recommended (default), sfti or strict.");
    ArrayNode profiles = extendsKey.putArray("enum");
    for (Profile profile : Profile.values()) {
      profiles.add(profile.label());
    }

    ObjectNode rules = properties.putObject("rules");
    rules.put("description", "Per rule id: off, note, warning, error, or {level, options}.");
    rules.putArray("type").add("object").add("null");
    ObjectNode ruleProperties = rules.putObject("properties");
    for (RuleDescriptor rule : catalog) {
      ruleProperties.set(rule.id(), ruleSetting(rule));
    }

    ObjectNode docsUrl = properties.putObject("docsUrl");
    docsUrl.put(
        "description",
        "Where the rules' documentation pages are: an http(s) URL with "
            + DocsUrl.PLACEHOLDER
            + " where the rule id goes, such as https://wiki.example.com/threatlint/rules/"
            + DocsUrl.PLACEHOLDER
            + ".html.");
    docsUrl.put("type", "string");
    docsUrl.put("pattern", "^https?://.*\\{rule\\}");

    ObjectNode timeLimit = properties.putObject("timeLimit");
    timeLimit.put(
        "description",
        "Seconds the analysis of one file may take before it is stopped and reported as an error"
            + " (default 60); --time-limit overrides it.");
    timeLimit.put("type", "integer");
    timeLimit.put("minimum", 1);

    ObjectNode ignore = properties.putObject("ignore");
    ignore.put("description", "Findings accepted in certain files, each with a reason.");
    ignore.putArray("type").add("array").add("null");
    ObjectNode entry = ignore.putObject("items");
    entry.put("type", "object");
    entry.put("additionalProperties", false);
    entry.putArray("required").add("file").add("rule").add("reason");
    ObjectNode entryProperties = entry.putObject("properties");
    entryProperties.set(
        "file",
        text("A glob of the files, relative to the folder of the configuration file (*, ?, **)."));
    ObjectNode ruleId = entryProperties.putObject("rule");
    ruleId.put("description", "The rule whose findings are accepted.");
    ruleId.put("type", "string");
    ObjectNode pointer = entryProperties.putObject("pointer");
    pointer.put(
        "description",
        "Optional: a glob over the JSON pointers of the findings, such as /paths/~1health/**.");
    pointer.put("type", "string");
    pointer.put("pattern", "^(/.*)?$");
    entryProperties.set("reason", text("Why the findings are acceptable (mandatory)."));

    ObjectNode rulesets = properties.putObject("rulesets");
    rulesets.put(
        "description",
        "Spectral rulesets (YAML or JSON) whose rules run with the built-in ones; paths relative to"
            + " the folder of the configuration file.");
    rulesets.putArray("type").add("array").add("null");
    rulesets.putObject("items").put("type", "string").put("minLength", 1);
    ObjectNode rulesetErrors = properties.putObject("rulesetErrors");
    rulesetErrors.put(
        "description",
        "fail (default): a ruleset rule that cannot run stops the run; warn: it is left out with a"
            + " warning.");
    rulesetErrors.putArray("enum").add("fail").add("warn");
    ObjectNode plugins = properties.putObject("plugins");
    plugins.put(
        "description",
        "Rule plugin jars (rules in Java, found by ServiceLoader) whose rules run with the built-in"
            + " ones; paths relative to the folder of the configuration file.");
    plugins.putArray("type").add("array").add("null");
    plugins.putObject("items").put("type", "string").put("minLength", 1);

    // the rules of rulesets and plugins are known only once they are read: with either, rules and
    // ignores may name other ids (a ruleset rule takes a level); without, only the built-in ones
    rules.putObject("additionalProperties").put("$ref", "#/$defs/level");
    ArrayNode addsRules = schema.putObject("if").putArray("anyOf");
    addsRules.addObject().putArray("required").add("rulesets");
    addsRules.addObject().putArray("required").add("plugins");
    schema.putObject("then");
    ObjectNode builtInOnly = schema.putObject("else").putObject("properties");
    ArrayNode ruleIds = builtInOnly.putObject("rules").putObject("propertyNames").putArray("enum");
    catalog.forEach(r -> ruleIds.add(r.id()));
    ArrayNode ids =
        builtInOnly
            .putObject("ignore")
            .putObject("items")
            .putObject("properties")
            .putObject("rule")
            .putArray("enum");
    catalog.forEach(r -> ids.add(r.id()));

    schema.set("$defs", NODES.objectNode().set("level", level()));
    try {
      return JSON.writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A rule takes a level, or {level, options} with exactly its options. */
  private static ObjectNode ruleSetting(RuleDescriptor rule) {
    ObjectNode setting = NODES.objectNode();
    setting.put("description", rule.info().title());
    ArrayNode choices = setting.putArray("anyOf");
    choices.addObject().put("$ref", "#/$defs/level");
    ObjectNode object = choices.addObject();
    object.put("type", "object");
    object.put("additionalProperties", false);
    ObjectNode keys = object.putObject("properties");
    keys.putObject("level").put("$ref", "#/$defs/level");
    ObjectNode options = keys.putObject("options");
    options.putArray("type").add("object").add("null");
    options.put("additionalProperties", false);
    ObjectNode optionProperties = options.putObject("properties");
    for (Field option : rule.options()) {
      ObjectNode schema = optionType(option);
      schema.put(
          "description",
          RuleOptions.describe(rule).stream()
              .filter(o -> o.name().equals(option.getName()))
              .findFirst()
              .orElseThrow()
              .description());
      optionProperties.set(option.getName(), schema);
    }
    return setting;
  }

  /** The value types {@link RuleOptions#convert} accepts, without coercion. */
  private static ObjectNode optionType(Field option) {
    ObjectNode schema = NODES.objectNode();
    String type = RuleDescriptor.typeName(option);
    switch (type) {
      case "boolean", "integer", "number", "string" -> schema.put("type", type);
      case "list of strings" -> {
        schema.put("type", "array");
        schema.putObject("items").put("type", "string");
      }
      default ->
          throw new IllegalStateException(
              "option " + option.getName() + " has a type the schema cannot express: " + type);
    }
    if (type.equals("integer")) {
      schema.put("minimum", Integer.MIN_VALUE);
      schema.put("maximum", Integer.MAX_VALUE);
    }
    return schema;
  }

  /** off, note, warning or error; YAML reads an unquoted off as false, which means off too. */
  private static ObjectNode level() {
    ObjectNode level = NODES.objectNode();
    level.put(
        "description",
        "off, note, warning or error (an unquoted YAML off reads as false, which means off).");
    ArrayNode values = level.putArray("enum");
    for (Level each : List.of(Level.OFF, Level.NOTE, Level.WARNING, Level.ERROR)) {
      values.add(each.label());
    }
    values.add(false);
    return level;
  }

  private static ObjectNode text(String description) {
    ObjectNode text = NODES.objectNode();
    text.put("description", description);
    text.put("type", "string");
    text.put("pattern", "\\S");
    return text;
  }

  /**
   * The schema states each key of the loader: a key added there without a schema here fails loudly.
   */
  private static void requireKeys(Set<String> loader, Set<String> schema, String where) {
    if (!loader.equals(schema)) {
      throw new IllegalStateException(
          "the configuration schema knows the "
              + where
              + " keys "
              + new TreeSet<>(schema)
              + " but the loader accepts "
              + new TreeSet<>(loader)
              + ": describe the new keys in ConfigurationSchema");
    }
  }
}
