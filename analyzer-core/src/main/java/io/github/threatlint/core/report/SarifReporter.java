package io.github.threatlint.core.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.threatlint.core.api.Level;
import io.github.threatlint.core.api.Pointers;
import io.github.threatlint.core.api.Region;
import io.github.threatlint.core.api.RuleDescriptor;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.docs.DocsUrl;
import io.github.threatlint.core.docs.RuleDocs;
import io.github.threatlint.core.engine.AnalysisResult;
import io.github.threatlint.core.engine.EnabledRule;
import io.github.threatlint.core.engine.Finding;
import io.github.threatlint.core.engine.FindingKey;
import io.github.threatlint.core.engine.ToolError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SARIF 2.1.0 for GitHub code scanning: one run; every enabled rule in {@code tool.driver.rules},
 * sorted by id, with its documentation page as {@code help.markdown}; one result per finding (with
 * an explicit level, one location relative to {@code %SRCROOT%}, the JSON pointer as logical
 * location and a fingerprint of rule, file and pointer, see {@link #fingerprint}); a finding in a
 * shared part (a component, a fragment file) with the operations that use it as related locations;
 * suppressed findings with their suppression; tool errors as notifications of a failed invocation.
 *
 * <p>Written as it goes with a {@link JsonGenerator}, members in the order of the SARIF schema's
 * object model, a member left out when it has no value. An object model serialized by Jackson's
 * data binding cost more than the rest of a small run (its bean introspection loads some 160
 * classes) and held every result in memory twice.
 */
public final class SarifReporter implements Reporter {
  /** GitHub accepts at most this many results per run. */
  public static final int MAX_RESULTS = 25_000;

  /**
   * The operations a result in a shared part names as related locations; the message of the last
   * counts the rest.
   */
  public static final int MAX_RELATED = 5;

  /** The key of our own entry in {@code partialFingerprints}. */
  public static final String FINGERPRINT_KEY = "threatlint/v1";

  static final String SRCROOT = "%SRCROOT%";
  private static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /**
   * The JSON reports' generators: writing UTF-8 themselves, they write a character outside the BMP
   * as its four bytes (as a {@link Writer} and its encoder did, not as two {@code \\u} escapes).
   */
  static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private static final int LEVELS = Level.values().length;

  /**
   * The member names of a result and its locations, and the values many results share (a level, a
   * rule id, a file's URI), as UTF-8 made once: the generator copies a {@code String}'s characters
   * out and encodes them one by one, names included (Kubernetes: 14,223 results of some 30 names,
   * 11,692 related locations).
   */
  private static final SerializedString RULE_ID = encoded("ruleId"),
      RULE_INDEX = encoded("ruleIndex"),
      LEVEL = encoded("level"),
      MESSAGE = encoded("message"),
      TEXT = encoded("text"),
      LOCATIONS = encoded("locations"),
      PARTIAL_FINGERPRINTS = encoded("partialFingerprints"),
      OUR_FINGERPRINT = encoded(FINGERPRINT_KEY),
      RELATED_LOCATIONS = encoded("relatedLocations"),
      ID = encoded("id"),
      PHYSICAL_LOCATION = encoded("physicalLocation"),
      ARTIFACT_LOCATION = encoded("artifactLocation"),
      URI = encoded("uri"),
      URI_BASE_ID = encoded("uriBaseId"),
      REGION = encoded("region"),
      START_LINE = encoded("startLine"),
      START_COLUMN = encoded("startColumn"),
      END_LINE = encoded("endLine"),
      END_COLUMN = encoded("endColumn"),
      LOGICAL_LOCATIONS = encoded("logicalLocations"),
      NAME = encoded("name"),
      FULLY_QUALIFIED_NAME = encoded("fullyQualifiedName");

  /** Each level's SARIF name, by ordinal. */
  private static final SerializedString[] LEVEL_NAMES = new SerializedString[LEVELS];

  static {
    for (Level level : Level.values()) {
      LEVEL_NAMES[level.ordinal()] = encoded(sarifLevel(level));
    }
  }

  /**
   * An ASCII name or value, encoded now: a {@link SerializedString} encodes itself at its first use
   * otherwise, and the threads writing results would share it half made.
   */
  private static SerializedString encoded(String ascii) {
    SerializedString text = new SerializedString(ascii);
    text.asQuotedUTF8();
    return text;
  }

  /**
   * Where a file is, as SARIF's {@code artifactLocation}, encoded (a URI is ASCII): {@code
   * uriBaseId} null when absolute.
   */
  record Artifact(SerializedString uri, SerializedString uriBaseId) {
    Artifact(String uri, String uriBaseId) {
      this(encoded(uri), uriBaseId == null ? null : encoded(uriBaseId));
    }
  }

  /**
   * A rule's place in {@code tool.driver.rules}, and its id encoded when it is ASCII (a plugin's
   * could hold a lone surrogate, which the generator escapes and an encoder refuses), else null.
   */
  private record IndexedRule(int index, SerializedString id) {
    IndexedRule(int index, String id) {
      this(index, isAscii(id) ? encoded(id) : null);
    }

    /**
     * A loop, not {@code chars().allMatch}: the report's start runs on one thread before the
     * results' is started, and the stream ran interpreted for each of the rules (1 sample per cold
     * Stripe JSON run).
     */
    private static boolean isAscii(String id) {
      for (int i = 0; i < id.length(); i++) {
        if (id.charAt(i) >= 0x80) {
          return false;
        }
      }
      return true;
    }
  }

  /** A rule's {@code help}: the plain text and the Markdown page. */
  private record Help(String text, String markdown) {
    static Help of(RuleDescriptor rule, DocsUrl docsUrl) {
      return new Help(RuleDocs.helpText(rule, docsUrl), RuleDocs.page(rule));
    }
  }

  /**
   * The rules' member of {@code tool.driver} written ahead for these rules, sorted by id, and these
   * pages.
   */
  private record PreparedRules(List<EnabledRule> rules, DocsUrl docsUrl, byte[] member) {}

  /**
   * Results per chunk of a long results array, which the calling thread and a thread of its own
   * make as they come (see {@link ResultsAhead}). The chunks made and not yet written out are held:
   * with 512 results a chunk, 5-8 MB of pieces on Kubernetes (1.8 MB a chunk, its related
   * locations) and 2.4-6 MB on Stripe JSON, which the young generation has little room for.
   */
  static final int CHUNK = 256;

  /** Fewer results than this are all written by the calling thread. */
  static final int RESULTS_AHEAD_FROM = 2048;

  /** The rules' member being made ahead; null when none is. */
  private final Future<PreparedRules> prepared;

  /** Whether long results arrays are written on two threads. */
  private final boolean resultsAhead;

  /** A reporter that makes each rule's help as it writes it. */
  public SarifReporter() {
    this(null, spareCore());
  }

  private SarifReporter(Future<PreparedRules> prepared, boolean resultsAhead) {
    this.prepared = prepared;
    this.resultsAhead = resultsAhead;
  }

  /** A reporter that writes long results arrays on two threads, or all on the calling one. */
  static SarifReporter resultsAhead(boolean ahead) {
    return new SarifReporter(null, ahead);
  }

  private static boolean spareCore() {
    return Runtime.getRuntime().availableProcessors() > 1;
  }

  /**
   * A reporter whose rules' descriptions (their explanations read, their help pages built and
   * written as JSON: about a fifth of a small run) are made now on a thread of its own, while the
   * analysis runs on the others. The report waits for them; when that failed (a malformed
   * explanation), the rules are described again as the report is written, which then fails as it
   * would have.
   */
  public static SarifReporter preparing(List<EnabledRule> rules, DocsUrl docsUrl) {
    List<EnabledRule> sorted = byId(rules);
    FutureTask<PreparedRules> task =
        new FutureTask<>(() -> new PreparedRules(sorted, docsUrl, rulesMember(sorted, docsUrl)));
    Thread thread = new Thread(task, "sarif-help");
    // a run that ends early (bad input) does not wait for it
    thread.setDaemon(true);
    thread.start();
    return new SarifReporter(task, spareCore());
  }

  private static List<EnabledRule> byId(List<EnabledRule> rules) {
    List<EnabledRule> sorted = new ArrayList<>(rules);
    // not Comparator.comparing: its serializable lambda is not in the class-data archive
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    return sorted;
  }

  /**
   * The {@code rules} member of {@code tool.driver}, with the separator before it, as {@link
   * #write} writes it after {@code informationUri}: the same generator at the same depth.
   */
  private static byte[] rulesMember(List<EnabledRule> rules, DocsUrl docsUrl) throws IOException {
    // sized for the help pages (the 87 rules of the strict profile: 600 KB), not grown by doubling
    // from 32 bytes and copied out whole, then in part: 3.3 MB of a Stripe JSON run's allocation,
    // which the young generation holds without a collection only with little to spare
    Written text = new Written(RULE_MEMBER_BYTES * rules.size());
    try (JsonGenerator json = JSON.createGenerator(text, JsonEncoding.UTF8)) {
      Indentation.prettyPrint(json);
      json.writeStartObject();
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("informationUri", RuleDocs.PROJECT_URI);
      json.flush();
      int start = text.size();
      writeRules(json, rules, docsUrl);
      json.flush();
      return text.from(start);
    }
  }

  /** About the bytes of a rule's entry in the rules' member, its help page most of them. */
  private static final int RULE_MEMBER_BYTES = 8 << 10;

  /** Bytes written, of which a part is copied out without copying the whole first. */
  private static final class Written extends ByteArrayOutputStream {
    Written(int size) {
      super(size);
    }

    /** What was written from {@code start} on. */
    byte[] from(int start) {
      return Arrays.copyOfRange(buf, start, count);
    }
  }

  private static void writeRules(JsonGenerator json, List<EnabledRule> rules, DocsUrl docsUrl)
      throws IOException {
    json.writeArrayFieldStart("rules");
    for (EnabledRule rule : rules) {
      describe(json, rule, docsUrl);
    }
    json.writeEndArray();
  }

  /** The report as text: its UTF-8 bytes, made as for a file, decoded. */
  @Override
  public void write(AnalysisResult result, ReportContext context, Writer out) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(result, context, bytes);
    out.write(bytes.toString(StandardCharsets.UTF_8));
  }

  /**
   * The report as UTF-8, made so by the generators themselves: a {@link Writer}'s encoder was
   * another pass over every character on the writing thread (the directory corpus: 34 MB).
   */
  @Override
  public void write(AnalysisResult result, ReportContext context, OutputStream out)
      throws IOException {
    List<EnabledRule> rules = byId(result.rules());
    Map<String, IndexedRule> ruleIndex = new HashMap<>();
    for (EnabledRule rule : rules) {
      ruleIndex.put(rule.id(), new IndexedRule(ruleIndex.size(), rule.id()));
    }
    List<Finding> findings = result.findings();
    List<Finding> reported;
    Set<FindingKey> repeatedKeys;
    if (resultsAhead && findings.size() > MAX_RESULTS) {
      // two passes over every finding (the directory corpus: 112,000), mostly interpreted since
      // each runs once: the keys are counted on a thread of their own while the cut is made here
      FutureTask<Set<FindingKey>> counting = new FutureTask<>(() -> FindingKey.repeated(findings));
      Thread thread = new Thread(counting, "sarif-keys");
      thread.setDaemon(true);
      thread.start();
      reported = limit(findings);
      repeatedKeys = await(counting);
    } else {
      reported = limit(findings);
      repeatedKeys = FindingKey.repeated(findings);
    }
    // thousands of results name the same few files
    SharedParts shared = new SharedParts();
    List<String> omissions = omissions(result);

    byte[] preparedRules = preparedRules(rules, context.docsUrl());

    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      Indentation.prettyPrint(json);
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();

      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", ReportContext.TOOL_NAME);
      writeField(json, "version", context.toolVersion());
      writeField(json, "semanticVersion", context.toolVersion());
      json.writeStringField("informationUri", RuleDocs.PROJECT_URI);
      if (preparedRules != null) {
        // what the generator holds goes first
        json.flush();
        out.write(preparedRules);
      } else {
        writeRules(json, rules, context.docsUrl());
      }
      json.writeEndObject();
      json.writeEndObject();

      json.writeArrayFieldStart("invocations");
      json.writeStartObject();
      if (!result.errors().isEmpty() || !omissions.isEmpty()) {
        json.writeArrayFieldStart("toolExecutionNotifications");
        for (ToolError error : result.errors()) {
          notification(json, error, ruleIndex);
        }
        for (String omission : omissions) {
          json.writeStartObject();
          message(json, omission);
          json.writeStringField("level", "warning");
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      json.writeBooleanField("executionSuccessful", result.errors().isEmpty());
      json.writeEndObject();
      json.writeEndArray();

      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(SRCROOT);
      json.writeStringField("uri", directoryUri(context.sourceRoot()));
      json.writeEndObject();
      json.writeEndObject();

      json.writeArrayFieldStart("results");
      writeResults(json, out, reported, ruleIndex, repeatedKeys, shared);
      json.writeEndArray();
      if (context.sarifCategory() != null) {
        json.writeObjectFieldStart("automationDetails");
        json.writeStringField("id", context.sarifCategory());
        json.writeEndObject();
      }
      json.writeStringField("columnKind", "utf16CodeUnits");

      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    }
    out.write('\n');
  }

  /**
   * The results, chunk by chunk: with {@link #resultsAhead} and at least {@link
   * #RESULTS_AHEAD_FROM} of them, made on two threads (Stripe's 10,000 results are most of a
   * report's time: their fingerprints' SHA-256, their messages and locations). Each chunk is taken
   * by whichever thread comes to it first: this one writes the next chunk straight to the output
   * when it is the one to take it, and otherwise makes a later one as text while the other thread
   * finishes the next. This thread also writes everything out, so a fixed share (every other chunk)
   * left the other idle for most of the report (the directory corpus: a third of the time).
   */
  private void writeResults(
      JsonGenerator json,
      OutputStream out,
      List<Finding> findings,
      Map<String, IndexedRule> ruleIndex,
      Set<FindingKey> repeatedKeys,
      SharedParts shared)
      throws IOException {
    if (!resultsAhead || findings.size() < RESULTS_AHEAD_FROM) {
      for (Finding finding : findings) {
        result(json, finding, ruleIndex, repeatedKeys, shared);
      }
      return;
    }
    ResultsAhead chunks = ResultsAhead.start(findings, ruleIndex, repeatedKeys);
    try {
      // the first result, written here, is the one without a separator before it
      for (Finding finding : chunkOf(findings, 0)) {
        result(json, finding, ruleIndex, repeatedKeys, shared);
      }
      for (int chunk = 1; chunk < chunks.count(); chunk++) {
        while (!chunks.isMade(chunk)) {
          int taken = chunks.take();
          if (taken == chunk) {
            for (Finding finding : chunkOf(findings, chunk)) {
              result(json, finding, ruleIndex, repeatedKeys, shared);
            }
            break;
          }
          if (taken < chunks.count()) {
            chunks.make(taken, shared);
          } else {
            chunks.await(chunk);
          }
        }
        if (chunks.isMade(chunk)) {
          // what the generator holds goes first; then the chunk's text
          json.flush();
          chunks.text(chunk).writeTo(out);
        }
      }
    } finally {
      chunks.cancel();
    }
  }

  private static List<Finding> chunkOf(List<Finding> findings, int chunk) {
    return findings.subList(chunk * CHUNK, Math.min(findings.size(), (chunk + 1) * CHUNK));
  }

  /**
   * The chunks of a results array, each taken once, in order, by the writing thread or by a thread
   * of its own that makes the chunks it takes as text: each exactly as {@link #writeResults} would
   * write it there, since the generator starts at the same depth after a result (the same way as
   * {@link #rulesMember}). What the threads read is not changed while they run; each has its own
   * {@link SharedParts}.
   */
  private static final class ResultsAhead implements Runnable {
    private final List<Finding> findings;
    private final Map<String, IndexedRule> ruleIndex;
    private final Set<FindingKey> repeatedKeys;
    private final List<ChunkText> texts = new ArrayList<>();

    /** The pieces the chunks' text is copied into, given back once written out. */
    private final Pieces pieces = new Pieces();

    /** The first chunk no thread has taken; the first of all is the writing thread's. */
    private final AtomicInteger next = new AtomicInteger(1);

    private ResultsAhead(
        List<Finding> findings, Map<String, IndexedRule> ruleIndex, Set<FindingKey> repeatedKeys) {
      this.findings = findings;
      this.ruleIndex = ruleIndex;
      this.repeatedKeys = repeatedKeys;
      for (int chunk = 0; chunk * CHUNK < findings.size(); chunk++) {
        texts.add(new ChunkText());
      }
    }

    static ResultsAhead start(
        List<Finding> findings, Map<String, IndexedRule> ruleIndex, Set<FindingKey> repeatedKeys) {
      ResultsAhead chunks = new ResultsAhead(findings, ruleIndex, repeatedKeys);
      Thread thread = new Thread(chunks, "sarif-results");
      // a report that failed midway does not wait for it
      thread.setDaemon(true);
      thread.start();
      return chunks;
    }

    int count() {
      return texts.size();
    }

    /** Takes the first chunk not taken yet: its number, or at least {@link #count} when none is. */
    int take() {
      return next.getAndIncrement();
    }

    /** Whether the chunk was taken by a thread that made it as text, and is made (or failed). */
    boolean isMade(int chunk) {
      return texts.get(chunk).isDone();
    }

    /** The other thread's work: the chunks it takes, as text, until none is left. */
    @Override
    public void run() {
      SharedParts shared = new SharedParts();
      for (int chunk = take(); chunk < count(); chunk = take()) {
        try {
          make(chunk, shared);
        } catch (IOException | RuntimeException | Error e) {
          // the writing thread takes the chunks left and fails at this one
          texts.get(chunk).failed(e);
          return;
        }
      }
    }

    /**
     * Makes a taken chunk as text: what the generator flushed, copied once into {@link #pieces}
     * (not gathered into a string that would be copied again).
     */
    void make(int chunk, SharedParts shared) throws IOException {
      MadeText text = new MadeText(pieces);
      try (JsonGenerator json = JSON.createGenerator(text, JsonEncoding.UTF8)) {
        // its close writes nothing after the chunk: not the ends of the arrays begun above
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        Indentation.prettyPrint(json);
        json.writeStartObject();
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeArrayFieldStart("results");
        json.writeStartObject();
        json.writeEndObject();
        json.flush();
        text.startHere();
        for (Finding finding : chunkOf(findings, chunk)) {
          result(json, finding, ruleIndex, repeatedKeys, shared);
        }
        json.flush();
      }
      texts.get(chunk).made(text);
    }

    /** Waits until the chunk, taken by the other thread, is made (or failed). */
    void await(int chunk) throws IOException {
      text(chunk);
    }

    /** The text of a chunk made, waited for. */
    MadeText text(int chunk) throws IOException {
      return SarifReporter.await(texts.get(chunk));
    }

    /** No chunk is taken any more: the other thread stops after the one it is making. */
    void cancel() {
      next.set(count());
    }
  }

  /**
   * A chunk's text, given by the thread that made it. A {@link FutureTask}, as the rules' help is
   * made in one already: a {@code CompletableFuture}'s first use loaded and set up the common
   * {@code ForkJoinPool} on the writing thread, before the results thread started (about 2 ms of
   * CPU, interpreted, in a cold run).
   */
  private static final class ChunkText extends FutureTask<MadeText> {
    ChunkText() {
      super(new Given());
    }

    /** What a chunk would run: nothing, its text is given. */
    private static final class Given implements Callable<MadeText> {
      @Override
      public MadeText call() {
        throw new IllegalStateException("a chunk's text is given, not made by running it");
      }
    }

    void made(MadeText text) {
      set(text);
    }

    void failed(Throwable thrown) {
      setException(thrown);
    }
  }

  /**
   * The arrays a chunk's text is copied into, each {@link #SIZE} bytes, given back when the chunk
   * has been written out and taken again for a later one. New arrays for every chunk were 9.5 MB of
   * a Stripe JSON run's allocation (the 11.6 MB of SARIF less what the writing thread writes
   * itself), which with the text's String made the difference between one young collection and
   * none; the chunks made and not yet written out are few, and so the arrays.
   */
  static final class Pieces {
    /** The size of a piece: a few of the generator's flushes (8,000 bytes each). */
    static final int SIZE = 1 << 15;

    private final List<byte[]> free = new ArrayList<>();

    synchronized byte[] take() {
      return free.isEmpty() ? new byte[SIZE] : free.remove(free.size() - 1);
    }

    synchronized void giveBack(List<byte[]> pieces) {
      free.addAll(pieces);
    }
  }

  /**
   * A chunk's text as its generator flushed it, in {@link Pieces}: all full but the last, which
   * holds {@link #last} bytes. What was written before {@link #startHere} is left out.
   */
  static final class MadeText extends OutputStream {
    private final Pieces pieces;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] current;
    private int last;

    MadeText(Pieces pieces) {
      this.pieces = pieces;
      this.current = pieces.take();
    }

    /** Forgets what was written so far: the text starts here. */
    void startHere() {
      pieces.giveBack(full);
      full.clear();
      last = 0;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      while (length > 0) {
        if (last == current.length) {
          full.add(current);
          current = pieces.take();
          last = 0;
        }
        int taken = Math.min(length, current.length - last);
        System.arraycopy(bytes, offset, current, last, taken);
        last += taken;
        offset += taken;
        length -= taken;
      }
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    /** Writes the text to {@code out}, then gives its pieces back: it is not to be used again. */
    void writeTo(OutputStream out) throws IOException {
      for (byte[] piece : full) {
        out.write(piece);
      }
      out.write(current, 0, last);
      full.add(current);
      pieces.giveBack(full);
      full.clear();
      current = null;
    }
  }

  /** What another thread made, waited for; what it threw, thrown here. */
  private static <T> T await(Future<T> made) throws IOException {
    try {
      return made.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for SARIF results");
    }
  }

  /**
   * The cut to GitHub's limit, when there is one: it is noted in the run and should be told on
   * stderr.
   */
  @Override
  public List<String> omissions(AnalysisResult result) {
    int total = result.findings().size();
    if (total <= MAX_RESULTS) {
      return List.of();
    }
    return List.of(
        "SARIF lists only the "
            + MAX_RESULTS
            + " most severe of "
            + total
            + " findings: GitHub code scanning "
            + "accepts no more results in one run. The other formats list all of them.");
  }

  /**
   * The rules' member made ahead for these rules and pages; null when there is none, it is for
   * others, or it failed.
   */
  private byte[] preparedRules(List<EnabledRule> rules, DocsUrl docsUrl) {
    if (prepared == null) {
      return null;
    }
    try {
      PreparedRules ahead = prepared.get();
      return ahead.rules().equals(rules) && ahead.docsUrl().equals(docsUrl) ? ahead.member() : null;
    } catch (ExecutionException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void describe(JsonGenerator json, EnabledRule rule, DocsUrl docsUrl)
      throws IOException {
    // a built-in rule's help as the build wrote it, already escaped; a plugin's made here
    SarifHelpBundle.Help bundled = SarifHelpBundle.of(rule.descriptor(), docsUrl);
    Help help = bundled == null ? Help.of(rule.descriptor(), docsUrl) : null;
    RuleInfo info = rule.descriptor().info();
    json.writeStartObject();
    json.writeStringField("id", info.id());
    json.writeStringField("name", camelName(info.id()));
    multiformat(json, "shortDescription", info.title(), null);
    multiformat(json, "fullDescription", info.description(), null);
    json.writeObjectFieldStart("defaultConfiguration");
    json.writeStringField("level", sarifLevel(rule.level()));
    json.writeEndObject();
    json.writeStringField("helpUri", docsUrl.of(rule.descriptor()));
    if (bundled != null) {
      json.writeObjectFieldStart("help");
      json.writeFieldName("text");
      json.writeRawUTF8String(bundled.text(), 0, bundled.text().length);
      json.writeFieldName("markdown");
      json.writeRawUTF8String(bundled.markdown(), 0, bundled.markdown().length);
      json.writeEndObject();
    } else {
      multiformat(json, "help", help.text(), help.markdown());
    }

    json.writeObjectFieldStart("properties");
    Set<String> tags = new LinkedHashSet<>();
    // a declared guideline rule without security mappings (x-threatlint) is no security alert
    boolean security = info.securitySeverity() > 0;
    if (security) {
      tags.add("security");
    }
    for (String category : info.owasp2023()) {
      tags.add("owasp-api-2023/" + category);
    }
    for (String category : info.owasp2019()) {
      tags.add("owasp-api-2019/" + category);
    }
    for (String area : info.sftiAreas()) {
      tags.add("sfti/" + area);
    }
    writeArray(json, "tags", tags);
    // the order reports have always had, which the goldens pin
    writeField(json, "precision", info.precision());
    writeArray(json, "sfti-scenarios", List.of(info.sftiScenarios()));
    if (security) {
      json.writeStringField("security-severity", RuleDocs.severity(info.securitySeverity()));
    }
    json.writeStringField(
        "problem.severity",
        rule.level() == Level.NOTE ? "recommendation" : sarifLevel(rule.level()));
    json.writeEndObject();
    json.writeEndObject();
  }

  /**
   * What many results share, made once by the thread that writes them: each file's artifact, the
   * related locations of each list of uses, and the digests the fingerprints of each rule and file
   * begin with. The findings in one shared part have the same uses (one list, {@code DocumentRun}),
   * and so the same related locations when nothing else is related: Kubernetes' 2,446 such results
   * have 11,692 related locations, in 85 different arrays.
   */
  private static final class SharedParts {
    private final Map<String, Artifact> artifacts = new HashMap<>();
    private final Map<List<Finding.Use>, SerializedString> usedBy = new IdentityHashMap<>();
    private final FindingKey.Fingerprints fingerprints = new FindingKey.Fingerprints();

    Artifact artifact(String file) {
      Artifact artifact = artifacts.get(file);
      if (artifact == null) {
        artifact = SarifReporter.artifact(file);
        artifacts.put(file, artifact);
      }
      return artifact;
    }

    /**
     * A generator inside a result, where {@link #usedBy} writes the arrays it makes (one for all,
     * since a generator is costly to set up: GitHub has 389 arrays for 1,626 results); null until
     * the first. It holds no resource but memory, and is left to the collector.
     */
    private JsonGenerator scratch;

    private final ByteArrayOutputStream scratchText = new ByteArrayOutputStream();

    /**
     * The {@code relatedLocations} array of these uses as a raw value, as {@link #result} writes it
     * there: made at the same depth (as {@link ResultsAhead#make} makes a chunk), from the array's
     * start, since the separator before it is the writing generator's.
     */
    SerializedString usedBy(List<Finding.Use> uses) throws IOException {
      SerializedString known = usedBy.get(uses);
      if (known != null) {
        return known;
      }
      if (scratch == null) {
        scratch = JSON.createGenerator(scratchText, JsonEncoding.UTF8);
        Indentation.prettyPrint(scratch);
        scratch.writeStartObject();
        scratch.writeArrayFieldStart("runs");
        scratch.writeStartObject();
        scratch.writeArrayFieldStart("results");
        scratch.writeStartObject();
      }
      scratch.writeFieldName(RELATED_LOCATIONS);
      scratch.flush();
      scratchText.reset();
      scratch.writeStartArray();
      SarifReporter.usedBy(scratch, uses, this);
      scratch.writeEndArray();
      scratch.flush();
      byte[] text = scratchText.toByteArray();
      int start = 0;
      while (text[start] != '[') {
        start++;
      }
      SerializedString made = new RawValue(Arrays.copyOfRange(text, start, text.length));
      usedBy.put(uses, made);
      return made;
    }
  }

  /**
   * A JSON value to write as it is, made as UTF-8 by a generator. A {@link SerializedString} of its
   * text encodes the text again at its first use, in a method that runs interpreted for the few
   * dozen arrays {@link SharedParts#usedBy} makes (Stripe JSON: 37 arrays, about 3 ms of CPU).
   */
  private static final class RawValue extends SerializedString {
    RawValue(byte[] utf8) {
      super(new String(utf8, StandardCharsets.UTF_8));
      // what writeRawValue writes
      _unquotedUTF8Ref = utf8;
    }
  }

  private static void result(
      JsonGenerator json,
      Finding finding,
      Map<String, IndexedRule> ruleIndex,
      Set<FindingKey> repeatedKeys,
      SharedParts shared)
      throws IOException {
    json.writeStartObject();
    json.writeFieldName(RULE_ID);
    IndexedRule rule = ruleIndex.get(finding.ruleId());
    if (rule != null && rule.id() != null) {
      json.writeString(rule.id());
    } else {
      json.writeString(finding.ruleId());
    }
    if (rule != null) {
      json.writeFieldName(RULE_INDEX);
      json.writeNumber(rule.index());
    }
    json.writeFieldName(LEVEL);
    json.writeString(LEVEL_NAMES[finding.level().ordinal()]);
    message(json, finding.message());
    json.writeFieldName(LOCATIONS);
    json.writeStartArray();
    location(json, 0, shared.artifact(finding.file()), finding.region(), finding.pointer(), null);
    json.writeEndArray();
    json.writeFieldName(PARTIAL_FINGERPRINTS);
    json.writeStartObject();
    json.writeFieldName(OUR_FINGERPRINT);
    json.writeString(fingerprint(finding, repeatedKeys, shared));
    json.writeEndObject();
    if (!finding.usedBy().isEmpty() && finding.related().isEmpty()) {
      json.writeFieldName(RELATED_LOCATIONS);
      json.writeRawValue(shared.usedBy(finding.usedBy()));
    } else if (!finding.usedBy().isEmpty() || !finding.related().isEmpty()) {
      json.writeFieldName(RELATED_LOCATIONS);
      json.writeStartArray();
      int id = usedBy(json, finding.usedBy(), shared);
      for (Finding.Related place : finding.related()) {
        location(
            json,
            ++id,
            shared.artifact(place.file()),
            place.region(),
            place.pointer(),
            place.label());
      }
      json.writeEndArray();
    }
    if (finding.isSuppressed()) {
      json.writeArrayFieldStart("suppressions");
      json.writeStartObject();
      json.writeStringField(
          "kind",
          Finding.Suppression.IN_SOURCE.equals(finding.suppression().kind())
              ? Finding.Suppression.IN_SOURCE
              : Finding.Suppression.EXTERNAL);
      json.writeStringField("status", "accepted");
      writeField(json, "justification", finding.suppression().reason());
      json.writeEndObject();
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  /**
   * The operations that use the shared part a finding is in, at most {@link #MAX_RELATED}, numbered
   * from 1; the last one's message counts those left out. Returns the last number given.
   */
  private static int usedBy(JsonGenerator json, List<Finding.Use> uses, SharedParts shared)
      throws IOException {
    int shown = Math.min(uses.size(), MAX_RELATED);
    for (int i = 0; i < shown; i++) {
      Finding.Use use = uses.get(i);
      int more = i == shown - 1 ? uses.size() - shown : 0;
      location(
          json,
          i + 1,
          shared.artifact(use.file()),
          use.region(),
          null,
          "used by "
              + use.operation()
              + (more == 0
                  ? ""
                  : " (and " + more + " more " + (more == 1 ? "operation" : "operations") + ")"));
    }
    return shown;
  }

  /**
   * A location: {@code id} when above 0, the region in the file, the JSON pointer as logical
   * location (its last member name as name, the whole pointer as fully qualified name) when not
   * null, and a message when not null.
   */
  private static void location(
      JsonGenerator json, int id, Artifact artifact, Region region, String pointer, String message)
      throws IOException {
    json.writeStartObject();
    if (id > 0) {
      json.writeFieldName(ID);
      json.writeNumber(id);
    }
    json.writeFieldName(PHYSICAL_LOCATION);
    json.writeStartObject();
    artifactLocation(json, artifact);
    json.writeFieldName(REGION);
    json.writeStartObject();
    number(json, START_LINE, region.startLine());
    number(json, START_COLUMN, region.startColumn());
    number(json, END_LINE, region.endLine());
    number(json, END_COLUMN, region.endColumn());
    json.writeEndObject();
    json.writeEndObject();
    if (pointer != null) {
      json.writeFieldName(LOGICAL_LOCATIONS);
      json.writeStartArray();
      json.writeStartObject();
      json.writeFieldName(NAME);
      json.writeString(Pointers.lastSegment(pointer));
      json.writeFieldName(FULLY_QUALIFIED_NAME);
      json.writeString(pointer);
      json.writeEndObject();
      json.writeEndArray();
    }
    if (message != null) {
      message(json, message);
    }
    json.writeEndObject();
  }

  private static void notification(
      JsonGenerator json, ToolError error, Map<String, IndexedRule> ruleIndex) throws IOException {
    json.writeStartObject();
    if (error.file() != null) {
      json.writeArrayFieldStart("locations");
      json.writeStartObject();
      json.writeObjectFieldStart("physicalLocation");
      artifactLocation(json, artifact(error.file()));
      if (error.line() > 0) {
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", error.line());
        if (error.column() > 0) {
          json.writeNumberField("startColumn", error.column());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndArray();
    }
    message(json, error.oneLine());
    json.writeStringField("level", "error");
    if (error.ruleId() != null) {
      json.writeObjectFieldStart("associatedRule");
      json.writeStringField("id", error.ruleId());
      IndexedRule rule = ruleIndex.get(error.ruleId());
      if (rule != null) {
        json.writeNumberField("index", rule.index());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void artifactLocation(JsonGenerator json, Artifact artifact) throws IOException {
    json.writeFieldName(ARTIFACT_LOCATION);
    json.writeStartObject();
    json.writeFieldName(URI);
    json.writeString(artifact.uri());
    if (artifact.uriBaseId() != null) {
      json.writeFieldName(URI_BASE_ID);
      json.writeString(artifact.uriBaseId());
    }
    json.writeEndObject();
  }

  private static void message(JsonGenerator json, String text) throws IOException {
    json.writeFieldName(MESSAGE);
    json.writeStartObject();
    if (text != null) {
      json.writeFieldName(TEXT);
      json.writeString(text);
    }
    json.writeEndObject();
  }

  private static void number(JsonGenerator json, SerializedString name, int value)
      throws IOException {
    json.writeFieldName(name);
    json.writeNumber(value);
  }

  /** A {@code multiformatMessageString}: the text, and Markdown when not null. */
  private static void multiformat(JsonGenerator json, String name, String text, String markdown)
      throws IOException {
    json.writeObjectFieldStart(name);
    writeField(json, "text", text);
    writeField(json, "markdown", markdown);
    json.writeEndObject();
  }

  /** A string member, left out when it has no value. */
  private static void writeField(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  private static void writeArray(JsonGenerator json, String name, Iterable<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /**
   * Cuts to GitHub's limit by severity: active findings before suppressed ones, then errors before
   * warnings before notes, keeping the report order among those kept. Counted, not sorted: every
   * finding of a severity above the cut's, and the first of the cut's own in report order (the
   * directory corpus has over 100 000 findings to choose from).
   */
  static List<Finding> limit(List<Finding> findings) {
    if (findings.size() <= MAX_RESULTS) {
      return findings;
    }
    int[] bySeverity = new int[2 * LEVELS];
    for (Finding finding : findings) {
      bySeverity[severityRank(finding)]++;
    }
    int cut = 0;
    int above = 0;
    while (above + bySeverity[cut] < MAX_RESULTS) {
      above += bySeverity[cut];
      cut++;
    }
    int ofCut = MAX_RESULTS - above;
    List<Finding> kept = new ArrayList<>(MAX_RESULTS);
    for (Finding finding : findings) {
      int rank = severityRank(finding);
      if (rank < cut || (rank == cut && ofCut-- > 0)) {
        kept.add(finding);
      }
    }
    // the report's order; findings equal in it are told apart by severity, as they always were
    kept.sort(Finding.ORDER.thenComparingInt(SarifReporter::severityRank));
    return kept;
  }

  /** 0 for the most severe: an active error; suppressed findings after all active ones. */
  private static int severityRank(Finding finding) {
    return (finding.isSuppressed() ? LEVELS : 0) + LEVELS - 1 - finding.level().ordinal();
  }

  /**
   * Where a file is: relative to {@code %SRCROOT%} as reports name files under the working
   * directory; an absolute {@code file:} URI, without base, for a file outside it.
   */
  static Artifact artifact(String file) {
    String path = file.replace('\\', '/');
    if (path.startsWith("/")) {
      return new Artifact("file://" + toUri(path), null);
    }
    if (path.matches("[A-Za-z]:/.*")) {
      return new Artifact("file:///" + path.substring(0, 2) + toUri(path.substring(2)), null);
    }
    return new Artifact(toUri(path), SRCROOT);
  }

  /**
   * The absolute {@code file:} URI of a folder, ending with a slash as SARIF requires of a base
   * URI.
   */
  static String directoryUri(Path folder) {
    String uri = folder.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /**
   * A relative URI reference for a report path: forward slashes, each segment percent-encoded as
   * needed.
   */
  static String toUri(String file) {
    List<String> segments = new ArrayList<>();
    for (String segment : file.replace('\\', '/').split("/", -1)) {
      segments.add(encode(segment));
    }
    return String.join("/", segments);
  }

  private static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~@+=,;!$&'()*".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format("%02X", c));
      }
    }
    return out.toString();
  }

  /**
   * Our stable fingerprint, as the baseline's key: rule, file and JSON pointer, so a finding keeps
   * its identity when lines move or the file is reformatted; the message's digest too when other
   * findings have its key (the rule has other findings on the place), so that GitHub does not merge
   * them into one alert. GitHub adds its own {@code primaryLocationLineHash}.
   */
  private static String fingerprint(
      Finding finding, Set<FindingKey> repeatedKeys, SharedParts shared) {
    FindingKey key = FindingKey.of(finding);
    return shared.fingerprints.of(key, finding.message(), repeatedKeys.contains(key));
  }

  static String sarifLevel(Level level) {
    return level == Level.OFF ? "none" : level.label();
  }

  private static String camelName(String id) {
    StringBuilder name = new StringBuilder();
    for (String word : id.split("-")) {
      if (!word.isEmpty()) {
        name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return name.toString();
  }
}
