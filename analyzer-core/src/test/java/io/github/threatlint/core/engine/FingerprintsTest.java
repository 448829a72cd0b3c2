package io.github.threatlint.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FindingKey.Fingerprints}, which hashes a key from the first block in which it differs from
 * the last of its rule and file, makes the fingerprints {@link FindingKey#fingerprint} defines:
 * baselines and code scanning match alerts on them.
 */
class FingerprintsTest {
  /** Rule ids and files short and long, so that their text ends before, at and after a block. */
  private static final List<String> RULES =
      List.of(
          "a", "string-max-length", "operation-security-missing-in-a-long-ruleset-x", "r\u00e9gle");

  private static final List<String> FILES =
      List.of(
          "api.yaml",
          "/work/shared/corpus/large/kubernetes__swagger_v1.26.1.json",
          "spec/\u00fcber \ud83d\ude00.json",
          "x".repeat(64 - "a\n\n".length()),
          "y".repeat(200));

  @Test
  void manyKeysHaveTheFingerprintsOfTheirKeysAlone() {
    Random random = new Random(21);
    FindingKey.Fingerprints fingerprints = new FindingKey.Fingerprints();
    for (int i = 0; i < 5_000; i++) {
      FindingKey key =
          new FindingKey(
              RULES.get(random.nextInt(RULES.size())),
              FILES.get(random.nextInt(FILES.size())),
              pointer(random));
      String message = "message " + (char) ('a' + random.nextInt(26)) + " \t\n " + i + " \u00e9";
      boolean withMessage = random.nextBoolean();
      assertThat(fingerprints.of(key, message, withMessage))
          .as("%s, %s", key, withMessage)
          .isEqualTo(key.fingerprint(message, withMessage));
    }
  }

  @Test
  void keysOfOneFileAfterAnotherWithPointersThatBeginAlikeHaveTheFingerprintsOfTheirKeysAlone() {
    Random random = new Random(17);
    FindingKey.Fingerprints fingerprints = new FindingKey.Fingerprints();
    List<String> pointers = new ArrayList<>(List.of(""));
    for (int i = 0; i < 5_000; i++) {
      // the files in turn, some met again; pointers that extend or cut earlier ones
      String file = FILES.get(i / 300 % FILES.size());
      String earlier = pointers.get(random.nextInt(pointers.size()));
      String more = pointer(random);
      String pointer =
          earlier.substring(0, random.nextInt(earlier.length() + 1))
              + more.substring(0, Math.min(more.length(), random.nextInt(40)));
      pointers.add(pointer);
      FindingKey key = new FindingKey(RULES.get(random.nextInt(RULES.size())), file, pointer);
      String message = "message " + i;
      boolean withMessage = random.nextInt(5) == 0;
      assertThat(fingerprints.of(key, message, withMessage))
          .as("%s, %s", key, withMessage)
          .isEqualTo(key.fingerprint(message, withMessage));
    }
  }

  /** Pointers of 0 to 200 characters, some of them outside ASCII and some lone surrogates. */
  private static String pointer(Random random) {
    StringBuilder pointer = new StringBuilder();
    int length = random.nextInt(201);
    String characters = "/~01abcxyz{}-_.\u00e9\u4e2d\ud83d\ude00\ud800";
    while (pointer.length() < length) {
      pointer.append(characters.charAt(random.nextInt(characters.length())));
    }
    return pointer.toString();
  }
}
