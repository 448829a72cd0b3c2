package io.github.threatlint.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Jimfs;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.engine.Profile;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigurationLoaderTest {
  private final FileSystem fs = Jimfs.newFileSystem(com.google.common.jimfs.Configuration.unix());
  private final Path project = fs.getPath("/work/project");
  private final ConfigurationLoader loader = new ConfigurationLoader(TestRules.CATALOG);

  @AfterEach
  void close() throws IOException {
    fs.close();
  }

  private Configuration load(String name, String text) throws Exception {
    Files.createDirectories(project);
    Path file = project.resolve(name);
    Files.writeString(file, text);
    return loader.load(file, name);
  }

  private String error(String text) {
    return error(".threatlint.yaml", text);
  }

  private String error(String name, String text) {
    try {
      load(name, text);
    } catch (ConfigurationException e) {
      return e.oneLine();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no configuration error for:\n" + text);
  }

  // ---------------------------------------------------------------- valid files

  @Test
  void readsTheTimeLimitInSeconds() throws Exception {
    assertThat(load(".threatlint.yaml", "timeLimit: 5\n").timeLimit())
        .isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(load(".threatlint.yaml", "extends: sfti\n").timeLimit()).isNull();
  }

  @Test
  void readsEveryPartOfACompleteConfiguration() throws Exception {
    Configuration config =
        load(
            ".threatlint.yaml",
            """
        extends: sfti
        rules:
          test-sfti-only: off
          test-sfti-stricter:
            level: "off"
          test-flagged: note
          test-typed:
            level: error
            options:
              strictMode: true
              maxItems: 3
              ratio: 1
              name: accounts
              paths: ["/status", "/health/**"]
        ignore:
          - file: specs/legacy/**
            rule: test-flagged
            pointer: /paths/~1old/**
            reason: The legacy API is replaced next quarter.
          - file: ./api.yaml
            rule: test-typed
            reason: Accepted by the architecture board.
        docsUrl: https://wiki.bank.example/threatlint/rules/{rule}.html
        """);
    assertThat(config.displayPath()).isEqualTo(".threatlint.yaml");
    assertThat(config.docsUrl().of("test-typed"))
        .isEqualTo("https://wiki.bank.example/threatlint/rules/test-typed.html");
    assertThat(config.directory()).isEqualTo(project);
    assertThat(config.profile()).isEqualTo(Profile.SFTI);
    assertThat(config.rules())
        .containsOnlyKeys("test-sfti-only", "test-sfti-stricter", "test-flagged", "test-typed");
    assertThat(config.rules().get("test-sfti-stricter").level()).isEqualTo(Level.OFF);
    assertThat(config.rules().get("test-sfti-only"))
        .isEqualTo(new Configuration.RuleSetting(Level.OFF, Map.of()));
    assertThat(config.rules().get("test-flagged"))
        .isEqualTo(new Configuration.RuleSetting(Level.NOTE, Map.of()));
    Configuration.RuleSetting typed = config.rules().get("test-typed");
    assertThat(typed.level()).isEqualTo(Level.ERROR);
    assertThat(typed.options())
        .containsExactly(
            Map.entry("strictMode", true),
            Map.entry("maxItems", 3),
            Map.entry("ratio", 1.0),
            Map.entry("name", "accounts"),
            Map.entry("paths", List.of("/status", "/health/**")));
    assertThat(config.ignores()).hasSize(2);
    Configuration.Ignore legacy = config.ignores().get(0);
    assertThat(legacy.ruleId()).isEqualTo("test-flagged");
    assertThat(legacy.reason()).isEqualTo("The legacy API is replaced next quarter.");
    assertThat(legacy.matches("specs/legacy/v1/api.yaml", "test-flagged", "/paths/~1old/get"))
        .isTrue();
    assertThat(legacy.matches("specs/legacy/v1/api.yaml", "test-flagged", "/paths/~1new/get"))
        .isFalse();
    assertThat(legacy.matches("specs/current/api.yaml", "test-flagged", "/paths/~1old/get"))
        .isFalse();
    assertThat(legacy.matches("specs/legacy/v1/api.yaml", "test-typed", "/paths/~1old/get"))
        .isFalse();
    Configuration.Ignore whole = config.ignores().get(1);
    assertThat(whole.pointer()).isNull();
    assertThat(whole.matches("api.yaml", "test-typed", "/anything/at/all")).isTrue();
  }

  @Test
  void readsJsonWithTheSameMeaning() throws Exception {
    Configuration config =
        load(
            ".threatlint.json",
            """
        {
          "extends": "strict",
          "rules": {"test-typed": {"options": {"paths": []}}, "test-flagged": "warning"}
        }
        """);
    assertThat(config.profile()).isEqualTo(Profile.STRICT);
    assertThat(config.rules().get("test-typed"))
        .isEqualTo(new Configuration.RuleSetting(null, Map.of("paths", List.of())));
    assertThat(config.rules().get("test-flagged").level()).isEqualTo(Level.WARNING);
  }

  @Test
  void aFileOfOnlyCommentsOrEmptySectionsIsTheDefault() throws Exception {
    Configuration comments = load(".threatlint.yaml", "# nothing configured yet\n\n---\n");
    assertThat(comments.profile()).isNull();
    assertThat(comments.rules()).isEmpty();
    assertThat(comments.ignores()).isEmpty();
    assertThat(comments.docsUrl()).isEqualTo(DocsUrl.DEFAULT);
    Configuration emptySections = load(".threatlint.yml", "rules:\nignore:\n");
    assertThat(emptySections.rules()).isEmpty();
    assertThat(emptySections.ignores()).isEmpty();
  }

  // ---------------------------------------------------------------- finding the file

  @Test
  void findsTheNearestConfigurationUpwards() throws Exception {
    Path nested = project.resolve("specs/v1");
    Files.createDirectories(nested);
    assertThat(ConfigurationLoader.find(nested)).isEmpty();
    Files.writeString(fs.getPath("/work/.threatlint.json"), "{}");
    assertThat(ConfigurationLoader.find(nested)).contains(fs.getPath("/work/.threatlint.json"));
    Files.writeString(project.resolve(".threatlint.yml"), "extends: strict\n");
    assertThat(ConfigurationLoader.find(nested)).contains(project.resolve(".threatlint.yml"));
    Files.writeString(nested.resolve(".threatlint.yaml"), "extends: sfti\n");
    assertThat(ConfigurationLoader.find(nested)).contains(nested.resolve(".threatlint.yaml"));
  }

  @Test
  void twoConfigurationFilesInOneFolderAreAnError() throws Exception {
    Files.createDirectories(project);
    Files.writeString(project.resolve(".threatlint.yaml"), "extends: strict\n");
    Files.writeString(project.resolve(".threatlint.json"), "{}");
    assertThatThrownBy(() -> ConfigurationLoader.find(project))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).oneLine())
        .isEqualTo(
            "/work/project/.threatlint.yaml: error: two configuration files in one folder "
                + "(.threatlint.yaml and .threatlint.json); keep one");
  }

  // ---------------------------------------------------------------- every error, with file, line
  // and column

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      invalid YAML               | `rules:\\n  test-flagged: [note\\n`                      | .threatlint.yaml:3:1: error: invalid YAML: expected ',' or ']', but got <stream end>
      duplicate key              | `extends: sfti\\nextends: strict\\n`                     | .threatlint.yaml:2:1: error: the key 'extends' appears twice (first on line 1)
      not a mapping              | `- extends\\n- sfti\\n`                                  | .threatlint.yaml:1:1: error: the configuration must be a mapping with the keys extends, rules, ignore, docsUrl, timeLimit, rulesets, rulesetErrors and plugins
      unknown top-level key      | `extend: sfti\\n`                                        | .threatlint.yaml:1:1: error: unknown key 'extend' (did you mean 'extends'?); a configuration has extends, rules, ignore, docsUrl, timeLimit, rulesets, rulesetErrors and plugins
      unknown top-level key, far | `rules: {}\\noverrides: []\\n`                           | .threatlint.yaml:2:1: error: unknown key 'overrides'; a configuration has extends, rules, ignore, docsUrl, timeLimit, rulesets, rulesetErrors and plugins
      unknown profile            | `extends: paranoid\\n`                                   | .threatlint.yaml:1:10: error: unknown profile "paranoid" in extends; use recommended, sfti or strict
      profile not a string       | `extends: [sfti]\\n`                                     | .threatlint.yaml:1:10: error: unknown profile ["sfti"] in extends; use recommended, sfti or strict
      rules not a mapping        | `rules:\\n  - test-flagged\\n`                           | .threatlint.yaml:2:3: error: 'rules' must map rule ids to a level (off, note, warning, error) or to {level, options}, not a list
      unknown rule id            | `rules:\\n  test-flaged: off\\n`                         | .threatlint.yaml:2:3: error: unknown rule 'test-flaged' (did you mean 'test-flagged'?); 'threatlint rules' lists the rule ids
      unknown rule id, far       | `rules:\\n  no-such-thing: off\\n`                       | .threatlint.yaml:2:3: error: unknown rule 'no-such-thing'; 'threatlint rules' lists the rule ids
      bad level                  | `rules:\\n  test-flagged: warn\\n`                       | .threatlint.yaml:2:17: error: bad level "warn" for rule test-flagged; use off, note, warning or error
      bad level in a mapping     | `rules:\\n  test-flagged:\\n    level: fatal\\n`         | .threatlint.yaml:3:12: error: bad level "fatal" for rule test-flagged; use off, note, warning or error
      level not a string         | `rules:\\n  test-flagged:\\n    level: 2\\n`             | .threatlint.yaml:3:12: error: bad level 2 for rule test-flagged; use off, note, warning or error
      rule setting of wrong kind | `rules:\\n  test-flagged: [note]\\n`                     | .threatlint.yaml:2:17: error: rule test-flagged takes a level (off, note, warning, error) or {level, options}, not a list
      true as rule setting       | `rules:\\n  test-flagged: on\\n`                         | .threatlint.yaml:2:17: error: bad level true for rule test-flagged (YAML reads an unquoted yes, on or true as true); use off, note, warning or error
      true as level              | `rules:\\n  test-flagged:\\n    level: yes\\n`         | .threatlint.yaml:3:12: error: bad level true for rule test-flagged (YAML reads an unquoted yes, on or true as true); use off, note, warning or error
      unknown rule setting key   | `rules:\\n  test-flagged:\\n    option: {}\\n`           | .threatlint.yaml:3:5: error: unknown key 'option' in the settings of rule test-flagged (did you mean 'options'?); use level and options
      options not a mapping      | `rules:\\n  test-typed:\\n    options: [a]\\n`           | .threatlint.yaml:3:14: error: the options of rule test-typed must be a mapping from option name to value, not a list
      unknown option             | `rules:\\n  test-typed:\\n    options:\\n      maxItem: 3\\n` | .threatlint.yaml:4:7: error: rule test-typed has no option 'maxItem' (did you mean 'maxItems'?); its options: strictMode, maxItems, ratio, name, paths
      option of optionless rule  | `rules:\\n  test-sfti-only:\\n    options:\\n      limit: 3\\n` | .threatlint.yaml:4:7: error: rule test-sfti-only has no option 'limit'; it has no options
      boolean option, string     | `rules:\\n  test-typed:\\n    options:\\n      strictMode: "yes"\\n` | .threatlint.yaml:4:19: error: option 'strictMode' of rule test-typed takes a boolean, not a string ("yes")
      integer option, decimal    | `rules:\\n  test-typed:\\n    options:\\n      maxItems: 2.5\\n` | .threatlint.yaml:4:17: error: option 'maxItems' of rule test-typed takes an integer, not a number (2.5)
      integer option, too large  | `rules:\\n  test-typed:\\n    options:\\n      maxItems: 3000000000\\n` | .threatlint.yaml:4:17: error: option 'maxItems' of rule test-typed takes an integer, not a number (3000000000)
      number option, string      | `rules:\\n  test-typed:\\n    options:\\n      ratio: "0.5"\\n` | .threatlint.yaml:4:14: error: option 'ratio' of rule test-typed takes a number, not a string ("0.5")
      string option, list        | `rules:\\n  test-typed:\\n    options:\\n      name: [a]\\n` | .threatlint.yaml:4:13: error: option 'name' of rule test-typed takes a string, not a list
      list option, single string | `rules:\\n  test-typed:\\n    options:\\n      paths: /health\\n` | .threatlint.yaml:4:14: error: option 'paths' of rule test-typed takes a list of strings, not a string ("/health")
      list option, number inside | `rules:\\n  test-typed:\\n    options:\\n      paths: [/a, 3]\\n` | .threatlint.yaml:4:14: error: option 'paths' of rule test-typed takes a list of strings, but an element is a number (3)
      list option, null          | `rules:\\n  test-typed:\\n    options:\\n      paths:\\n`  | .threatlint.yaml:4:13: error: option 'paths' of rule test-typed takes a list of strings, not null
      ignore not a list          | `ignore:\\n  file: a.yaml\\n`                            | .threatlint.yaml:2:3: error: 'ignore' must be a list of entries with file, rule, pointer (optional) and reason, not a mapping
      ignore entry not a mapping | `ignore:\\n  - a.yaml\\n`                                | .threatlint.yaml:2:5: error: an ignore entry must be a mapping with file, rule, pointer (optional) and reason, not a string ("a.yaml")
      ignore entry unknown key   | `ignore:\\n  - file: a.yaml\\n    rules: test-flagged\\n` | .threatlint.yaml:3:5: error: unknown key 'rules' in an ignore entry (did you mean 'rule'?); use file, rule, pointer and reason
      ignore entry without file  | `ignore:\\n  - rule: test-flagged\\n    reason: r\\n`    | .threatlint.yaml:2:5: error: an ignore entry needs 'file': a file glob such as specs/**/*.yaml
      ignore entry without rule  | `ignore:\\n  - file: a.yaml\\n    reason: r\\n`          | .threatlint.yaml:2:5: error: an ignore entry needs 'rule': a rule id
      ignore entry without reason| `ignore:\\n  - file: a.yaml\\n    rule: test-flagged\\n` | .threatlint.yaml:2:5: error: an ignore entry needs 'reason': why the finding is acceptable
      ignore entry, empty reason | `ignore:\\n  - file: a.yaml\\n    rule: test-flagged\\n    reason: "  "\\n` | .threatlint.yaml:4:13: error: 'reason' of an ignore entry takes why the finding is acceptable, not an empty string
      ignore entry, unknown rule | `ignore:\\n  - file: a.yaml\\n    rule: test-flaged\\n    reason: r\\n` | .threatlint.yaml:3:11: error: unknown rule 'test-flaged' (did you mean 'test-flagged'?); 'threatlint rules' lists the rule ids
      ignore entry, rule list    | `ignore:\\n  - file: a.yaml\\n    rule: [test-flagged]\\n    reason: r\\n` | .threatlint.yaml:3:11: error: 'rule' of an ignore entry takes a rule id, not a list
      ignore entry, bad pointer  | `ignore:\\n  - file: a.yaml\\n    rule: test-flagged\\n    pointer: paths/x\\n    reason: r\\n` | .threatlint.yaml:4:14: error: the pointer of an ignore entry is a glob over JSON pointers starting with '/', such as /paths/~1health/**, not a string ("paths/x")
      docsUrl without {rule}     | `docsUrl: https://wiki.example.com/rules/\n`            | .threatlint.yaml:1:10: error: docsUrl needs {rule} where the rule id goes, as in https://wiki.example.com/threatlint/rules/{rule}.html
      docsUrl not http(s)        | `docsUrl: "wiki/{rule}.html"\n`                        | .threatlint.yaml:1:10: error: docsUrl must be an absolute http or https URL, not 'wiki/{rule}.html'
      docsUrl not a URL          | `docsUrl: "https://wiki.example.com/a b/{rule}"\n`     | .threatlint.yaml:1:10: error: docsUrl is not a valid URL (illegal character in path): 'https://wiki.example.com/a b/{rule}'
      docsUrl not a string       | `docsUrl: [a]\n`                                       | .threatlint.yaml:1:10: error: docsUrl takes a URL template such as https://wiki.example.com/threatlint/rules/{rule}.html, not a list
      timeLimit zero             | `timeLimit: 0\n`                                       | .threatlint.yaml:1:12: error: timeLimit takes a positive number of seconds per file, not a number (0)
      timeLimit not a number     | `timeLimit: 1m\n`                                      | .threatlint.yaml:1:12: error: timeLimit takes a positive number of seconds per file, not a string ("1m")
      """)
  void reportsEachProblemOnOneLineWithItsPlace(String name, String yaml, String expected) {
    assertThat(error(yaml.replace("\\n", "\n"))).isEqualTo(expected);
  }

  @Test
  void jsonErrorsHaveLinesToo() {
    assertThat(
            error(
                ".threatlint.json", "{\n  \"rules\": {\n    \"test-flagged\": \"loud\"\n  }\n}\n"))
        .isEqualTo(
            ".threatlint.json:3:21: error: bad level \"loud\" for rule test-flagged; use off, note, warning or error");
    assertThat(error(".threatlint.json", "{\n  \"rules\": {,}\n}\n"))
        .startsWith(".threatlint.json:2:13: error: invalid JSON:");
  }

  @Test
  void anUnreadableFileIsAConfigurationError() throws Exception {
    Files.createDirectories(project);
    Path file = project.resolve(".threatlint.yaml");
    Files.write(file, new byte[] {'r', 'u', 'l', 'e', 's', ':', ' ', (byte) 0xC3, (byte) 0x28});
    assertThatThrownBy(() -> loader.load(file, ".threatlint.yaml"))
        .extracting(e -> ((ConfigurationException) e).oneLine())
        .isEqualTo(
            ".threatlint.yaml: error: cannot read the configuration: not valid UTF-8 text (malformed bytes at offset 7)");
    assertThatThrownBy(() -> loader.load(project.resolve("missing.yaml"), "missing.yaml"))
        .extracting(e -> ((ConfigurationException) e).oneLine())
        .isEqualTo("missing.yaml: error: cannot read the configuration: no such file");
  }
}
