package io.github.threatlint.core.engine;

import io.github.threatlint.core.vocabulary.Words;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /** How many of the findings have each key (the file as the findings name it). */
  public static Map<FindingKey, Integer> counts(List<Finding> findings) {
    Map<FindingKey, Integer> counts = new HashMap<>(findings.size() * 4 / 3 + 1);
    for (Finding finding : findings) {
      counts.merge(of(finding), 1, Integer::sum);
    }
    return counts;
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
   * The {@link #fingerprint}s of many keys, made on one thread: the hash of what the keys of one
   * rule in one file begin with ({@code ruleId\nfile\n}) is made once and restored for each key, so
   * that the blocks they share are hashed once. A rule id and an absolute path fill SHA-256's first
   * 64-byte block: Kubernetes' 13,535 SARIF results hashed about 2.7 blocks each, under C1, which
   * has no SHA intrinsic (docs/performance.md, round 11).
   */
  public static final class Fingerprints {
    /** What the keys of each rule and file begin with, hashed (a key without pointer). */
    private final Map<FindingKey, Sha256.Begun> begun = new HashMap<>();

    private final Sha256 sha256 = new Sha256();

    /** The key's fingerprint, as {@link FindingKey#fingerprint} makes it. */
    public String of(FindingKey key, String message, boolean withMessage) {
      Sha256.Begun ruleAndFile =
          begun.computeIfAbsent(new FindingKey(key.ruleId, key.file, null), this::begin);
      // the UTF-8 of the parts, one after the other, is that of the text they make: they meet at
      // line breaks, never inside a surrogate pair
      sha256.restore(ruleAndFile).update(key.pointer);
      if (withMessage) {
        // messageDigest hashes on the same thread's other hasher
        sha256.update("\n" + messageDigest(message));
      }
      return sha256.hex(16);
    }

    private Sha256.Begun begin(FindingKey ruleAndFile) {
      return sha256.reset().update(ruleAndFile.ruleId + "\n" + ruleAndFile.file + "\n").begun();
    }
  }
}
