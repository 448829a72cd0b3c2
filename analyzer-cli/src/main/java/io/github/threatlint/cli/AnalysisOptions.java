package io.github.threatlint.cli;

import io.github.threatlint.core.check.Check;
import io.github.threatlint.core.check.CheckException;
import io.github.threatlint.core.check.CheckListener;
import io.github.threatlint.core.check.CheckRequest;
import io.github.threatlint.core.check.CheckResult;
import io.github.threatlint.core.check.SpecFinder;
import io.github.threatlint.core.engine.Profile;
import io.github.threatlint.core.resolve.RemoteFiles;
import io.github.threatlint.core.resolve.SpecFiles;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.rules.BuiltInRules;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options that decide what is analysed and how, shared by {@code check} and {@code report}:
 * they become one {@link CheckRequest}, so that both read the same configuration, run the same
 * rules and follow references the same way.
 */
final class AnalysisOptions {
  /** The command these options belong to, whose usage errors they raise. */
  private CommandSpec command;

  String profile;
  String config;
  List<String> enable = new ArrayList<>();
  List<String> disable = new ArrayList<>();
  String maxFileSize;
  Integer timeLimitSeconds;
  Path root;
  boolean allowRemoteRefs;
  List<String> remoteHosts = new ArrayList<>();
  List<Integer> remotePorts = new ArrayList<>();
  int remoteBudgetSeconds;
  boolean documentsOnly;

  /** Adds these options to {@code command}'s model, bound to the fields above. */
  void addTo(CommandSpec command) {
    this.command = command;
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("-p", "--profile")
                    .paramLabel("PROFILE")
                    .type(String.class)
                    .description(
                        "Rule profile: recommended, sfti or strict (default: the configuration's 'extends', else "
                            + "recommended for check and sfti for report)."),
                this,
                "profile")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("-c", "--config")
                    .paramLabel("FILE")
                    .type(String.class)
                    .description(
                        "Configuration file (default: .threatlint.yaml, .yml or .json in the working directory or the nearest folder above)."),
                this,
                "config")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--enable")
                    .paramLabel("RULE")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "Also run this rule when it is off (at the level the strict profile gives it). Repeatable."),
                this,
                "enable")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--disable")
                    .paramLabel("RULE")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description("Do not run this rule. Repeatable."),
                this,
                "disable")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--max-file-size")
                    .paramLabel("BYTES")
                    .defaultValue("64m")
                    .type(String.class)
                    .description("Refuse files larger than this (suffixes k, m, g; default 64m)."),
                this,
                "maxFileSize")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--time-limit")
                    .paramLabel("SECONDS")
                    .type(Integer.class)
                    .description(
                        "Stop analysing a file after this many seconds and report it as an error (default: the "
                            + "configuration's timeLimit, else 60)."),
                this,
                "timeLimitSeconds")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--root")
                    .paramLabel("DIR")
                    .type(Path.class)
                    .description(
                        "References may only reach files inside DIR (default: the working directory; for a SPEC outside it, "
                            + "the folder it names or lies in); others are reported by ref-unresolved and not read."),
                this,
                "root")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--allow-remote-refs")
                    .type(boolean.class)
                    .description(
                        "Fetch http(s) references to the hosts of --remote-host (off by default), with a time and size limit, "
                            + "never from loopback, link-local or private addresses."),
                this,
                "allowRemoteRefs")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--remote-host")
                    .paramLabel("HOST")
                    .type(List.class)
                    .auxiliaryTypes(String.class)
                    .description(
                        "A host whose references --allow-remote-refs may fetch (*.example.com for its subdomains). Repeatable."),
                this,
                "remoteHosts")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--remote-port")
                    .paramLabel("PORT")
                    .type(List.class)
                    .auxiliaryTypes(Integer.class)
                    .description(
                        "A port --allow-remote-refs may fetch from besides 80 and 443. Repeatable."),
                this,
                "remotePorts")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--remote-time-budget")
                    .paramLabel("SECONDS")
                    .defaultValue("30")
                    .type(int.class)
                    .description(
                        "The time all remote fetches of a run may take together (default 30); each fetch takes at most 10."),
                this,
                "remoteBudgetSeconds")
            .build());
    command.addOption(
        CommandModel.bound(
                OptionSpec.builder("--documents-only")
                    .type(boolean.class)
                    .description(
                        "Skip named files that are no OpenAPI or Swagger document (no top-level 'openapi' or 'swagger' key), "
                            + "as folders and globs do, instead of reporting them: for hooks that pass every changed YAML or JSON file."),
                this,
                "documentsOnly")
            .build());
  }

  /**
   * The request these options describe, for the SPEC arguments (files, folders, globs; not '-');
   * {@code fallbackProfile} applies when neither --profile nor the configuration's 'extends' names
   * one.
   */
  CheckRequest.Builder request(Path workingDirectory, Profile fallbackProfile) {
    if (allowRemoteRefs && remoteHosts.isEmpty()) {
      throw usage("--allow-remote-refs needs at least one --remote-host HOST to fetch from");
    }
    if (!allowRemoteRefs && !remoteHosts.isEmpty()) {
      throw usage("--remote-host has no effect without --allow-remote-refs");
    }
    for (int port : remotePorts) {
      if (port < 1 || port > 65535) {
        throw usage("--remote-port takes a port from 1 to 65535, not " + port);
      }
    }
    if (remoteBudgetSeconds <= 0) {
      throw usage(
          "--remote-time-budget takes a positive number of seconds, not " + remoteBudgetSeconds);
    }
    Set<Integer> ports = new TreeSet<>(RemoteFiles.DEFAULT_PORTS);
    ports.addAll(remotePorts);
    long maxBytes = maxFileBytes();
    CheckRequest.Builder request =
        CheckRequest.builder(workingDirectory, BuiltInRules.all())
            .profile(profile())
            .fallbackProfile(fallbackProfile)
            .enable(enable)
            .disable(disable)
            .root(rootFolder(workingDirectory))
            .remote(
                allowRemoteRefs
                    ? RemoteFiles.allow(
                        remoteHosts,
                        ports,
                        maxBytes,
                        RemoteFiles.DEFAULT_TIMEOUT,
                        Duration.ofSeconds(remoteBudgetSeconds))
                    : RemoteFiles.OFF)
            .maxFileBytes(maxBytes)
            .timePerFile(timePerFile());
    if (config != null) {
      request.configFile(workingDirectory.resolve(config), config);
    }
    return request;
  }

  /**
   * Adds the root documents the SPEC arguments name (files as given, folders and globs searched) to
   * {@code request}, each with the folder its references may not leave.
   */
  CheckRequest.Builder withDocuments(
      CheckRequest.Builder request, Path workingDirectory, List<String> specs) {
    SpecFinder finder = new SpecFinder(workingDirectory, maxFileBytes(), documentsOnly);
    Map<Path, String> documents;
    try {
      documents = finder.findByArgument(specs);
    } catch (SpecFinder.NoDocumentException e) {
      throw usage(e.getMessage());
    }
    // an argument's root once, however many documents a folder or glob finds (real paths cost a
    // system call each)
    Map<String, Optional<Path>> rootOfArgument = new HashMap<>();
    for (Map.Entry<Path, String> named : documents.entrySet()) {
      Path document = named.getKey();
      String argument = named.getValue();
      Optional<Path> own = Optional.empty();
      if (root == null) {
        own = rootOfArgument.get(argument);
        if (own == null) {
          own = ownRoot(finder.folderOf(argument), workingDirectory);
          rootOfArgument.put(argument, own);
        }
      }
      if (own.isPresent()) {
        request.files(List.of(document), own.get());
      } else {
        request.files(List.of(document));
      }
    }
    return request;
  }

  /**
   * Without --root, the root of the documents an argument names: none of their own (the working
   * directory, as in a CI checkout) when the argument lies inside the working directory, as written
   * or after symbolic links are resolved; else the argument's folder, since naming it is the user's
   * consent to read it and what lies under it, and nothing beside it.
   */
  private static Optional<Path> ownRoot(Path argumentFolder, Path workingDirectory) {
    boolean inside =
        argumentFolder.startsWith(workingDirectory)
            || SpecFiles.realPathOf(argumentFolder)
                .startsWith(SpecFiles.realPathOf(workingDirectory));
    return inside ? Optional.empty() : Optional.of(argumentFolder);
  }

  /**
   * Runs the check; a wrong setting is a usage error naming the option, or (a configuration or
   * baseline that cannot be used) a {@link CheckException} whose message is the line to print.
   */
  CheckResult run(CheckRequest request, CheckListener listener, Path workingDirectory)
      throws CheckException {
    try {
      return Check.run(request, listener);
    } catch (CheckException e) {
      switch (e.setting()) {
        case ENABLE ->
            throw usage(e.getMessage().replaceFirst("^unknown rule '[^']*'", "$0 in --enable"));
        case DISABLE ->
            throw usage(e.getMessage().replaceFirst("^unknown rule '[^']*'", "$0 in --disable"));
        case ROOT ->
            throw usage(
                "--root " + rootFolder(workingDirectory) + " is not a folder that can be read");
        default -> throw e;
      }
    }
  }

  private Path rootFolder(Path workingDirectory) {
    return root == null ? workingDirectory : workingDirectory.resolve(root);
  }

  /** The profile of --profile, or null for the configuration's 'extends'. */
  private Profile profile() {
    if (profile == null) {
      return null;
    }
    Profile selected = Profile.parse(profile);
    if (selected == null) {
      throw usage("unknown profile '" + profile + "' (choose from recommended, sfti, strict)");
    }
    return selected;
  }

  /** The time one file may take; null when not given (the configuration's, else the default). */
  Duration timePerFile() {
    if (timeLimitSeconds == null) {
      return null;
    }
    if (timeLimitSeconds <= 0) {
      throw usage("--time-limit takes a positive number of seconds, not " + timeLimitSeconds);
    }
    return Duration.ofSeconds(timeLimitSeconds);
  }

  long maxFileBytes() {
    String value = maxFileSize.trim().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (value.endsWith("k") || value.endsWith("m") || value.endsWith("g")) {
      factor =
          value.endsWith("k") ? 1024L : value.endsWith("m") ? 1024L * 1024 : 1024L * 1024 * 1024;
      value = value.substring(0, value.length() - 1);
    }
    try {
      long size = Math.multiplyExact(Long.parseLong(value), factor);
      if (size <= 0) {
        throw new NumberFormatException();
      }
      if (size > SourceReader.MAX_SUPPORTED_BYTES) {
        throw usage(
            "--max-file-size takes at most 1g (a file is read into memory as one text), not '"
                + maxFileSize
                + "'");
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
