package io.github.threatlint.maven;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.engine.RuleDescriptor;
import io.github.threatlint.core.rule.Level;
import io.github.threatlint.core.source.ParsedFile;
import io.github.threatlint.core.source.Region;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import io.github.threatlint.rules.BuiltInRules;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration file and the baseline, read in the plugin until analyzer-core has its own
 * configuration package, which will replace this class. It reads the subset of the file formats that
 * the command line will share: in {@code .threatlint.yaml}, {@code extends} (a profile) and
 * {@code rules} with a level per rule id; in a baseline, {@code findings} entries of {@code ruleId},
 * {@code file} (relative to the baseline's folder) and {@code pointer}. Anything else is refused with
 * its place, never silently ignored.
 */
final class InterimConfiguration {
  /** The names looked for from the module's folder upward when no configLocation is given. */
  static final List<String> FILE_NAMES = List.of(".threatlint.yaml", ".threatlint.yml", ".threatlint.json");

  /** A configuration file's content; {@code displayPath} is null when there is no file. */
  record Settings(String displayPath, Profile profile, Map<String, Level> levels) {
    static final Settings NONE = new Settings(null, null, Map.of());
  }

  private InterimConfiguration() {}

  /** The configuration file at {@code location}, else the nearest one from {@code directory} upward, else none. */
  static Settings load(Path location, Path directory, Path displayRoot) throws InvalidCheckException {
    Path file = location;
    if (file != null && !Files.isRegularFile(file)) {
      throw new InvalidCheckException(CheckRunner.display(displayRoot, file)
          + ": error: no such configuration file (configLocation, threatlint.configLocation)");
    }
    for (Path folder = directory.toAbsolutePath().normalize(); file == null && folder != null; folder = folder.getParent()) {
      for (String name : FILE_NAMES) {
        if (Files.isRegularFile(folder.resolve(name))) {
          file = folder.resolve(name);
          break;
        }
      }
    }
    if (file == null) {
      return Settings.NONE;
    }
    if (isBlankOrComments(file)) {
      return new Settings(CheckRunner.display(displayRoot, file), null, Map.of());
    }
    ParsedFile parsed = parse(file, CheckRunner.display(displayRoot, file));
    JsonNode root = parsed.root();
    if (!root.isObject()) {
      throw problem(parsed, "", "a configuration is a mapping with 'extends' and 'rules'");
    }
    Profile profile = null;
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      JsonNode value = root.get(key);
      if (key.equals("extends")) {
        profile = Profile.parse(value.asText());
        if (profile == null || !value.isTextual()) {
          throw problem(parsed, "/extends", "'extends' takes recommended, sfti or strict, not '" + value.asText() + "'");
        }
      } else if (key.equals("rules") && value.isObject()) {
        for (Iterator<String> ids = value.fieldNames(); ids.hasNext(); ) {
          String id = ids.next();
          String pointer = "/rules/" + id.replace("~", "~0").replace("/", "~1");
          if (BuiltInRules.byId(id) == null) {
            throw problem(parsed, pointer, "unknown rule '" + id + "'");
          }
          JsonNode setting = value.get(id);
          // YAML 1.1 reads an unquoted off as false
          Level level = setting.isBoolean() && !setting.booleanValue() ? Level.OFF
              : setting.isTextual() ? Level.parse(setting.textValue()) : null;
          if (level == null) {
            throw problem(parsed, pointer, "the Maven plugin reads a level here (off, note, warning or error); "
                + "rule options are not supported by this version of the plugin");
          }
          levels.put(id, level);
        }
      } else {
        throw problem(parsed, "/" + key, "'" + key + "' is not supported by this version of the Maven plugin, "
            + "which reads 'extends' and rule levels under 'rules'");
      }
    }
    return new Settings(parsed.displayPath(), profile, levels);
  }

  /** The rules of the profile (the explicit one, else the file's, else recommended) with the file's levels. */
  static List<EnabledRule> rules(Profile explicitProfile, Settings settings) {
    Profile profile = effectiveProfile(explicitProfile, settings);
    List<EnabledRule> rules = new ArrayList<>();
    for (RuleDescriptor rule : BuiltInRules.all()) {
      Level level = settings.levels().getOrDefault(rule.id(), profile.levelOf(rule.info()));
      if (level != Level.OFF) {
        rules.add(new EnabledRule(rule, level, Map.of()));
      }
    }
    return rules;
  }

  static Profile effectiveProfile(Profile explicitProfile, Settings settings) {
    return explicitProfile != null ? explicitProfile : settings.profile() != null ? settings.profile() : Profile.RECOMMENDED;
  }

  /** The keys of a baseline file: rule id, file relative to the baseline's folder, JSON pointer. */
  record BaselineEntries(String displayPath, Path directory, Set<List<String>> keys) {}

  static BaselineEntries readBaseline(Path file, Path displayRoot) throws InvalidCheckException {
    ParsedFile parsed = parse(file, CheckRunner.display(displayRoot, file));
    JsonNode findings = parsed.root().path("findings");
    if (!findings.isArray()) {
      throw problem(parsed, "", "not a threatlint baseline: it needs a top-level 'findings' list");
    }
    Set<List<String>> keys = new HashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode entry = findings.get(i);
      for (String field : List.of("ruleId", "file", "pointer")) {
        if (!entry.path(field).isTextual()) {
          throw problem(parsed, "/findings/" + i, "a baseline entry needs a text '" + field + "'");
        }
      }
      keys.add(List.of(entry.get("ruleId").textValue(), entry.get("file").textValue(), entry.get("pointer").textValue()));
    }
    return new BaselineEntries(parsed.displayPath(), file.toAbsolutePath().normalize().getParent(), keys);
  }

  /** Marks the findings the baseline holds as suppressed, "in the baseline FILE". */
  static AnalysisResult applyBaseline(AnalysisResult result, BaselineEntries baseline, Path displayRoot) {
    Finding.Suppression baselined = new Finding.Suppression(Finding.Suppression.EXTERNAL, "in the baseline " + baseline.displayPath());
    List<Finding> marked = new ArrayList<>();
    for (Finding finding : result.findings()) {
      Path file = displayRoot.resolve(finding.file()).toAbsolutePath().normalize();
      String relative = file.startsWith(baseline.directory())
          ? baseline.directory().relativize(file).toString().replace(File.separatorChar, '/') : file.toString();
      boolean held = !finding.isSuppressed() && baseline.keys().contains(List.of(finding.ruleId(), relative, finding.pointer()));
      marked.add(held ? finding.withSuppression(baselined) : finding);
    }
    return new AnalysisResult(List.copyOf(marked), result.errors(), result.files(), result.rules());
  }

  private static boolean isBlankOrComments(Path file) throws InvalidCheckException {
    try {
      return Files.readAllLines(file).stream().map(String::strip).allMatch(line -> line.isEmpty() || line.startsWith("#"));
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      return false; // the parser reports what is wrong with the file
    }
  }

  private static ParsedFile parse(Path file, String displayPath) throws InvalidCheckException {
    try {
      return TreeParser.parse(new SourceReader(SourceReader.DEFAULT_MAX_BYTES).read(file, displayPath));
    } catch (SourceException e) {
      throw new InvalidCheckException(displayPath + (e.line() > 0 ? ":" + e.line() + (e.column() > 0 ? ":" + e.column() : "") : "")
          + ": error: " + e.getMessage(), e);
    }
  }

  private static InvalidCheckException problem(ParsedFile file, String pointer, String message) {
    Region region = file.index().region(pointer);
    return new InvalidCheckException(file.displayPath() + ":" + region.startLine() + ":" + region.startColumn() + ": error: " + message);
  }
}
