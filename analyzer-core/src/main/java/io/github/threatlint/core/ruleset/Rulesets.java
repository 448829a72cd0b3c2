package io.github.threatlint.core.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleMetadata;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.RulesetReader;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.core.vocabulary.Glob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Spectral rulesets (YAML or JSON) into threatlint rules: {@code rules}, {@code extends} of
 * local files (with {@code off}, {@code recommended} or {@code all}), {@code aliases}, {@code
 * overrides}, {@code formats} and {@code documentationUrl}. Every file read must lie inside the
 * root folder, as every read of a run. What cannot run (custom functions, {@code extends} of a URL
 * or an npm package such as {@code spectral:oas}, an unknown function, an invalid JSONPath, bad
 * options) is an error naming the file, the rule and the reason; with {@code skipBroken} a broken
 * rule is left out with a warning instead.
 */
public final class Rulesets implements RulesetReader {
  private static final long MAX_BYTES = 4L * 1024 * 1024;
  private static final List<String> RULESET_KEYS =
      List.of(
          "rules",
          "extends",
          "aliases",
          "overrides",
          "formats",
          "documentationUrl",
          "description",
          "functions",
          "functionsDir");
  private static final List<String> RULE_KEYS =
      List.of(
          "description",
          "message",
          "severity",
          "given",
          "then",
          "formats",
          "resolved",
          "recommended",
          "documentationUrl",
          "type",
          "x-threatlint");
  private static final Map<String, Set<SpecVersion>> FORMATS =
      Map.of(
          "oas2", EnumSet.of(SpecVersion.SWAGGER_2_0),
          "oas3", EnumSet.of(SpecVersion.OPENAPI_3_0, SpecVersion.OPENAPI_3_1),
          "oas3_0", EnumSet.of(SpecVersion.OPENAPI_3_0),
          "oas3.0", EnumSet.of(SpecVersion.OPENAPI_3_0),
          "oas3_1", EnumSet.of(SpecVersion.OPENAPI_3_1),
          "oas3.1", EnumSet.of(SpecVersion.OPENAPI_3_1));

  /**
   * Spectral's formats of other documents (AsyncAPI, Arazzo, JSON Schema): a rule for them alone
   * can never match an OpenAPI document.
   */
  private static final Pattern OTHER_FORMATS = Pattern.compile("(asyncapi|arazzo|json-schema).*");

  private final Path root;

  /**
   * @param root the folder rulesets (and the files they extend) must lie in
   */
  public Rulesets(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Rules read(List<RulesetFile> files, Set<String> takenIds, boolean skipBroken)
      throws ConfigurationException {
    Map<String, Declared> declared = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (RulesetFile file : files) {
      Path path = file.path().toAbsolutePath().normalize();
      String problem = unreadable(path);
      if (problem != null) {
        throw new ConfigurationException(
            file.configDisplayPath(),
            file.line(),
            file.column(),
            "the ruleset " + file.displayPath() + " " + problem);
      }
      declared.putAll(new FileReader(path, file.displayPath(), new ArrayList<>(), warnings).read());
    }
    List<RuleDescriptor> rules = new ArrayList<>();
    for (Declared rule : declared.values()) {
      if (rule.forOtherDocuments) {
        // not an error: the rule is meant for other documents, and Spectral never runs it on these
        warnings.add(
            rule.problemAt(
                    rule.node.has("formats")
                        ? Pointers.child(rule.pointer, "formats")
                        : rule.pointer,
                    "rule '"
                        + rule.name
                        + "' applies to other documents than OpenAPI ones only (formats);"
                        + " threatlint reads OpenAPI documents, so the rule is left out")
                .oneLine()
                .replace(": error: ", ": warning: "));
        continue;
      }
      try {
        if (takenIds.contains(rule.name)) {
          throw rule.problem(
              rule.node,
              "the rule '"
                  + rule.name
                  + "' has the id of a built-in rule; rename it in the ruleset");
        }
        rules.add(compile(rule).descriptor());
      } catch (ConfigurationException e) {
        if (!skipBroken) {
          throw e;
        }
        warnings.add(e.oneLine().replace(": error: ", ": warning: ") + " (the rule is left out)");
      }
    }
    return new Rules(List.copyOf(rules), List.copyOf(warnings));
  }

  private String unreadable(Path path) {
    if (!path.startsWith(root)) {
      return "is outside the folder threatlint may read (" + root + ")";
    }
    if (!Files.isRegularFile(path)) {
      return "does not exist";
    }
    return null;
  }

  /** A rule as a ruleset declares it, with what extends and overrides made of it. */
  private static final class Declared {
    final String name;
    final JsonNode node;
    final ParsedFile file;
    final String pointer;
    final Map<String, JsonNode> aliases;
    final Set<SpecVersion> rulesetFormats;
    final boolean forOtherDocuments;
    final String rulesetDocs;
    final Level definedLevel;
    final boolean recommended;
    Level level;
    final List<DeclaredRule.FileSeverity> overrides = new ArrayList<>();

    Declared(
        String name,
        JsonNode node,
        ParsedFile file,
        String pointer,
        Map<String, JsonNode> aliases,
        Set<SpecVersion> rulesetFormats,
        boolean forOtherDocuments,
        String rulesetDocs,
        Level definedLevel,
        boolean recommended) {
      this.name = name;
      this.node = node;
      this.file = file;
      this.pointer = pointer;
      this.aliases = aliases;
      this.rulesetFormats = rulesetFormats;
      this.forOtherDocuments = forOtherDocuments;
      this.rulesetDocs = rulesetDocs;
      this.definedLevel = definedLevel;
      this.recommended = recommended;
      this.level = definedLevel;
    }

    ConfigurationException problem(JsonNode at, String message) {
      return problemAt(pointer, "rule '" + name + "': " + message);
    }

    ConfigurationException problemAt(String at, String message) {
      Region region = file.index().region(at);
      return new ConfigurationException(
          file.displayPath(), region.startLine(), region.startColumn(), message);
    }
  }

  // ------------------------------------------------------------------ reading files

  /** Reads one ruleset file and, first, those it extends. */
  private final class FileReader {
    private final Path path;
    private final String displayPath;
    private final List<Path> extending;
    private final List<String> warnings;
    private ParsedFile file;

    FileReader(Path path, String displayPath, List<Path> extending, List<String> warnings) {
      this.path = path;
      this.displayPath = displayPath;
      this.extending = extending;
      this.warnings = warnings;
    }

    Map<String, Declared> read() throws ConfigurationException {
      SourceFile source;
      try {
        source = new SourceReader(MAX_BYTES, "").read(path, displayPath);
        file = TreeParser.parse(source);
      } catch (SourceException e) {
        throw new ConfigurationException(
            displayPath, e.line(), e.column(), "cannot read the ruleset: " + e.getMessage());
      }
      JsonNode ruleset = file.root();
      if (!ruleset.isObject()) {
        throw at("", "a ruleset is a mapping with rules, extends, aliases, overrides, ...");
      }
      for (String key : keys(ruleset)) {
        if (key.equals("functions") || key.equals("functionsDir")) {
          throw atKey(
              "/" + key,
              "custom JavaScript functions ('"
                  + key
                  + "') cannot run in threatlint; use Spectral's core functions");
        }
        if (!RULESET_KEYS.contains(key)) {
          throw atKey(
              Pointers.child("", key),
              "unknown key '"
                  + key
                  + "'; a ruleset has "
                  + String.join(", ", RULESET_KEYS.subList(0, 7)));
        }
      }
      Map<String, Declared> rules = new LinkedHashMap<>();
      Map<String, JsonNode> aliases = new HashMap<>();
      readExtends(ruleset.get("extends"), rules, aliases);
      JsonNode ownAliases = ruleset.get("aliases");
      if (ownAliases != null) {
        if (!ownAliases.isObject()) {
          throw at("/aliases", "'aliases' maps names to JSONPaths");
        }
        for (String name : keys(ownAliases)) {
          aliases.put(name, ownAliases.get(name));
        }
      }
      Set<SpecVersion> formats = formats(ruleset.get("formats"), "/formats");
      boolean forOtherDocuments = forOtherDocuments(ruleset.get("formats"));
      JsonNode docs = ruleset.get("documentationUrl");
      String rulesetDocs = docs != null && docs.isTextual() ? docs.textValue() : null;
      JsonNode ownRules = ruleset.get("rules");
      if (ownRules != null && !ownRules.isObject()) {
        throw at("/rules", "'rules' maps rule names to rules");
      }
      if (ownRules != null) {
        for (String name : keys(ownRules)) {
          readRule(
              name,
              ownRules.get(name),
              rules,
              Map.copyOf(aliases),
              formats,
              forOtherDocuments,
              rulesetDocs);
        }
      }
      readOverrides(ruleset.get("overrides"), rules);
      return rules;
    }

    private void readExtends(
        JsonNode value, Map<String, Declared> rules, Map<String, JsonNode> aliases)
        throws ConfigurationException {
      if (value == null || value.isNull()) {
        return;
      }
      List<JsonNode> entries = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(entries::add);
      } else {
        entries.add(value);
      }
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String pointer = value.isArray() ? Pointers.child("/extends", i) : "/extends";
        String name;
        String mode = "recommended";
        if (entry.isTextual()) {
          name = entry.textValue();
        } else if (entry.isArray()
            && entry.size() == 2
            && entry.get(0).isTextual()
            && entry.get(1).isTextual()) {
          name = entry.get(0).textValue();
          mode = entry.get(1).textValue();
          if (!List.of("off", "recommended", "all").contains(mode)) {
            throw at(pointer, "extends takes off, recommended or all, not '" + mode + "'");
          }
        } else {
          throw at(pointer, "extends names a ruleset file, or [file, off|recommended|all]");
        }
        if (name.startsWith("spectral:")
            || name.matches("(?i)https?://.*")
            || !name.matches("(?i).*\\.(ya?ml|json)")) {
          throw at(
              pointer,
              "extends of '"
                  + name
                  + "' cannot be read: threatlint reads local ruleset files only (no URL, npm package or "
                  + "built-in Spectral ruleset such as spectral:oas)");
        }
        Path extended = path.getParent().resolve(name).normalize();
        String problem = unreadable(extended);
        if (problem != null) {
          throw at(pointer, "the extended ruleset " + name + " " + problem);
        }
        if (extending.contains(extended) || extended.equals(path)) {
          throw at(
              pointer, "the ruleset " + name + " extends itself (through " + displayPath + ")");
        }
        List<Path> chain = new ArrayList<>(extending);
        chain.add(path);
        String shown =
            displayPath.contains("/")
                ? displayPath.substring(0, displayPath.lastIndexOf('/') + 1) + name
                : name;
        FileReader reader =
            new FileReader(
                extended,
                Path.of(shown).normalize().toString().replace('\\', '/'),
                chain,
                warnings);
        Map<String, Declared> inherited = reader.read();
        for (Declared rule : inherited.values()) {
          rule.level =
              switch (mode) {
                case "off" -> Level.OFF;
                case "all" -> rule.definedLevel;
                default -> rule.recommended ? rule.level : Level.OFF;
              };
          rules.put(rule.name, rule);
          aliases.putAll(rule.aliases);
        }
      }
    }

    private void readRule(
        String name,
        JsonNode value,
        Map<String, Declared> rules,
        Map<String, JsonNode> aliases,
        Set<SpecVersion> formats,
        boolean rulesetForOtherDocuments,
        String rulesetDocs)
        throws ConfigurationException {
      String pointer = Pointers.child("/rules", name);
      Declared existing = rules.get(name);
      if (!value.isObject() || !(value.has("given") || value.has("then"))) {
        // a severity for a rule of an extended ruleset
        if (existing == null) {
          throw atKey(
              pointer,
              "rule '" + name + "' has no given and then, and no ruleset it extends defines it");
        }
        JsonNode severity = value.isObject() ? value.get("severity") : value;
        if (value.isObject()) {
          for (String key : keys(value)) {
            if (!key.equals("severity") && !key.equals("recommended")) {
              throw atKey(
                  Pointers.child(pointer, key),
                  "rule '" + name + "': only severity can change a rule of an extended ruleset");
            }
          }
        }
        if (severity != null) {
          existing.level =
              severity.isBoolean() && severity.booleanValue()
                  ? existing.definedLevel
                  : severity(
                      severity,
                      value.isObject() ? Pointers.child(pointer, "severity") : pointer,
                      name);
        }
        return;
      }
      for (String key : keys(value)) {
        if (!RULE_KEYS.contains(key)) {
          throw atKey(
              Pointers.child(pointer, key),
              "rule '"
                  + name
                  + "': unknown key '"
                  + key
                  + "'; a rule has "
                  + String.join(", ", RULE_KEYS));
        }
      }
      Level level =
          value.has("severity")
              ? severity(value.get("severity"), Pointers.child(pointer, "severity"), name)
              : Level.WARNING;
      JsonNode recommended = value.get("recommended");
      if (recommended != null && !recommended.isBoolean()) {
        throw at(
            Pointers.child(pointer, "recommended"),
            "rule '" + name + "': recommended is true or false");
      }
      Set<SpecVersion> ruleFormats =
          value.has("formats")
              ? formats(value.get("formats"), Pointers.child(pointer, "formats"))
              : formats;
      rules.put(
          name,
          new Declared(
              name,
              value,
              file,
              pointer,
              aliases,
              ruleFormats,
              value.has("formats")
                  ? forOtherDocuments(value.get("formats"))
                  : rulesetForOtherDocuments,
              rulesetDocs == null ? null : rulesetDocs + "#" + name,
              level,
              recommended == null || recommended.booleanValue()));
    }

    private void readOverrides(JsonNode overrides, Map<String, Declared> rules)
        throws ConfigurationException {
      if (overrides == null || overrides.isNull()) {
        return;
      }
      if (!overrides.isArray()) {
        throw at("/overrides", "'overrides' is a list of {files, rules}");
      }
      for (int i = 0; i < overrides.size(); i++) {
        String pointer = Pointers.child("/overrides", i);
        JsonNode override = overrides.get(i);
        if (!override.isObject()) {
          throw at(pointer, "an override is a mapping with files and rules");
        }
        for (String key : keys(override)) {
          if (!key.equals("files") && !key.equals("rules")) {
            throw atKey(
                Pointers.child(pointer, key),
                "overrides with '"
                    + key
                    + "' are not supported; an override has files and rules (severities)");
          }
        }
        JsonNode files = override.get("files");
        JsonNode ruleLevels = override.get("rules");
        if (files == null
            || !files.isArray()
            || files.isEmpty()
            || ruleLevels == null
            || !ruleLevels.isObject()) {
          throw at(
              pointer,
              "an override needs files (a list of globs) and rules (severities by rule name)");
        }
        for (JsonNode pattern : files) {
          if (!pattern.isTextual()) {
            throw at(Pointers.child(pointer, "files"), "files of an override are globs");
          }
          String glob = pattern.textValue();
          String fragment = null;
          int hash = glob.indexOf('#');
          if (hash >= 0) {
            fragment = glob.substring(hash + 1);
            glob = glob.substring(0, hash);
          }
          if (glob.startsWith("./")) {
            glob = glob.substring(2);
          }
          for (String name : keys(ruleLevels)) {
            Declared rule = rules.get(name);
            String rulePointer = Pointers.child(Pointers.child(pointer, "rules"), name);
            if (rule == null) {
              throw atKey(
                  rulePointer,
                  "the override names the rule '" + name + "', which no ruleset defines");
            }
            JsonNode severity = ruleLevels.get(name);
            Level level =
                severity.isBoolean() && severity.booleanValue()
                    ? rule.definedLevel
                    : severity(severity, rulePointer, name);
            rule.overrides.add(
                new DeclaredRule.FileSeverity(
                    path.getParent(),
                    Glob.compile(glob),
                    fragment == null || fragment.isEmpty() ? null : fragment,
                    level));
          }
        }
      }
    }

    private Level severity(JsonNode value, String pointer, String rule)
        throws ConfigurationException {
      if (value.isBoolean() && !value.booleanValue()) {
        return Level.OFF;
      }
      String text = value.isNumber() ? String.valueOf(value.intValue()) : value.asText();
      Level level =
          switch (value.isContainerNode() ? "" : text.toLowerCase(Locale.ROOT)) {
            case "error", "0" -> Level.ERROR;
            case "warn", "1" -> Level.WARNING;
            case "info", "hint", "2", "3" -> Level.NOTE;
            case "off", "-1" -> Level.OFF;
            default -> null;
          };
      if (level == null) {
        throw at(
            pointer,
            "rule '" + rule + "': bad severity " + value + "; use error, warn, info, hint or off");
      }
      return level;
    }

    private Set<SpecVersion> formats(JsonNode value, String pointer) throws ConfigurationException {
      Set<SpecVersion> versions = EnumSet.noneOf(SpecVersion.class);
      if (value == null) {
        return versions;
      }
      if (!value.isArray()) {
        throw at(pointer, "formats is a list such as [oas2, oas3]");
      }
      for (JsonNode format : value) {
        if (!format.isTextual()) {
          throw at(pointer, "formats are names such as oas2 and oas3, not " + format);
        }
        Set<SpecVersion> known = FORMATS.get(format.textValue());
        if (known != null) {
          versions.addAll(known);
        } else if (!OTHER_FORMATS.matcher(format.textValue()).matches()) {
          // Spectral takes an unknown name as a format no document has: so does threatlint
          warnings.add(
              at(
                      pointer,
                      "unknown format "
                          + format
                          + ", which no document has (threatlint reads oas2, oas3, oas3_0 and"
                          + " oas3_1 documents)")
                  .oneLine()
                  .replace(": error: ", ": warning: "));
        }
      }
      return versions;
    }

    /** Whether formats are given and none of them is an OpenAPI format. */
    private static boolean forOtherDocuments(JsonNode formats) {
      if (formats == null || !formats.isArray() || formats.isEmpty()) {
        return false;
      }
      for (JsonNode format : formats) {
        if (format.isTextual() && FORMATS.containsKey(format.textValue())) {
          return false;
        }
      }
      return true;
    }

    private ConfigurationException at(String pointer, String message) {
      Region region = file.index().valueRegion(pointer);
      return new ConfigurationException(
          file.displayPath(), region.startLine(), region.startColumn(), message);
    }

    private ConfigurationException atKey(String pointer, String message) {
      Region region = file.index().region(pointer);
      return new ConfigurationException(
          file.displayPath(), region.startLine(), region.startColumn(), message);
    }
  }

  // ------------------------------------------------------------------ compiling rules

  private static DeclaredRule compile(Declared rule) throws ConfigurationException {
    JsonNode node = rule.node;
    String pointer = rule.pointer;
    JsonNode givenNode = node.get("given");
    if (givenNode == null) {
      throw rule.problemAt(pointer, "rule '" + rule.name + "' has no given");
    }
    List<String> givenTexts = new ArrayList<>();
    if (givenNode.isTextual()) {
      givenTexts.add(givenNode.textValue());
    } else if (givenNode.isArray()) {
      for (JsonNode given : givenNode) {
        if (!given.isTextual()) {
          throw rule.problemAt(
              Pointers.child(pointer, "given"),
              "rule '" + rule.name + "': given is a JSONPath or a list of them");
        }
        givenTexts.add(given.textValue());
      }
    } else {
      throw rule.problemAt(
          Pointers.child(pointer, "given"),
          "rule '" + rule.name + "': given is a JSONPath or a list of them");
    }
    List<JsonPath> given = new ArrayList<>();
    for (String text : givenTexts) {
      for (String expanded : expandAliases(text, rule, 0)) {
        try {
          given.add(JsonPath.compile(expanded));
        } catch (IllegalArgumentException e) {
          throw rule.problemAt(
              Pointers.child(pointer, "given"), "rule '" + rule.name + "': " + e.getMessage());
        }
      }
    }
    JsonNode thenNode = node.get("then");
    if (thenNode == null || !(thenNode.isObject() || thenNode.isArray())) {
      throw rule.problemAt(
          pointer,
          "rule '"
              + rule.name
              + "' needs then: {function, field, functionOptions} or a list of them");
    }
    List<DeclaredRule.Then> then = new ArrayList<>();
    List<JsonNode> thens = new ArrayList<>();
    if (thenNode.isArray()) {
      thenNode.forEach(thens::add);
    } else {
      thens.add(thenNode);
    }
    for (int i = 0; i < thens.size(); i++) {
      String thenPointer =
          thenNode.isArray()
              ? Pointers.child(Pointers.child(pointer, "then"), i)
              : Pointers.child(pointer, "then");
      then.add(compileThen(rule, thens.get(i), thenPointer));
    }
    JsonNode resolved = node.get("resolved");
    if (resolved != null && !resolved.isBoolean()) {
      throw rule.problemAt(
          Pointers.child(pointer, "resolved"),
          "rule '" + rule.name + "': resolved is true or false");
    }
    JsonNode message = node.get("message");
    JsonNode description = node.get("description");
    JsonNode docs = node.get("documentationUrl");
    String documentationUrl =
        docs != null && docs.isTextual() ? docs.textValue() : rule.rulesetDocs;
    String docsProblem =
        documentationUrl == null ? null : DocsUrl.pageProblem(documentationUrl, documentationUrl);
    if (docsProblem != null) {
      throw rule.problemAt(
          docs != null ? Pointers.child(pointer, "documentationUrl") : pointer,
          "rule '" + rule.name + "': documentationUrl " + docsProblem);
    }
    String descriptionText =
        description != null && description.isTextual() ? description.textValue() : null;
    return new DeclaredRule(
        rule.name,
        descriptionText,
        message != null && message.isTextual() ? message.textValue() : null,
        List.copyOf(given),
        List.copyOf(then),
        rule.rulesetFormats,
        resolved == null || resolved.booleanValue(),
        List.copyOf(rule.overrides),
        metadata(rule, descriptionText, documentationUrl));
  }

  private static DeclaredRule.Then compileThen(Declared rule, JsonNode then, String pointer)
      throws ConfigurationException {
    if (!then.isObject()) {
      throw rule.problemAt(
          pointer, "rule '" + rule.name + "': then is {function, field, functionOptions}");
    }
    for (String key : keys(then)) {
      // a message in then is accepted by Spectral and changes nothing
      if (!List.of("field", "function", "functionOptions", "message").contains(key)) {
        throw rule.problemAt(
            Pointers.child(pointer, key),
            "rule '"
                + rule.name
                + "': unknown key '"
                + key
                + "' in then; use field, function and functionOptions");
      }
    }
    JsonNode function = then.get("function");
    if (function == null || !function.isTextual()) {
      throw rule.problemAt(pointer, "rule '" + rule.name + "': then needs a function");
    }
    RuleFunction compiled;
    try {
      compiled = CoreFunctions.create(function.textValue(), then.get("functionOptions"));
    } catch (IllegalArgumentException e) {
      throw rule.problemAt(
          Pointers.child(pointer, then.has("functionOptions") ? "functionOptions" : "function"),
          "rule '" + rule.name + "': " + e.getMessage());
    }
    JsonNode field = then.get("field");
    if (field == null) {
      return new DeclaredRule.Then(null, null, List.of(), compiled);
    }
    if (!field.isTextual()) {
      throw rule.problemAt(
          Pointers.child(pointer, "field"),
          "rule '" + rule.name + "': field is a property name, a path or a JSONPath");
    }
    String text = field.textValue();
    if (text.startsWith("$")) {
      try {
        return new DeclaredRule.Then(text, JsonPath.compile(text), List.of(), compiled);
      } catch (IllegalArgumentException e) {
        throw rule.problemAt(
            Pointers.child(pointer, "field"), "rule '" + rule.name + "': " + e.getMessage());
      }
    }
    return new DeclaredRule.Then(
        text, null, text.equals("@key") ? List.of() : lodashPath(text), compiled);
  }

  /** lodash's toPath: {@code a.b[0]['c.d']} is a, b, 0, c.d. */
  static List<Object> lodashPath(String text) {
    List<Object> keys = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        keys.add(current.toString());
        current.setLength(0);
        i++;
      } else if (c == '[') {
        if (current.length() > 0) {
          keys.add(current.toString());
          current.setLength(0);
        }
        int close = text.indexOf(']', i);
        if (close < 0) {
          current.append(text.substring(i));
          break;
        }
        String inside = text.substring(i + 1, close);
        if (inside.length() >= 2
            && (inside.startsWith("'") || inside.startsWith("\""))
            && inside.endsWith(inside.substring(0, 1))) {
          inside = inside.substring(1, inside.length() - 1);
        }
        keys.add(inside);
        i = close + 1;
        if (i < text.length() && text.charAt(i) == '.') {
          i++;
        }
      } else {
        current.append(c);
        i++;
      }
    }
    if (current.length() > 0 || text.endsWith(".")) {
      keys.add(current.toString());
    }
    return keys;
  }

  /** {@code #Name.rest}: each path of the alias Name, followed by the rest. */
  private static List<String> expandAliases(String given, Declared rule, int depth)
      throws ConfigurationException {
    if (!given.startsWith("#")) {
      return List.of(given);
    }
    int end = 1;
    while (end < given.length() && ".[~".indexOf(given.charAt(end)) < 0) {
      end++;
    }
    String name = given.substring(1, end);
    JsonNode alias = rule.aliases.get(name);
    String pointer = Pointers.child(rule.pointer, "given");
    if (alias == null) {
      throw rule.problemAt(
          pointer, "rule '" + rule.name + "': the alias '" + name + "' is not defined");
    }
    if (depth > 16) {
      throw rule.problemAt(
          pointer, "rule '" + rule.name + "': the alias '" + name + "' refers to itself");
    }
    List<String> paths = new ArrayList<>();
    if (alias.isTextual()) {
      paths.add(alias.textValue());
    } else if (alias.isArray()) {
      for (JsonNode path : alias) {
        paths.add(path.asText());
      }
    } else {
      throw rule.problemAt(
          pointer,
          "rule '"
              + rule.name
              + "': the alias '"
              + name
              + "' is scoped (by formats); threatlint reads aliases that are a JSONPath or a list of them");
    }
    List<String> expanded = new ArrayList<>();
    for (String path : paths) {
      expanded.addAll(expandAliases(path + given.substring(end), rule, depth + 1));
    }
    return expanded;
  }

  /** The rule's metadata: level from the severity, mappings from {@code x-threatlint}. */
  private static RuleMetadata metadata(Declared rule, String description, String documentationUrl)
      throws ConfigurationException {
    List<String> owasp = new ArrayList<>();
    List<String> scenarios = new ArrayList<>();
    JsonNode mappings = rule.node.get("x-threatlint");
    // only a rule mapped to security (x-threatlint) is a security alert in code scanning; its
    // severity then follows its level unless x-threatlint gives one
    double severity =
        mappings == null
            ? 0
            : switch (rule.level) {
              case ERROR -> 7.0;
              case WARNING -> 4.0;
              default -> 2.0;
            };
    String pointer = Pointers.child(rule.pointer, "x-threatlint");
    if (mappings != null) {
      if (!mappings.isObject()) {
        throw rule.problemAt(
            pointer,
            "rule '"
                + rule.name
                + "': x-threatlint maps owasp2023, sftiScenarios and securitySeverity");
      }
      for (String key : keys(mappings)) {
        JsonNode value = mappings.get(key);
        String at = Pointers.child(pointer, key);
        switch (key) {
          case "owasp2023" -> {
            for (JsonNode category : value.isArray() ? value : List.of(value)) {
              if (!category.isTextual() || !category.textValue().matches("API([1-9]|10)")) {
                throw rule.problemAt(
                    at,
                    "rule '"
                        + rule.name
                        + "': owasp2023 takes categories API1 to API10, not "
                        + category);
              }
              owasp.add(category.textValue());
            }
          }
          case "sftiScenarios" -> {
            // named as in the threat catalogue; the threat-model report lists a name it does not
            // know (core.ruleset cannot read the catalogue: core.threatmodel depends on core.check)
            for (JsonNode scenario : value.isArray() ? value : List.of(value)) {
              if (!scenario.isTextual() || scenario.textValue().isBlank()) {
                throw rule.problemAt(
                    at,
                    "rule '"
                        + rule.name
                        + "': sftiScenarios takes the names of SFTI scenarios, not "
                        + scenario);
              }
              scenarios.add(scenario.textValue());
            }
          }
          case "securitySeverity" -> {
            if (!value.isNumber() || value.doubleValue() < 0.1 || value.doubleValue() > 10) {
              throw rule.problemAt(
                  at, "rule '" + rule.name + "': securitySeverity is a number from 0.1 to 10");
            }
            severity = value.doubleValue();
          }
          default ->
              throw rule.problemAt(
                  at,
                  "rule '"
                      + rule.name
                      + "': unknown key '"
                      + key
                      + "' in x-threatlint; use owasp2023, sftiScenarios and securitySeverity");
        }
      }
    }
    String title = description != null ? description : rule.name;
    return new RuleMetadata(
        rule.name,
        title,
        description != null
            ? description
            : "Rule " + rule.name + " of the ruleset " + rule.file.displayPath() + ".",
        rule.level,
        owasp,
        scenarios,
        severity,
        "custom",
        documentationUrl);
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      keys.add(names.next());
    }
    return keys;
  }
}
