package io.github.threatlint.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SHA-256 (FIPS 180-4), written out for {@link FindingKey}'s fingerprints, which hash short texts
 * by the thousand, most of them after a beginning many share: a {@link java.security.MessageDigest}
 * is found among the security providers (a cold run's first lookup loads and sets them up, 9 ms of
 * CPU) and copied for each text (its buffers and a 64-word schedule each), where this one goes on
 * from the blocks a text shares with the last one like it ({@link Texts}) in buffers it reuses, and
 * writes the hex digits itself. The hashing is plain Java under C1 either way (C1 has no SHA
 * intrinsic), about 22 ms for the fingerprints of Stripe JSON's 8,913 SARIF results; all their work
 * took 47 ms of CPU per cold run with MessageDigest, 26 ms with this (async-profiler, 3 runs each;
 * docs/performance.md, round 14).
 *
 * <p>Not thread-safe: one per thread.
 */
final class Sha256 {
  private static final int[] ROUND_CONSTANTS = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private static final int[] INITIAL_HASH = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private final int[] hash = new int[8];
  private final byte[] block = new byte[64];
  private final int[] schedule = new int[64];

  /** The bytes in {@link #block} not hashed yet. */
  private int pending;

  private long length;

  Sha256() {
    reset();
  }

  /** Back to nothing hashed. */
  Sha256 reset() {
    System.arraycopy(INITIAL_HASH, 0, hash, 0, 8);
    pending = 0;
    length = 0;
    return this;
  }

  /** Hashes the text's UTF-8 (a lone surrogate as '?', as {@link String#getBytes} encodes it). */
  Sha256 update(String text) {
    return update(text.getBytes(StandardCharsets.UTF_8));
  }

  Sha256 update(byte[] bytes) {
    update(bytes, 0, bytes.length, null);
    return this;
  }

  /**
   * Hashes {@code count} bytes from {@code offset}; when {@code kept} is not null, keeps the hash
   * after each whole block there.
   */
  private void update(byte[] bytes, int offset, int count, Texts kept) {
    int end = offset + count;
    while (offset < end) {
      int taken = Math.min(64 - pending, end - offset);
      System.arraycopy(bytes, offset, block, pending, taken);
      pending += taken;
      offset += taken;
      length += taken;
      if (pending == 64) {
        compress();
        pending = 0;
        if (kept != null) {
          kept.keep((int) (length / 64), hash);
        }
      }
    }
  }

  /**
   * Texts hashed one after another that begin alike (the fingerprints of one rule's findings in one
   * file: {@code ruleId\nfile\n}, then a JSON pointer): the last text, and the hash after each of
   * its whole blocks, so that the next is hashed from the first block in which the two differ.
   * Stripe JSON's pointers are long and a rule's findings are near each other in its paths: of its
   * 8,913 SARIF results' 33,000 blocks (padding included) 14,900 are hashed so, 24,100 when only
   * the beginning was kept (docs/performance.md, round 17).
   */
  static final class Texts {
    /** What every text begins with, as UTF-8. */
    private final byte[] beginning;

    /** The last text's rest after {@link #beginning}. */
    private byte[] rest = new byte[0];

    /** The hash after each whole block of the last text, 8 words each: the i-th's from 8 * i. */
    private int[] hashes = new int[0];

    /** How many whole blocks the last text has (none before the first). */
    private int blocks;

    /** Texts that begin with this text's UTF-8. */
    Texts(String beginning) {
      this.beginning = beginning.getBytes(StandardCharsets.UTF_8);
    }

    /** Keeps the hash after the text's first {@code blocks} blocks. */
    private void keep(int blocks, int[] hash) {
      if (hashes.length < 8 * blocks) {
        hashes = Arrays.copyOf(hashes, Math.max(8 * blocks, 2 * hashes.length));
      }
      System.arraycopy(hash, 0, hashes, 8 * (blocks - 1), 8);
      this.blocks = blocks;
    }
  }

  /**
   * The first {@code bytes} bytes of the digest of the texts' beginning followed by {@code rest},
   * in lower-case hex, the blocks it shares with the texts' last one not hashed again; it becomes
   * their last. This hasher is left in no use.
   */
  String hex(Texts texts, byte[] rest, int bytes) {
    int differ = Arrays.mismatch(texts.rest, rest);
    int same = texts.beginning.length + (differ < 0 ? rest.length : differ);
    // every whole block of the last text has its hash kept, and so each block the two share
    int blocks = Math.min(same / 64, texts.blocks);
    texts.blocks = blocks;
    if (blocks == 0) {
      reset();
    } else {
      System.arraycopy(texts.hashes, 8 * (blocks - 1), hash, 0, 8);
      pending = 0;
      length = 64L * blocks;
    }
    int from = 64 * blocks;
    if (from < texts.beginning.length) {
      update(texts.beginning, from, texts.beginning.length - from, texts);
      from = texts.beginning.length;
    }
    int restFrom = from - texts.beginning.length;
    update(rest, restFrom, rest.length - restFrom, texts);
    texts.rest = rest;
    return hex(bytes);
  }

  /** The first {@code bytes} bytes of the digest, in lower-case hex; this is left in no use. */
  String hex(int bytes) {
    long bits = length * 8;
    block[pending++] = (byte) 0x80;
    if (pending > 56) {
      Arrays.fill(block, pending, 64, (byte) 0);
      compress();
      pending = 0;
    }
    Arrays.fill(block, pending, 56, (byte) 0);
    for (int i = 0; i < 8; i++) {
      block[56 + i] = (byte) (bits >>> (56 - 8 * i));
    }
    compress();
    // bytes, not chars: the String keeps Latin-1 bytes, and a char[] was twice their size (Stripe
    // JSON's 8,913 fingerprints: 0.7 MB of char arrays)
    byte[] hex = new byte[2 * bytes];
    for (int i = 0; i < hex.length; i++) {
      hex[i] = HEX_DIGITS[(hash[i / 8] >>> (28 - 4 * (i % 8))) & 0xf];
    }
    return new String(hex, StandardCharsets.ISO_8859_1);
  }

  /** Hashes the 64 bytes of {@link #block}. */
  private void compress() {
    int[] w = schedule;
    for (int t = 0; t < 16; t++) {
      w[t] =
          (block[4 * t] & 0xff) << 24
              | (block[4 * t + 1] & 0xff) << 16
              | (block[4 * t + 2] & 0xff) << 8
              | (block[4 * t + 3] & 0xff);
    }
    for (int t = 16; t < 64; t++) {
      int s0 =
          Integer.rotateRight(w[t - 15], 7)
              ^ Integer.rotateRight(w[t - 15], 18)
              ^ (w[t - 15] >>> 3);
      int s1 =
          Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    int a = hash[0];
    int b = hash[1];
    int c = hash[2];
    int d = hash[3];
    int e = hash[4];
    int f = hash[5];
    int g = hash[6];
    int h = hash[7];
    for (int t = 0; t < 64; t++) {
      int sum1 =
          Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
      int choice = (e & f) ^ (~e & g);
      int t1 = h + sum1 + choice + ROUND_CONSTANTS[t] + w[t];
      int sum0 =
          Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
      int majority = (a & b) ^ (a & c) ^ (b & c);
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + sum0 + majority;
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }
}
