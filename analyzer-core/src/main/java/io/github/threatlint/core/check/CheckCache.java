package io.github.threatlint.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ApiDocument;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.RuleInfo;
import io.github.threatlint.core.api.SourceFile;
import io.github.threatlint.core.api.SpecVersion;
import io.github.threatlint.core.engine.Analyzer;
import io.github.threatlint.core.engine.PartMessages;
import io.github.threatlint.core.engine.RuleCalls;
import io.github.threatlint.core.source.ScalarEdit;
import io.github.threatlint.core.source.SourceException;
import io.github.threatlint.core.source.TreeParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a front end that analyses the same documents again and again (the language server, after
 * each pause in typing) keeps from one check to the next, for each root document with the tree it
 * was last analysed as: what an edit of the text of {@code description} and {@code summary} members
 * cannot change. swagger-parser reads such a value as a string and nothing more (its type, never
 * its words), so a document that differs from the last one only in that text gets the same
 * messages, and its model is not built again. Most rules do not read it either ({@link
 * RuleInfo#readsProse()}): their calls on their context are kept ({@link RuleCalls}) and replayed
 * against the new document instead of running them. Any other difference builds the model and runs
 * every rule. Give the same cache with each request ({@link CheckRequest.Builder#cache}), and
 * {@link #forget} a document the editor closed.
 */
public final class CheckCache implements RuleCalls.Memory, Analyzer.LastDocuments {
  /** The members whose text swagger-parser, and a rule that does not read prose, do not read. */
  private static final Set<String> PROSE = Set.of("description", "summary");

  /**
   * Members whose value is data the author wrote for clients, not the document's own words: a
   * member named {@code description} or {@code summary} inside it (an example's field, a
   * discriminator mapping's key, an extension's) may be read by any rule. An {@code examples} map
   * of OpenAPI 3 Example Objects, a schema property named {@code value} and the like are data here
   * too: an edit there costs a full analysis, never a stale one.
   */
  private static final Set<String> DATA_MEMBERS =
      Set.of("example", "examples", "default", "enum", "const", "value", "mapping");

  /** Where a member is, for whether its text can be prose. */
  private enum Context {
    DOCUMENT,
    /** The map of Link Objects: names chosen by the author. */
    LINKS,
    /** A Link Object, whose parameters and request body are runtime expressions or values. */
    LINK,
    DATA;

    /** Whether a description or summary member here is the document's own words. */
    boolean hasProse() {
      return this == DOCUMENT || this == LINK;
    }

    Context of(String key) {
      return switch (this) {
        case DATA -> DATA;
        case LINKS -> LINK;
        case LINK ->
            key.equals("parameters") || key.equals("requestBody") ? DATA : DOCUMENT.of(key);
        case DOCUMENT ->
            DATA_MEMBERS.contains(key) || key.startsWith("x-")
                ? DATA
                : key.equals("links") ? LINKS : DOCUMENT;
      };
    }
  }

  /** By the root document's path. */
  private final Map<Path, Kept> documents = new HashMap<>();

  /**
   * What is kept for the document analysed as {@code tree}: its messages once built, the rules'
   * calls once kept (null until then). Either may be written by another thread than the one that
   * made the entry (the model is built beside the walk).
   */
  private static final class Kept {
    final String displayPath;
    final SpecVersion version;
    final ParsedFile file;
    volatile List<String> messages;
    volatile RuleCalls calls;

    /**
     * After a structural edit, the last tree and its messages, until this tree's are worked out
     * from them ({@link PartMessages}) or built; null otherwise.
     */
    JsonNode lastRoot;

    List<String> lastMessages;

    /** The document analysed as {@code tree}, once its analysis is done. */
    volatile ApiDocument document;

    /**
     * The document analysed as the tree before, until the analysis of this tree takes it ({@link
     * #last}); null otherwise.
     */
    ApiDocument lastDocument;

    Kept(String displayPath, SpecVersion version, ParsedFile file) {
      this.displayPath = displayPath;
      this.version = version;
      this.file = file;
    }
  }

  /** Forgets what was kept for the root document {@code file}. */
  public synchronized void forget(Path file) {
    documents.remove(key(file));
  }

  /** The key of a document's entry: its path, absolute and normalized. */
  private static Path key(Path file) {
    return file.toAbsolutePath().normalize();
  }

  /**
   * The entry kept for {@code file}'s path when it is still for {@code file}'s tree (no newer tree
   * came meanwhile), else null.
   */
  private Kept keptFor(ParsedFile file) {
    Kept kept = file.source().path() == null ? null : documents.get(key(file.source().path()));
    return kept != null && kept.file.root() == file.root() ? kept : null;
  }

  /** How many documents the cache holds something for. */
  public synchronized int size() {
    return documents.size();
  }

  /** How many calls of rules the cache keeps for the root document {@code file}. */
  public synchronized int ruleCalls(Path file) {
    Kept kept = documents.get(key(file));
    RuleCalls calls = kept == null ? null : kept.calls;
    return calls == null ? 0 : calls.size();
  }

  /**
   * The entry of the document analysed as {@code file}'s tree, or null for a document without a
   * path. The first ask for a new tree compares it with the kept one (once per analysis: the
   * messages and the rules ask for the same tree): when they differ in prose alone, the new entry
   * starts with what was kept; the newest tree is kept, the next edit is compared with it.
   */
  private synchronized Kept entry(ParsedFile file, SpecVersion version) {
    if (file.source().path() == null) {
      return null;
    }
    Path key = key(file.source().path());
    Kept kept = documents.get(key);
    if (kept != null && kept.file.root() == file.root()) {
      return kept;
    }
    Kept next = new Kept(file.displayPath(), version, file);
    next.lastDocument = kept == null ? null : kept.document;
    if (kept != null
        && kept.displayPath.equals(file.displayPath())
        && kept.version == version
        && sameButProse(kept.file.root(), file.root())) {
      next.messages = kept.messages;
      next.calls = kept.calls;
    } else if (kept != null
        && kept.displayPath.equals(file.displayPath())
        && kept.version == version
        && kept.messages != null) {
      next.lastRoot = kept.file.root();
      next.lastMessages = kept.messages;
    }
    documents.put(key, next);
    return next;
  }

  /**
   * The tree of {@code source}: derived from the one last analysed for its path when the edit lies
   * inside one string ({@link ScalarEdit}), which makes the trees' comparison walk the copied path
   * alone; else parsed.
   */
  ParsedFile parse(SourceFile source) throws SourceException {
    ParsedFile last = null;
    if (source.path() != null) {
      synchronized (this) {
        Kept kept = documents.get(key(source.path()));
        last = kept == null ? null : kept.file;
      }
    }
    ParsedFile edited = last == null ? null : ScalarEdit.apply(last, source);
    return edited != null ? edited : TreeParser.parse(source);
  }

  /**
   * The messages kept for the document when its tree differs from the one they were built from in
   * prose alone; when it differs in one component schema, those worked out from the last ones for
   * that schema alone ({@link PartMessages}); else those {@code build} makes. Kept.
   */
  List<String> parserMessages(ParsedFile file, SpecVersion version, Supplier<List<String>> build) {
    Kept kept = entry(file, version);
    if (kept == null) {
      return build.get();
    }
    List<String> messages = kept.messages;
    if (messages == null) {
      List<String> lastMessages;
      JsonNode lastRoot;
      synchronized (this) {
        lastMessages = kept.lastMessages;
        lastRoot = kept.lastRoot;
        kept.lastMessages = null;
        kept.lastRoot = null;
      }
      if (lastMessages != null) {
        messages = PartMessages.update(lastMessages, lastRoot, file, version);
      }
      if (messages == null) {
        messages = build.get();
      }
      kept.messages = messages;
    }
    return messages;
  }

  @Override
  public synchronized ApiDocument last(ParsedFile file, SpecVersion version) {
    Kept kept = entry(file, version);
    if (kept == null) {
      return null;
    }
    ApiDocument last = kept.lastDocument;
    kept.lastDocument = null;
    return last;
  }

  @Override
  public synchronized void keep(ApiDocument document) {
    Kept kept = keptFor(document.rootFile());
    if (kept != null) {
      kept.document = document;
    }
  }

  @Override
  public RuleCalls recall(ParsedFile file, SpecVersion version) {
    Kept kept = entry(file, version);
    return kept == null ? null : kept.calls;
  }

  /** Keeps the calls for the tree they were made on, unless a newer tree is kept already. */
  @Override
  public synchronized void keep(ParsedFile file, SpecVersion version, RuleCalls calls) {
    Kept kept = keptFor(file);
    if (kept != null) {
      kept.calls = calls;
    }
  }

  /**
   * Whether two trees are equal but for the text of {@code description} and {@code summary} members
   * that are strings in both, outside data ({@link #DATA_MEMBERS}): the same members in the same
   * order, the same values elsewhere.
   */
  static boolean sameButProse(JsonNode left, JsonNode right) {
    return sameButProse(left, right, Context.DOCUMENT);
  }

  private static boolean sameButProse(JsonNode left, JsonNode right, Context context) {
    if (left == right) {
      return true;
    }
    if (left.getNodeType() != right.getNodeType() || left.size() != right.size()) {
      return false;
    }
    if (left.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> rightMembers = right.properties().iterator();
      for (Map.Entry<String, JsonNode> l : left.properties()) {
        Map.Entry<String, JsonNode> r = rightMembers.next();
        if (!l.getKey().equals(r.getKey())) {
          return false;
        }
        boolean prose =
            context.hasProse()
                && PROSE.contains(l.getKey())
                && l.getValue().isTextual()
                && r.getValue().isTextual();
        if (!prose && !sameButProse(l.getValue(), r.getValue(), context.of(l.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (left.isArray()) {
      for (int i = 0; i < left.size(); i++) {
        if (!sameButProse(left.get(i), right.get(i), context)) {
          return false;
        }
      }
      return true;
    }
    return left.equals(right);
  }
}
