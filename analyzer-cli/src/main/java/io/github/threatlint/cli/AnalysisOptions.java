package io.github.threatlint.cli;

import io.github.threatlint.core.config.Configuration;
import io.github.threatlint.core.config.ConfigurationException;
import io.github.threatlint.core.config.ConfigurationLoader;
import io.github.threatlint.core.config.RuleSelection;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.resolve.SpecFiles;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that decide what is analysed and how, shared by {@code check} and {@code report} so
 * that both read the same configuration, run the same rules and follow references the same way.
 */
final class AnalysisOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE",
      description = "Rule profile: recommended, sfti or strict (default: the configuration's 'extends', else "
          + "recommended for check and sfti for report).")
  String profile;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Configuration file (default: .threatlint.yaml, .yml or .json in the working directory or the nearest folder above).")
  String config;

  @Option(names = "--enable", paramLabel = "RULE", description = "Also run this rule when it is off (at the level the strict profile gives it). Repeatable.")
  List<String> enable = new ArrayList<>();

  @Option(names = "--disable", paramLabel = "RULE", description = "Do not run this rule. Repeatable.")
  List<String> disable = new ArrayList<>();

  @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "64m",
      description = "Refuse files larger than this (suffixes k, m, g; default 64m).")
  String maxFileSize;

  @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
      description = "Stop analysing a file after this many seconds and report it as an error (default 60).")
  int timeLimitSeconds;

  @Option(names = "--root", paramLabel = "DIR",
      description = "References may only reach files inside DIR (default: the working directory); others are reported by ref-unresolved and not read.")
  Path root;

  @Option(names = "--allow-remote-refs",
      description = "Fetch http(s) references to the hosts of --remote-host (off by default), with a time and size limit, "
          + "never from loopback, link-local or private addresses.")
  boolean allowRemoteRefs;

  @Option(names = "--remote-host", paramLabel = "HOST",
      description = "A host whose references --allow-remote-refs may fetch (*.example.com for its subdomains). Repeatable.")
  List<String> remoteHosts = new ArrayList<>();

  /** The configuration, the profile and the rules a run uses. */
  record Selection(Configuration configuration, Profile profile, List<EnabledRule> rules) {}

  /**
   * Loads the configuration and selects the rules; {@code fallbackProfile} applies when neither
   * --profile nor the configuration's 'extends' names one.
   */
  Selection select(Path workingDirectory, Profile fallbackProfile) throws ConfigurationException {
    Configuration configuration = loadConfiguration(workingDirectory);
    Profile selected = profile(configuration, fallbackProfile);
    return new Selection(configuration, selected, selectRules(configuration, selected));
  }

  /** The configuration given with --config, else the one found upward from the working directory, else none. */
  private Configuration loadConfiguration(Path workingDirectory) throws ConfigurationException {
    Path file;
    if (config != null) {
      file = workingDirectory.resolve(config);
      if (Files.isDirectory(file)) {
        throw new ConfigurationException(config, 0, 0, "is a directory, not a configuration file");
      }
      if (!Files.exists(file)) {
        throw new ConfigurationException(config, 0, 0, "no such configuration file");
      }
    } else {
      file = ConfigurationLoader.find(workingDirectory).orElse(null);
      if (file == null) {
        return Configuration.EMPTY;
      }
    }
    return new ConfigurationLoader(BuiltInRules.all()).load(file, CheckCommand.displayPath(workingDirectory, file));
  }

  /** The profile of --profile, else of the configuration's 'extends', else {@code fallback}. */
  private Profile profile(Configuration configuration, Profile fallback) {
    if (profile == null) {
      return configuration.profile() != null ? configuration.profile() : fallback;
    }
    Profile selected = Profile.parse(profile);
    if (selected == null) {
      throw usage("unknown profile '" + profile + "' (choose from recommended, sfti, strict)");
    }
    return selected;
  }

  private List<EnabledRule> selectRules(Configuration configuration, Profile selected) throws ConfigurationException {
    RuleSelection selection = new RuleSelection(BuiltInRules.all());
    for (String id : enable) {
      requireRule(selection, id, "--enable");
    }
    for (String id : disable) {
      requireRule(selection, id, "--disable");
    }
    return selection.select(selected, configuration, enable, disable);
  }

  private void requireRule(RuleSelection selection, String id, String option) {
    try {
      selection.require(id);
    } catch (ConfigurationException e) {
      throw usage(e.getMessage().replaceFirst("^unknown rule '[^']*'", "$0 in " + option));
    }
  }

  /** The files references lead to, confined to --root, with the remote policy of the options. */
  SpecFiles specFiles(Path workingDirectory) {
    if (allowRemoteRefs && remoteHosts.isEmpty()) {
      throw usage("--allow-remote-refs needs at least one --remote-host HOST to fetch from");
    }
    if (!allowRemoteRefs && !remoteHosts.isEmpty()) {
      throw usage("--remote-host has no effect without --allow-remote-refs");
    }
    long maxBytes = maxFileBytes();
    RemoteFiles remote = allowRemoteRefs ? RemoteFiles.allow(remoteHosts, maxBytes, Duration.ofSeconds(10)) : RemoteFiles.OFF;
    Path folder = root == null ? workingDirectory : workingDirectory.resolve(root);
    try {
      return new SpecFiles(folder, workingDirectory, maxBytes, remote);
    } catch (IOException e) {
      throw usage("--root " + folder + " is not a folder that can be read");
    }
  }

  /** The root documents the SPEC arguments name: files as given, folders and globs searched. */
  List<Path> findDocuments(Path workingDirectory, List<String> specs) {
    try {
      return new SpecFinder(workingDirectory, maxFileBytes()).find(specs);
    } catch (SpecFinder.NoDocumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** The time one file may take. */
  Duration timePerFile() {
    if (timeLimitSeconds <= 0) {
      throw usage("--time-limit takes a positive number of seconds, not " + timeLimitSeconds);
    }
    return Duration.ofSeconds(timeLimitSeconds);
  }

  long maxFileBytes() {
    String value = maxFileSize.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (value.endsWith("k") || value.endsWith("m") || value.endsWith("g")) {
      factor = value.endsWith("k") ? 1024L : value.endsWith("m") ? 1024L * 1024 : 1024L * 1024 * 1024;
      value = value.substring(0, value.length() - 1);
    }
    try {
      long size = Math.multiplyExact(Long.parseLong(value), factor);
      if (size <= 0) {
        throw new NumberFormatException();
      }
      if (size > SourceReader.MAX_SUPPORTED_BYTES) {
        throw usage("--max-file-size takes at most 1g (a file is read into memory as one text), not '" + maxFileSize + "'");
      }
      return size;
    } catch (NumberFormatException | ArithmeticException e) {
      throw usage("--max-file-size takes a positive size such as 64m, not '" + maxFileSize + "'");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(command.commandLine(), message);
  }
}
