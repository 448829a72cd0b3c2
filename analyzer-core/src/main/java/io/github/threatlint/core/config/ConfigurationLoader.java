package io.github.threatlint.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.DuplicateKey;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.core.vocabulary.Glob;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, reads and validates {@code .threatlint.yaml} (or {@code .yml}, {@code .json}). The file is
 * parsed with the project's {@link TreeParser}, so every problem is reported with its line and
 * column; nothing unknown is ignored: an unknown key, rule id or option, a wrong option type or a
 * bad level each stop the run with one line naming the file, the place and the problem.
 *
 * <pre>
 * extends: sfti                       # recommended (default), sfti or strict
 * rules:
 *   security-schemes-missing: warning # off, note, warning or error
 *   operation-security-missing:
 *     level: error
 *     options:
 *       allowAnonymous: ["/health"]
 * ignore:
 *   - file: specs/legacy/**           # glob, relative to this file's folder
 *     rule: operation-security-missing
 *     pointer: /paths/~1status/**     # optional glob over JSON pointers
 *     reason: Status endpoints are public by design.
 * docsUrl: https://wiki.bank.example/threatlint/rules/{rule}.html   # optional: where the rule pages are
 * rulesets: [guidelines/bank-api.spectral.yaml]   # Spectral rulesets, relative to this file's folder
 * rulesetErrors: fail                # or warn: a ruleset rule that cannot run is left out with a warning
 * plugins: [lib/bank-rules.jar]      # rule plugin jars (Java rules), relative to this file's folder
 * </pre>
 */
public final class ConfigurationLoader {
  /** The names searched for, in this order, in the working directory and each folder above it. */
  public static final List<String> FILE_NAMES =
      List.of(".threatlint.yaml", ".threatlint.yml", ".threatlint.json");

  private static final long MAX_BYTES = 4L * 1024 * 1024;
  static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "extends",
          "rules",
          "ignore",
          "docsUrl",
          "timeLimit",
          "rulesets",
          "rulesetErrors",
          "plugins");
  static final Set<String> RULE_KEYS = Set.of("level", "options");
  static final Set<String> IGNORE_KEYS = Set.of("file", "rule", "pointer", "reason");

  private final List<RuleDescriptor> builtInCatalog;
  private final RulesetReader rulesetReader;
  private final Path pluginRoot;

  /**
   * @param catalog the rules the configuration may name (the built-in rules); naming a ruleset is
   *     an error
   */
  public ConfigurationLoader(List<RuleDescriptor> catalog) {
    this(catalog, RulesetReader.NONE);
  }

  /**
   * @param catalog the built-in rules
   * @param rulesetReader reads the rulesets the configuration names; their rules join the catalog
   */
  public ConfigurationLoader(List<RuleDescriptor> catalog, RulesetReader rulesetReader) {
    this(catalog, rulesetReader, null);
  }

  /**
   * @param catalog the built-in rules
   * @param rulesetReader reads the rulesets the configuration names; their rules join the catalog
   * @param pluginRoot the folder plugin jars must lie in; null: naming a plugin is an error
   */
  public ConfigurationLoader(
      List<RuleDescriptor> catalog, RulesetReader rulesetReader, Path pluginRoot) {
    this.builtInCatalog = List.copyOf(catalog);
    this.rulesetReader = rulesetReader;
    this.pluginRoot = pluginRoot == null ? null : pluginRoot.toAbsolutePath().normalize();
  }

  /**
   * The configuration file in {@code directory} or the nearest folder above it; empty when there is
   * none. Two configuration files in one folder are an error, since only one would be read.
   */
  public static Optional<Path> find(Path directory) throws ConfigurationException {
    for (Path folder = directory.toAbsolutePath().normalize();
        folder != null;
        folder = folder.getParent()) {
      List<Path> present = new ArrayList<>();
      for (String name : FILE_NAMES) {
        Path candidate = folder.resolve(name);
        if (Files.isRegularFile(candidate)) {
          present.add(candidate);
        }
      }
      if (present.size() > 1) {
        throw new ConfigurationException(
            present.get(0).toString(),
            0,
            0,
            "two configuration files in one folder ("
                + present.get(0).getFileName()
                + " and "
                + present.get(1).getFileName()
                + "); keep one");
      }
      if (present.size() == 1) {
        return Optional.of(present.get(0));
      }
    }
    return Optional.empty();
  }

  /** Reads and validates a configuration file; {@code displayPath} is how messages name it. */
  public Configuration load(Path file, String displayPath) throws ConfigurationException {
    SourceFile source;
    try {
      // --max-file-size is for specifications: the configuration's limit is fixed, so the error
      // names none
      source = new SourceReader(MAX_BYTES, "").read(file, displayPath);
    } catch (SourceException e) {
      throw new ConfigurationException(
          displayPath, e.line(), e.column(), "cannot read the configuration: " + e.getMessage());
    }
    Path directory = file.toAbsolutePath().normalize().getParent();
    return parse(source, directory);
  }

  /**
   * Validates a configuration already read; {@code directory} is what ignore globs are relative to.
   */
  public Configuration parse(SourceFile source, Path directory) throws ConfigurationException {
    if (isBlankOrComments(source.text())) {
      return new Configuration(source.displayPath(), directory, null, Map.of(), List.of());
    }
    ParsedFile parsed;
    try {
      parsed = TreeParser.parse(source);
    } catch (SourceException e) {
      throw new ConfigurationException(source.displayPath(), e.line(), e.column(), e.getMessage());
    }
    return new Reader(parsed, directory).read();
  }

  private static boolean isBlankOrComments(String text) {
    for (String line : text.split("\r?\n|\r")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty()
          && !trimmed.startsWith("#")
          && !trimmed.equals("---")
          && !trimmed.equals("\uFEFF")) {
        return false;
      }
    }
    return true;
  }

  /** The validation of one parsed file. */
  private final class Reader {
    private final ParsedFile file;
    private final Path directory;
    private List<RuleDescriptor> catalog = builtInCatalog;

    Reader(ParsedFile file, Path directory) {
      this.file = file;
      this.directory = directory;
    }

    Configuration read() throws ConfigurationException {
      if (!file.duplicateKeys().isEmpty()) {
        DuplicateKey duplicate = file.duplicateKeys().get(0);
        throw new ConfigurationException(
            file.displayPath(),
            duplicate.second().startLine(),
            duplicate.second().startColumn(),
            "the key '"
                + Pointers.lastSegment(duplicate.pointer())
                + "' appears twice (first on line "
                + duplicate.first().startLine()
                + ")");
      }
      JsonNode root = file.root();
      if (!root.isObject()) {
        throw atValue(
            "",
            "the configuration must be a mapping with the keys extends, rules, ignore, docsUrl, timeLimit, rulesets, rulesetErrors and plugins");
      }
      for (String key : keys(root)) {
        if (!TOP_LEVEL_KEYS.contains(key)) {
          throw atKey(
              Pointers.child("", key),
              "unknown key '"
                  + key
                  + "'"
                  + Suggestions.didYouMean(key, TOP_LEVEL_KEYS)
                  + "; a configuration has extends, rules, ignore, docsUrl, timeLimit, rulesets, rulesetErrors and plugins");
        }
      }
      List<RuleDescriptor> pluginRules = readPlugins(root.get("plugins"));
      catalog = new ArrayList<>(builtInCatalog);
      catalog.addAll(pluginRules);
      RulesetReader.Rules rulesetRules =
          readRulesets(root.get("rulesets"), root.get("rulesetErrors"));
      catalog.addAll(rulesetRules.rules());
      Profile profile = readProfile(root.get("extends"));
      Map<String, Configuration.RuleSetting> rules = readRules(root.get("rules"));
      List<Configuration.Ignore> ignores = readIgnores(root.get("ignore"));
      return new Configuration(
          file.displayPath(),
          directory,
          profile,
          Collections.unmodifiableMap(rules),
          List.copyOf(ignores),
          readDocsUrl(root.get("docsUrl")).withOwnPagesOf(catalog),
          readTimeLimit(root.get("timeLimit")),
          rulesetRules.rules(),
          rulesetRules.warnings(),
          pluginRules);
    }

    /**
     * The rules of the plugin jars named, each path relative to this file's folder and inside the
     * plugin root; a rule id already taken (built-in or an earlier plugin's) is an error.
     */
    private List<RuleDescriptor> readPlugins(JsonNode plugins) throws ConfigurationException {
      if (plugins == null || plugins.isNull()) {
        return List.of();
      }
      if (!plugins.isArray()) {
        throw atValue(
            "/plugins",
            "'plugins' must be a list of rule plugin jars (relative to this file), not "
                + RuleOptions.describeValue(plugins));
      }
      Set<String> taken = new HashSet<>();
      for (RuleDescriptor rule : builtInCatalog) {
        taken.add(rule.id());
      }
      List<RuleDescriptor> rules = new ArrayList<>();
      for (int i = 0; i < plugins.size(); i++) {
        JsonNode entry = plugins.get(i);
        String pointer = Pointers.child("/plugins", i);
        if (!entry.isTextual() || entry.textValue().isBlank()) {
          throw atValue(
              pointer,
              "a plugin is named by its jar, relative to this file, not "
                  + RuleOptions.describeValue(entry));
        }
        String name = entry.textValue().strip();
        if (pluginRoot == null) {
          throw atValue(pointer, "plugins are loaded by threatlint check and report only");
        }
        Path jar = directory.resolve(name).normalize();
        if (!jar.startsWith(pluginRoot)) {
          throw atValue(
              pointer,
              "plugin " + name + ": outside the folder threatlint may read (" + pluginRoot + ")");
        }
        List<RuleDescriptor> provided;
        try {
          provided = RulePlugins.ofJar(jar);
        } catch (RulePlugins.PluginException e) {
          throw atValue(pointer, "plugin " + name + ": " + e.getMessage());
        }
        for (RuleDescriptor rule : provided) {
          if (!taken.add(rule.id())) {
            throw atValue(
                pointer,
                "plugin " + name + ": declares the rule " + rule.id() + ", an id already taken");
          }
          rules.add(rule);
        }
      }
      return List.copyOf(rules);
    }

    /** Seconds per file; --time-limit, when given, overrides it. */
    private Duration readTimeLimit(JsonNode value) throws ConfigurationException {
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() <= 0) {
        throw atValue(
            "/timeLimit",
            "timeLimit takes a positive number of seconds per file, not "
                + RuleOptions.describeValue(value));
      }
      return Duration.ofSeconds(value.intValue());
    }

    /**
     * The rules of the rulesets named, read by the ruleset reader; each path is relative to this
     * file's folder.
     */
    private RulesetReader.Rules readRulesets(JsonNode rulesets, JsonNode errors)
        throws ConfigurationException {
      boolean skipBroken = false;
      if (errors != null && !errors.isNull()) {
        if (!errors.isTextual()
            || !(errors.textValue().equals("fail") || errors.textValue().equals("warn"))) {
          throw atValue(
              "/rulesetErrors",
              "rulesetErrors takes fail (a ruleset rule that cannot run stops the run) or warn "
                  + "(it is left out with a warning), not "
                  + RuleOptions.describeValue(errors));
        }
        skipBroken = errors.textValue().equals("warn");
      }
      if (rulesets == null || rulesets.isNull()) {
        return RulesetReader.Rules.NONE;
      }
      if (!rulesets.isArray()) {
        throw atValue(
            "/rulesets",
            "'rulesets' must be a list of ruleset files (relative to this file), not "
                + RuleOptions.describeValue(rulesets));
      }
      List<RulesetReader.RulesetFile> files = new ArrayList<>();
      for (int i = 0; i < rulesets.size(); i++) {
        JsonNode entry = rulesets.get(i);
        String pointer = Pointers.child("/rulesets", i);
        if (!entry.isTextual() || entry.textValue().isBlank()) {
          throw atValue(
              pointer,
              "a ruleset is named by its file, relative to this file, not "
                  + RuleOptions.describeValue(entry));
        }
        Path path = directory.resolve(entry.textValue().strip()).normalize();
        String folder =
            file.displayPath().contains("/")
                ? file.displayPath().substring(0, file.displayPath().lastIndexOf('/') + 1)
                : "";
        String shown =
            path.startsWith(directory)
                ? folder + directory.relativize(path).toString().replace('\\', '/')
                : path.toString().replace('\\', '/');
        Region region = file.index().valueRegion(pointer);
        files.add(
            new RulesetReader.RulesetFile(
                path, shown, file.displayPath(), region.startLine(), region.startColumn()));
      }
      if (files.isEmpty()) {
        return RulesetReader.Rules.NONE;
      }
      // the ids of the built-in and plugin rules read before
      Set<String> takenIds = new HashSet<>();
      for (RuleDescriptor rule : catalog) {
        takenIds.add(rule.id());
      }
      return rulesetReader.read(files, takenIds, skipBroken);
    }

    private DocsUrl readDocsUrl(JsonNode value) throws ConfigurationException {
      if (value == null || value.isNull()) {
        return DocsUrl.DEFAULT;
      }
      String problem =
          value.isTextual()
              ? DocsUrl.problem(value.textValue().strip())
              : "docsUrl takes a URL template such as https://wiki.example.com/threatlint/rules/"
                  + DocsUrl.PLACEHOLDER
                  + ".html, not "
                  + RuleOptions.describeValue(value);
      if (problem != null) {
        throw atValue("/docsUrl", problem);
      }
      return new DocsUrl(value.textValue().strip());
    }

    private Profile readProfile(JsonNode value) throws ConfigurationException {
      if (value == null) {
        return null;
      }
      Profile profile = value.isTextual() ? Profile.parse(value.textValue()) : null;
      if (profile == null) {
        throw atValue(
            "/extends",
            "unknown profile " + value + " in extends; use recommended, sfti or strict");
      }
      return profile;
    }

    private Map<String, Configuration.RuleSetting> readRules(JsonNode rules)
        throws ConfigurationException {
      Map<String, Configuration.RuleSetting> settings = new LinkedHashMap<>();
      if (rules == null || rules.isNull()) {
        return settings;
      }
      if (!rules.isObject()) {
        throw atValue(
            "/rules",
            "'rules' must map rule ids to a level (off, note, warning, error) or to {level, options}, not "
                + RuleOptions.describeValue(rules));
      }
      for (String id : keys(rules)) {
        String pointer = Pointers.child("/rules", id);
        RuleDescriptor rule = rule(id, pointer);
        JsonNode value = rules.get(id);
        if (value.isTextual() || value.isBoolean()) {
          settings.put(id, new Configuration.RuleSetting(level(value, pointer, id), Map.of()));
        } else if (value.isObject()) {
          settings.put(id, readRuleSetting(rule, value, pointer));
        } else {
          throw atValue(
              pointer,
              "rule "
                  + id
                  + " takes a level (off, note, warning, error) or {level, options}, not "
                  + RuleOptions.describeValue(value));
        }
      }
      return settings;
    }

    private Configuration.RuleSetting readRuleSetting(
        RuleDescriptor rule, JsonNode value, String pointer) throws ConfigurationException {
      for (String key : keys(value)) {
        if (!RULE_KEYS.contains(key)) {
          throw atKey(
              Pointers.child(pointer, key),
              "unknown key '"
                  + key
                  + "' in the settings of rule "
                  + rule.id()
                  + Suggestions.didYouMean(key, RULE_KEYS)
                  + "; use level and options");
        }
      }
      Level level =
          value.has("level")
              ? level(value.get("level"), Pointers.child(pointer, "level"), rule.id())
              : null;
      Map<String, Object> options = new LinkedHashMap<>();
      JsonNode optionValues = value.get("options");
      String optionsPointer = Pointers.child(pointer, "options");
      if (optionValues != null && !optionValues.isNull()) {
        if (!optionValues.isObject()) {
          throw atValue(
              optionsPointer,
              "the options of rule "
                  + rule.id()
                  + " must be a mapping from option name to value, not "
                  + RuleOptions.describeValue(optionValues));
        }
        List<String> names = rule.options().stream().map(Field::getName).toList();
        for (String name : keys(optionValues)) {
          String optionPointer = Pointers.child(optionsPointer, name);
          Field option = rule.option(name);
          if (option == null) {
            throw atKey(
                optionPointer,
                "rule "
                    + rule.id()
                    + " has no option '"
                    + name
                    + "'"
                    + Suggestions.didYouMean(name, names)
                    + (names.isEmpty()
                        ? "; it has no options"
                        : "; its options: " + String.join(", ", names)));
          }
          RuleOptions.Converted converted =
              RuleOptions.convert(rule.id(), option, optionValues.get(name));
          if (converted.problem() != null) {
            throw atValue(optionPointer, converted.problem());
          }
          options.put(name, converted.value());
        }
      }
      return new Configuration.RuleSetting(level, Collections.unmodifiableMap(options));
    }

    private Level level(JsonNode value, String pointer, String ruleId)
        throws ConfigurationException {
      Level level =
          isOff(value) ? Level.OFF : value.isTextual() ? Level.parse(value.textValue()) : null;
      if (level == null) {
        String yaml = value.isBoolean() ? " (YAML reads an unquoted yes, on or true as true)" : "";
        throw atValue(
            pointer,
            "bad level "
                + value
                + " for rule "
                + ruleId
                + yaml
                + "; use off, note, warning or error");
      }
      return level;
    }

    private List<Configuration.Ignore> readIgnores(JsonNode ignores) throws ConfigurationException {
      List<Configuration.Ignore> entries = new ArrayList<>();
      if (ignores == null || ignores.isNull()) {
        return entries;
      }
      if (!ignores.isArray()) {
        throw atValue(
            "/ignore",
            "'ignore' must be a list of entries with file, rule, pointer (optional) and reason, not "
                + RuleOptions.describeValue(ignores));
      }
      for (int i = 0; i < ignores.size(); i++) {
        String pointer = Pointers.child("/ignore", i);
        JsonNode entry = ignores.get(i);
        if (!entry.isObject()) {
          throw atValue(
              pointer,
              "an ignore entry must be a mapping with file, rule, pointer (optional) and reason, not "
                  + RuleOptions.describeValue(entry));
        }
        for (String key : keys(entry)) {
          if (!IGNORE_KEYS.contains(key)) {
            throw atKey(
                Pointers.child(pointer, key),
                "unknown key '"
                    + key
                    + "' in an ignore entry"
                    + Suggestions.didYouMean(key, IGNORE_KEYS)
                    + "; use file, rule, pointer and reason");
          }
        }
        String fileGlob =
            requiredText(entry, pointer, "file", "a file glob such as specs/**/*.yaml");
        String ruleId = requiredText(entry, pointer, "rule", "a rule id");
        rule(ruleId, Pointers.child(pointer, "rule"));
        String pointerGlob = null;
        if (entry.has("pointer")) {
          JsonNode value = entry.get("pointer");
          if (!value.isTextual()
              || !(value.textValue().isEmpty() || value.textValue().startsWith("/"))) {
            throw atValue(
                Pointers.child(pointer, "pointer"),
                "the pointer of an ignore entry is a glob over JSON pointers "
                    + "starting with '/', such as /paths/~1health/**, not "
                    + RuleOptions.describeValue(value));
          }
          pointerGlob = value.textValue();
        }
        String reason = requiredText(entry, pointer, "reason", "why the finding is acceptable");
        String cleanGlob = fileGlob.startsWith("./") ? fileGlob.substring(2) : fileGlob;
        entries.add(
            new Configuration.Ignore(
                Glob.compile(cleanGlob),
                ruleId,
                pointerGlob == null ? null : Glob.compile(pointerGlob),
                reason));
      }
      return entries;
    }

    private String requiredText(JsonNode entry, String pointer, String key, String what)
        throws ConfigurationException {
      JsonNode value = entry.get(key);
      if (value == null) {
        throw atValue(pointer, "an ignore entry needs '" + key + "': " + what);
      }
      if (!value.isTextual() || value.textValue().isBlank()) {
        throw atValue(
            Pointers.child(pointer, key),
            "'"
                + key
                + "' of an ignore entry takes "
                + what
                + ", not "
                + (value.isTextual() ? "an empty string" : RuleOptions.describeValue(value)));
      }
      return value.textValue().strip();
    }

    private RuleDescriptor rule(String id, String pointer) throws ConfigurationException {
      for (RuleDescriptor rule : catalog) {
        if (rule.id().equals(id)) {
          return rule;
        }
      }
      boolean isKey = pointer.startsWith("/rules/");
      String message =
          "unknown rule '"
              + id
              + "'"
              + Suggestions.didYouMean(id, ruleIds())
              + "; 'threatlint rules' lists the rule ids";
      throw isKey ? atKey(pointer, message) : atValue(pointer, message);
    }

    private List<String> ruleIds() {
      return catalog.stream().map(RuleDescriptor::id).toList();
    }

    private ConfigurationException atKey(String pointer, String message) {
      Region region = file.index().region(pointer);
      return new ConfigurationException(
          file.displayPath(), region.startLine(), region.startColumn(), message);
    }

    private ConfigurationException atValue(String pointer, String message) {
      Region region = file.index().valueRegion(pointer);
      return new ConfigurationException(
          file.displayPath(), region.startLine(), region.startColumn(), message);
    }
  }

  /**
   * YAML 1.1 reads an unquoted {@code off} (like {@code no} and {@code false}) as the boolean
   * false: it means off.
   */
  private static boolean isOff(JsonNode value) {
    return value.isBoolean() && !value.booleanValue();
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    Iterator<String> names = object.fieldNames();
    names.forEachRemaining(keys::add);
    return keys;
  }
}
