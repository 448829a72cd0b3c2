package io.github.threatlint.core.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
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
    return sha256(message.strip().replaceAll("\\s+", " "), 8);
  }

  /**
   * A stable identity of 32 hex digits: the key's, plus the message's when {@code withMessage}
   * (several findings of one rule on one place).
   */
  public String fingerprint(String message, boolean withMessage) {
    String identity = ruleId + "\n" + file + "\n" + pointer;
    return sha256(withMessage ? identity + "\n" + messageDigest(message) : identity, 16);
  }

  /**
   * One digest per thread, reset by each {@code digest}: looking SHA-256 up among the security
   * providers for every fingerprint cost as much as hashing (Stripe: 10,000 SARIF results, 40 ms).
   */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private static String sha256(String text, int bytes) {
    byte[] hash = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, bytes);
  }

  /**
   * The {@link #fingerprint}s of many keys, made on one thread: the digest of what the keys of one
   * rule in one file begin with ({@code ruleId\nfile\n}) is made once and copied for each key, so
   * that the blocks they share are hashed once. A rule id and an absolute path fill SHA-256's first
   * 64-byte block: Kubernetes' 13,535 SARIF results hashed about 2.7 blocks each, under C1, which
   * has no SHA intrinsic (docs/performance.md, round 11).
   */
  public static final class Fingerprints {
    /** The digests begun, by rule and file (a key without pointer). */
    private final Map<FindingKey, MessageDigest> begun = new HashMap<>();

    /** The key's fingerprint, as {@link FindingKey#fingerprint} makes it. */
    public String of(FindingKey key, String message, boolean withMessage) {
      MessageDigest digest =
          copy(
              begun.computeIfAbsent(
                  new FindingKey(key.ruleId, key.file, null), Fingerprints::begin));
      // the UTF-8 of the parts, one after the other, is that of the text they make: they meet at
      // line breaks, never inside a surrogate pair
      digest.update(key.pointer.getBytes(StandardCharsets.UTF_8));
      if (withMessage) {
        digest.update(("\n" + messageDigest(message)).getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static MessageDigest begin(FindingKey ruleAndFile) {
      MessageDigest digest = copy(SHA_256.get());
      digest.update(
          (ruleAndFile.ruleId + "\n" + ruleAndFile.file + "\n").getBytes(StandardCharsets.UTF_8));
      return digest;
    }

    private static MessageDigest copy(MessageDigest digest) {
      try {
        return (MessageDigest) digest.clone();
      } catch (CloneNotSupportedException e) {
        // the JDK's SHA-256 can be copied; a provider whose digest cannot is not one we ask for
        throw new IllegalStateException(e);
      }
    }
  }
}
