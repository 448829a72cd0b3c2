package io.github.threatlint.core.engine;

import io.github.threatlint.core.vocabulary.Words;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What identifies a finding from one run to the next: its rule, its file and its JSON pointer,
 * never a line, so that it survives reformatting, lines moving and a switch between JSON and YAML.
 * One place can carry several findings of one rule (an info object without contact and without
 * description); the digest of the message tells those apart. The baseline matches findings by this
 * key, and SARIF fingerprints are made of it.
 *
 * @param file the file as the user of the key names it (relative to the baseline, or to the SARIF
 *     root)
 */
public record FindingKey(String ruleId, String file, String pointer) {

  public static FindingKey of(Finding finding, String file) {
    return new FindingKey(finding.ruleId(), file, finding.pointer());
  }

  /** The key with the file as the finding names it. */
  public static FindingKey of(Finding finding) {
    return of(finding, finding.file());
  }

  /**
   * The keys more than one of the findings has (the file as the findings name it): few or none, so
   * that asking for each finding's key costs less than a count of every key would.
   */
  public static Set<FindingKey> repeated(List<Finding> findings) {
    Set<FindingKey> seen = new HashSet<>(findings.size() * 4 / 3 + 1);
    Set<FindingKey> repeated = new HashSet<>();
    for (Finding finding : findings) {
      FindingKey key = of(finding);
      if (!seen.add(key)) {
        repeated.add(key);
      }
    }
    return repeated;
  }

  /**
   * Written out, as {@link Mitigation}'s: a record's generated hash code goes through method
   * handles, which C1 runs slowly, and SARIF counts the keys of every finding of a run (the
   * directory corpus: 112 000).
   */
  @Override
  public int hashCode() {
    return (Objects.hashCode(ruleId) * 31 + Objects.hashCode(file)) * 31
        + Objects.hashCode(pointer);
  }

  // and equals, as a record's own computes it: that is linked through method handles at its first
  // call, which a class-data archive does not hold (docs/performance.md)
  @Override
  public boolean equals(Object other) {
    return other instanceof FindingKey that
        && Objects.equals(ruleId, that.ruleId)
        && Objects.equals(file, that.file)
        && Objects.equals(pointer, that.pointer);
  }

  /** The first 16 hex digits of the SHA-256 of the message with its white space collapsed. */
  public static String messageDigest(String message) {
    return sha256(Words.collapseWhiteSpace(message.strip()), 8);
  }

  /**
   * A stable identity of 32 hex digits: the key's, plus the message's when {@code withMessage}
   * (several findings of one rule on one place).
   */
  public String fingerprint(String message, boolean withMessage) {
    String identity = ruleId + "\n" + file + "\n" + pointer;
    return sha256(withMessage ? identity + "\n" + messageDigest(message) : identity, 16);
  }

  /** One hasher per thread, reset by each use ({@link Sha256} says why not a MessageDigest). */
  private static final ThreadLocal<Sha256> SHA_256 = ThreadLocal.withInitial(Sha256::new);

  private static String sha256(String text, int bytes) {
    return SHA_256.get().reset().update(text).hex(bytes);
  }

  /**
   * The {@link #fingerprint}s of many keys, made on one thread, file by file as a report lists its
   * findings: the keys of one rule in one file are hashed as {@link Sha256.Texts}, each from the
   * first block in which it differs from the rule's last key. A rule id and an absolute path fill
   * SHA-256's first 64-byte block, and a rule's findings are often in one part of the file (C1 has
   * no SHA intrinsic; docs/performance.md, rounds 11 and 17).
   */
  public static final class Fingerprints {
    /** The keys of each rule in {@link #file} hashed so far. */
    private final Map<String, Sha256.Texts> byRule = new HashMap<>();

    /** The file of the last key. */
    private String file;

    private final Sha256 sha256 = new Sha256();

    /** The key's fingerprint, as {@link FindingKey#fingerprint} makes it. */
    public String of(FindingKey key, String message, boolean withMessage) {
      if (!Objects.equals(key.file, file)) {
        // a report lists a file's findings together: what its keys kept can go at the next file
        byRule.clear();
        file = key.file;
      }
      Sha256.Texts ofRule = byRule.get(key.ruleId);
      if (ofRule == null) {
        // not computeIfAbsent: its lambda would capture this file, made anew for every key
        ofRule = new Sha256.Texts(key.ruleId + "\n" + file + "\n");
        byRule.put(key.ruleId, ofRule);
      }
      // the UTF-8 of the parts, one after the other, is that of the text they make: they meet at
      // line breaks, never inside a surrogate pair; messageDigest hashes on the same thread's other
      // hasher
      String rest = withMessage ? key.pointer + "\n" + messageDigest(message) : key.pointer;
      return sha256.hex(ofRule, rest.getBytes(StandardCharsets.UTF_8), 16);
    }
  }
}
