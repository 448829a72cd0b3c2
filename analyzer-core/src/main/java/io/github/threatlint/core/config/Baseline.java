package io.github.threatlint.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.FindingKey;
import io.github.threatlint.core.output.OutputFile;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.SourceReader;
import io.github.threatlint.core.source.TreeParser;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings a project has accepted for now, so that only new ones fail the build.
 *
 * <p>An entry is keyed by rule id, file (relative to the baseline's folder) and JSON pointer (a
 * {@link FindingKey}), never by line, so a baseline survives reformatting and lines moving. Each
 * entry also carries a digest of the message; it decides which entry is which when one pointer
 * carries several findings of one rule. A finding matches an entry with the same key and digest;
 * failing that, it matches the only entry of its key (so a reworded message still matches). Entries
 * no finding matches are fixed: they can be pruned.
 */
public final class Baseline {
  /** The version of the file format this class writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();
  private static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::file)
          .thenComparing(Entry::pointer)
          .thenComparing(Entry::ruleId)
          .thenComparing(Entry::messageDigest);

  /**
   * One accepted finding. {@code message} is written for people reviewing the file; matching
   * ignores it.
   */
  public record Entry(
      String ruleId, String file, String pointer, String messageDigest, String message) {
    FindingKey key() {
      return new FindingKey(ruleId, file, pointer);
    }

    /** {@code rule-id file#pointer}, for messages. */
    public String label() {
      return ruleId + " " + file + "#" + pointer;
    }
  }

  private final Path directory;
  private final String displayPath;
  private final List<Entry> entries;

  private Baseline(Path directory, String displayPath, List<Entry> entries) {
    this.directory = directory;
    this.displayPath = displayPath;
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    this.entries = List.copyOf(sorted);
  }

  public List<Entry> entries() {
    return entries;
  }

  public String displayPath() {
    return displayPath;
  }

  /**
   * A baseline of the findings that are not suppressed, to be written to {@code file}.
   *
   * @param displayPath how messages and reasons name the baseline file
   * @param workingDirectory the directory the findings' file names are relative to
   */
  public static Baseline of(
      List<Finding> findings, Path file, String displayPath, Path workingDirectory) {
    Path directory = file.toAbsolutePath().normalize().getParent();
    List<Entry> entries = new ArrayList<>();
    for (Finding finding : findings) {
      if (!finding.isSuppressed()) {
        entries.add(
            new Entry(
                finding.ruleId(),
                ReportPaths.relativeTo(directory, workingDirectory, finding.file()),
                finding.pointer(),
                FindingKey.messageDigest(finding.message()),
                finding.message()));
      }
    }
    return new Baseline(directory, displayPath, entries);
  }

  /** The same baseline with only these entries (for pruning). */
  public Baseline withEntries(List<Entry> kept) {
    return new Baseline(directory, displayPath, kept);
  }

  /** What matching a result against the baseline gives. */
  public record Match(AnalysisResult result, List<Entry> matched, List<Entry> fixed) {}

  /**
   * Marks the findings the baseline holds as suppressed ({@code external}, "in the baseline ...");
   * findings already suppressed are left alone and match nothing.
   *
   * @param workingDirectory the directory the findings' file names are relative to
   */
  public Match match(AnalysisResult result, Path workingDirectory) {
    Map<FindingKey, List<Entry>> byKey = new HashMap<>();
    for (Entry entry : entries) {
      byKey.computeIfAbsent(entry.key(), k -> new ArrayList<>()).add(entry);
    }
    IdentityHashMap<Entry, Boolean> used = new IdentityHashMap<>();
    List<Finding> findings = result.findings();
    Entry[] matchOf = new Entry[findings.size()];
    FindingKey[] keys = new FindingKey[findings.size()];
    // first the exact matches (key and message digest), then a finding alone on its key
    for (int i = 0; i < findings.size(); i++) {
      Finding finding = findings.get(i);
      if (finding.isSuppressed()) {
        continue;
      }
      keys[i] =
          FindingKey.of(
              finding, ReportPaths.relativeTo(directory, workingDirectory, finding.file()));
      String digest = FindingKey.messageDigest(finding.message());
      for (Entry entry : byKey.getOrDefault(keys[i], List.of())) {
        if (!used.containsKey(entry) && entry.messageDigest().equals(digest)) {
          used.put(entry, Boolean.TRUE);
          matchOf[i] = entry;
          break;
        }
      }
    }
    for (int i = 0; i < findings.size(); i++) {
      if (keys[i] == null || matchOf[i] != null) {
        continue;
      }
      List<Entry> candidates = byKey.getOrDefault(keys[i], List.of());
      if (candidates.size() == 1 && !used.containsKey(candidates.get(0))) {
        used.put(candidates.get(0), Boolean.TRUE);
        matchOf[i] = candidates.get(0);
      }
    }
    Finding.Suppression baselined =
        new Finding.Suppression(Finding.Suppression.EXTERNAL, "in the baseline " + displayPath);
    List<Finding> marked = new ArrayList<>(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      marked.add(matchOf[i] == null ? findings.get(i) : findings.get(i).withSuppression(baselined));
    }
    List<Entry> matched = new ArrayList<>();
    List<Entry> fixed = new ArrayList<>();
    for (Entry entry : entries) {
      (used.containsKey(entry) ? matched : fixed).add(entry);
    }
    AnalysisResult markedResult = result.withFindings(List.copyOf(marked));
    return new Match(markedResult, List.copyOf(matched), List.copyOf(fixed));
  }

  /**
   * Writes the baseline as JSON, entries sorted so that the file diffs well, never through a
   * symbolic link that leaves {@code confinement} ({@link OutputFile}).
   */
  public void write(Path file, Path confinement) throws IOException {
    String json = toJson();
    OutputFile.write(file, confinement, writer -> writer.write(json));
  }

  /** The file's text. */
  public String toJson() {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.setPrettyPrinter(
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeStringField("tool", "threatlint");
      json.writeNumberField("baselineVersion", FORMAT_VERSION);
      json.writeArrayFieldStart("findings");
      for (Entry entry : entries) {
        json.writeStartObject();
        json.writeStringField("ruleId", entry.ruleId());
        json.writeStringField("file", entry.file());
        json.writeStringField("pointer", entry.pointer());
        json.writeStringField("messageDigest", entry.messageDigest());
        if (entry.message() != null) {
          json.writeStringField("message", entry.message());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing to a string failed", e);
    }
    return text + "\n";
  }

  /** Reads a baseline file; a file that is not one is an error naming the line. */
  public static Baseline read(Path file, String displayPath) throws ConfigurationException {
    ParsedFile parsed;
    try {
      parsed =
          TreeParser.parse(
              new SourceReader(SourceReader.DEFAULT_MAX_BYTES, "").read(file, displayPath));
    } catch (SourceException e) {
      throw new ConfigurationException(
          displayPath, e.line(), e.column(), "cannot read the baseline: " + e.getMessage());
    }
    JsonNode root = parsed.root();
    if (!root.isObject() || !root.path("findings").isArray()) {
      throw problem(
          parsed,
          "",
          "not a threatlint baseline: it needs a top-level 'findings' list (write one with --write-baseline)");
    }
    JsonNode version = root.get("baselineVersion");
    if (version != null && !(version.isInt() && version.intValue() == FORMAT_VERSION)) {
      throw problem(
          parsed,
          "/baselineVersion",
          "baseline format version "
              + version.asText()
              + " is not the version "
              + FORMAT_VERSION
              + " this threatlint reads");
    }
    List<Entry> entries = new ArrayList<>();
    JsonNode findings = root.get("findings");
    for (int i = 0; i < findings.size(); i++) {
      String pointer = Pointers.child("/findings", i);
      JsonNode entry = findings.get(i);
      String ruleId = text(parsed, entry, pointer, "ruleId");
      String entryFile = text(parsed, entry, pointer, "file");
      String entryPointer = text(parsed, entry, pointer, "pointer");
      String digest =
          entry.path("messageDigest").isTextual() ? entry.get("messageDigest").textValue() : "";
      String message = entry.path("message").isTextual() ? entry.get("message").textValue() : null;
      entries.add(new Entry(ruleId, entryFile, entryPointer, digest, message));
    }
    return new Baseline(file.toAbsolutePath().normalize().getParent(), displayPath, entries);
  }

  private static String text(ParsedFile parsed, JsonNode entry, String pointer, String key)
      throws ConfigurationException {
    JsonNode value = entry.isObject() ? entry.get(key) : null;
    if (value == null || !value.isTextual()) {
      throw problem(parsed, pointer, "a baseline entry needs a string '" + key + "'");
    }
    return value.textValue();
  }

  private static ConfigurationException problem(ParsedFile parsed, String pointer, String message) {
    Region region = parsed.index().valueRegion(pointer);
    return new ConfigurationException(
        parsed.displayPath(), region.startLine(), region.startColumn(), message);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Baseline baseline && entries.equals(baseline.entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries);
  }
}
