package io.github.threatlint.core.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.threatlint.core.api.ParsedFile;
import io.github.threatlint.core.api.SpecVersion;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a front end that analyses the same documents again and again (the language server, after
 * each pause in typing) keeps from one check to the next: swagger-parser's messages about each root
 * document, with the tree they were built from. swagger-parser reads the value of a {@code
 * description} or {@code summary} member as a string and nothing more (its type, never its words),
 * so a document that differs from the last one only in the text of such members gets the same
 * messages, and its model, the costliest part of a warm analysis after the rules, is not built
 * again. Any other difference builds it. Give the same cache with each request ({@link
 * CheckRequest.Builder#cache}), and {@link #forget} a document the editor closed.
 */
public final class CheckCache {
  /** The members whose text swagger-parser does not read. */
  private static final Set<String> PROSE = Set.of("description", "summary");

  /** By the root document's path. */
  private final Map<Path, Kept> parserMessages = new ConcurrentHashMap<>();

  private record Kept(
      String displayPath, SpecVersion version, JsonNode tree, List<String> messages) {}

  /** Forgets what was kept for the root document {@code file}. */
  public void forget(Path file) {
    parserMessages.remove(file.toAbsolutePath().normalize());
  }

  /** How many documents the cache holds something for. */
  public int size() {
    return parserMessages.size();
  }

  /**
   * The messages kept for the document when its tree differs from the one they were built from in
   * prose alone, else those {@code build} makes (and keeps).
   */
  List<String> parserMessages(ParsedFile file, SpecVersion version, Supplier<List<String>> build) {
    if (file.source().path() == null) {
      return build.get();
    }
    Path key = file.source().path().toAbsolutePath().normalize();
    Kept kept = parserMessages.get(key);
    List<String> messages =
        kept != null
                && kept.displayPath().equals(file.displayPath())
                && kept.version() == version
                && sameButProse(kept.tree(), file.root())
            ? kept.messages()
            : build.get();
    // the newest tree is kept: the next edit is compared with it
    parserMessages.put(key, new Kept(file.displayPath(), version, file.root(), messages));
    return messages;
  }

  /**
   * Whether two trees are equal but for the text of {@code description} and {@code summary} members
   * that are strings in both: the same members in the same order, the same values elsewhere.
   */
  static boolean sameButProse(JsonNode left, JsonNode right) {
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
            PROSE.contains(l.getKey()) && l.getValue().isTextual() && r.getValue().isTextual();
        if (!prose && !sameButProse(l.getValue(), r.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (left.isArray()) {
      for (int i = 0; i < left.size(); i++) {
        if (!sameButProse(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    return left.equals(right);
  }
}
