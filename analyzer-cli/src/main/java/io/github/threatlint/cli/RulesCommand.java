package io.github.threatlint.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code threatlint rules}: the catalog of built-in rules, with those of the configuration's
 * plugins and rulesets, as a table, JSON or Markdown.
 */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.VersionProvider.class,
    description =
        "Lists the built-in rules with their level and their OWASP API Top 10 and SFTI mappings. "
            + "'threatlint explain RULE-ID' prints one rule's documentation.")
final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final Cli.Environment environment;

  RulesCommand(Cli.Environment environment) {
    this.environment = environment;
  }

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default), json or markdown.")
  String format;

  @Option(
      names = {"-p", "--profile"},
      paramLabel = "PROFILE",
      description =
          "Only the rules this profile enables (recommended, sfti or strict), at its levels. "
              + "Without it: every rule, at its default level (off: only in strict or when enabled).")
  String profile;

  @Override
  public Integer call() throws IOException {
    Profile selected = Profile.RECOMMENDED;
    List<RuleDescriptor> rules;
    try {
      rules = new ArrayList<>(ConfiguredRules.catalog(environment.workingDirectory()));
    } catch (ConfigurationException e) {
      spec.commandLine().getErr().println(e.oneLine());
      return ExitCodes.ERROR;
    }
    if (profile != null) {
      selected = Profile.parse(profile);
      if (selected == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown profile '" + profile + "' (choose from recommended, sfti, strict)");
      }
      Profile chosen = selected;
      rules.removeIf(rule -> chosen.levelOf(rule.info()) == Level.OFF);
    }
    Profile levels = selected;
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "table" -> out.print(table(rules, levels));
      case "json" -> out.print(json(rules, levels));
      case "markdown" ->
          out.print(
              RuleDocs.table(
                  rules,
                  rule -> levels.levelOf(rule.info()).label(),
                  id -> "[`" + id + "`](" + DocsUrl.DEFAULT.withOwnPagesOf(rules).of(id) + ")"));
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "unknown format '" + format + "' (choose from table, json, markdown)");
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  /** Aligned columns: id, level, OWASP 2023, SFTI areas, title; then a count. */
  private static String table(List<RuleDescriptor> rules, Profile profile) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"RULE", "LEVEL", "OWASP-2023", "SFTI", "TITLE"});
    for (RuleDescriptor rule : rules) {
      RuleInfo info = rule.info();
      rows.add(
          new String[] {
            rule.id(),
            profile.levelOf(info).label(),
            codes(info.owasp2023()),
            codes(info.sftiAreas()),
            info.title()
          });
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < widths.length; i++) {
        text.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      text.append(row[4]).append('\n');
    }
    text.append(rules.size())
        .append(rules.size() == 1 ? " rule" : " rules")
        .append(", levels of the ")
        .append(profile.label())
        .append(" profile. 'threatlint explain RULE-ID' prints a rule's documentation.\n");
    return text.toString();
  }

  /** One object per rule with all its metadata and options. */
  private static String json(List<RuleDescriptor> rules, Profile profile) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartArray();
      for (RuleDescriptor rule : rules) {
        RuleInfo info = rule.info();
        json.writeStartObject();
        json.writeStringField("id", info.id());
        json.writeStringField("title", info.title());
        json.writeStringField("description", info.description());
        json.writeStringField("level", profile.levelOf(info).label());
        json.writeStringField("defaultLevel", info.level().label());
        json.writeStringField("sftiLevel", Profile.SFTI.levelOf(info).label());
        json.writeStringField("section", info.section());
        writeArray(json, "owasp2023", info.owasp2023());
        writeArray(json, "owasp2019", info.owasp2019());
        writeArray(json, "sftiAreas", info.sftiAreas());
        writeArray(json, "sftiScenarios", info.sftiScenarios());
        json.writeNumberField("securitySeverity", info.securitySeverity());
        json.writeStringField("precision", info.precision());
        json.writeArrayFieldStart("options");
        for (Field option : rule.options()) {
          json.writeStartObject();
          json.writeStringField("name", option.getName());
          json.writeStringField("type", RuleDescriptor.typeName(option));
          json.writeFieldName("default");
          writeValue(json, rule.defaultValue(option));
          json.writeStringField("description", rule.optionDescription(option));
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("helpUri", DocsUrl.DEFAULT.of(rule));
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return text + "\n";
  }

  private static void writeArray(JsonGenerator json, String name, String[] values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeValue(JsonGenerator json, Object value) throws IOException {
    if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Integer number) {
      json.writeNumber(number);
    } else if (value instanceof Double number) {
      json.writeNumber(number);
    } else if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value.toString());
    }
  }

  private static String codes(String[] codes) {
    return codes.length == 0 ? "-" : String.join(",", codes);
  }
}
