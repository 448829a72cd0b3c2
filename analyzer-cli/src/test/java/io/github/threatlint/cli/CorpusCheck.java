package io.github.threatlint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.threatlint.core.check.SpecFinder;
import io.github.threatlint.core.source.SourceReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code threatlint check} over every root specification under a folder, in one process, as a
 * user would, and fails on any crash, internal error or time-out. Prints counts per exit code and
 * per rule. Used by {@code scripts/corpus-check}; not part of the user-facing command line.
 *
 * <p>Usage: {@code CorpusCheck [--timeout SECONDS] [--profile P] [--allow-invalid] DIR...}. A file
 * whose own text is unreadable (exit 2 with a one-line message naming the file) counts as a tool
 * error only without {@code --allow-invalid}.
 */
public final class CorpusCheck {
  private CorpusCheck() {}

  public static void main(String[] args) throws Exception {
    int timeout = 120;
    String profile = "strict";
    boolean allowInvalid = false;
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--timeout" -> timeout = Integer.parseInt(args[++i]);
        case "--profile" -> profile = args[++i];
        case "--allow-invalid" -> allowInvalid = true;
        default -> folders.add(Path.of(args[i]));
      }
    }
    List<Path> specs = new ArrayList<>();
    Map<Path, Path> rootFolders = new java.util.HashMap<>();
    for (Path folder : folders) {
      // the root documents as 'check' finds them in a folder
      for (Path spec :
          new SpecFinder(folder, SourceReader.DEFAULT_MAX_BYTES)
              .scan(folder, List.of("**"), List.of())
              .documents()) {
        specs.add(spec);
        rootFolders.put(spec, folder);
      }
    }
    Map<Integer, Integer> byExit = new TreeMap<>();
    Map<String, Integer> byRule = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    ExecutorService runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(null, r, "corpus-check", 256L * 1024 * 1024);
              thread.setDaemon(true);
              return thread;
            });
    long start = System.nanoTime();
    for (Path spec : specs) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      // references may reach every file of the folder the spec was found in
      String[] command = {
        "check",
        "--profile",
        profile,
        "--format",
        "json",
        "--fail-on",
        "error",
        "--jobs",
        "1",
        "--root",
        rootFolders.get(spec).toString(),
        spec.toString()
      };
      Future<Integer> future =
          runner.submit(
              () ->
                  Cli.run(
                      command,
                      new PrintWriter(out, true),
                      new PrintWriter(err, true),
                      new ByteArrayInputStream(new byte[0]),
                      Map.of()));
      int exit;
      try {
        exit = future.get(timeout, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        failures.add(spec + ": timed out after " + timeout + " s");
        runner.shutdownNow();
        runner = Executors.newSingleThreadExecutor();
        continue;
      } catch (Exception e) {
        failures.add(spec + ": crashed: " + e.getCause());
        continue;
      }
      byExit.merge(exit, 1, Integer::sum);
      String errors = err.toString();
      if (errors.contains("Exception")
          || errors.contains("\tat ")
          || errors.contains("internal error")
          || errors.contains(" failed at ")
          || errors.contains("rule ") && errors.contains(" failed")) {
        failures.add(spec + ": " + errors.strip());
      } else if (exit == 2 && !allowInvalid) {
        failures.add(spec + ": exit 2: " + errors.strip());
      } else if (exit != 0 && exit != 1 && exit != 2) {
        failures.add(spec + ": unexpected exit code " + exit);
      }
      if (exit != 2 || out.toString().startsWith("{")) {
        try {
          JsonNode report = json.readTree(out.toString());
          for (JsonNode finding : report.path("findings")) {
            byRule.merge(finding.path("ruleId").asText(), 1, Integer::sum);
          }
        } catch (IOException e) {
          failures.add(spec + ": the JSON report does not parse: " + e.getMessage());
        }
      }
    }
    runner.shutdownNow();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%d specifications in %.1f s%n", specs.size(), seconds);
    System.out.println("by exit code: " + byExit);
    System.out.println("findings by rule:");
    byRule.forEach((rule, count) -> System.out.printf("  %-36s %7d%n", rule, count));
    if (!failures.isEmpty()) {
      System.out.println(failures.size() + " failure(s):");
      failures.forEach(failure -> System.out.println("  " + failure));
      System.exit(1);
    }
    System.out.println("no crash, no internal error, no time-out");
  }
}
