package org.gongkai.analytics.internal;

/**
 * SipHash-2-4 (Aumasson and Bernstein) over a site id and two strings, fed as 64-bit words (four
 * UTF-16 units each, every string preceded by its length): a keyed hash whose key, the day's salt,
 * is needed to link two values, without encoding the strings into a byte array first.
 */
final class SipHash {

  private long v0;
  private long v1;
  private long v2;
  private long v3;
  private long words;

  private SipHash(long k0, long k1) {
    v0 = k0 ^ 0x736f6d6570736575L;
    v1 = k1 ^ 0x646f72616e646f6dL;
    v2 = k0 ^ 0x6c7967656e657261L;
    v3 = k1 ^ 0x7465646279746573L;
  }

  static long hash(long k0, long k1, long site, String first, String second) {
    SipHash h = new SipHash(k0, k1);
    h.word(site);
    h.string(first);
    h.string(second);
    return h.finish();
  }

  private void string(String s) {
    int length = s.length();
    word(length);
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      word(
          s.charAt(i)
              | ((long) s.charAt(i + 1) << 16)
              | ((long) s.charAt(i + 2) << 32)
              | ((long) s.charAt(i + 3) << 48));
    }
    if (i < length) {
      long last = 0;
      for (int shift = 0; i < length; i++, shift += 16) {
        last |= (long) s.charAt(i) << shift;
      }
      word(last);
    }
  }

  private void word(long m) {
    v3 ^= m;
    round();
    round();
    v0 ^= m;
    words++;
  }

  private long finish() {
    long b = words << 56;
    v3 ^= b;
    round();
    round();
    v0 ^= b;
    v2 ^= 0xff;
    round();
    round();
    round();
    round();
    return v0 ^ v1 ^ v2 ^ v3;
  }

  private void round() {
    v0 += v1;
    v1 = Long.rotateLeft(v1, 13);
    v1 ^= v0;
    v0 = Long.rotateLeft(v0, 32);
    v2 += v3;
    v3 = Long.rotateLeft(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = Long.rotateLeft(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = Long.rotateLeft(v1, 17);
    v1 ^= v2;
    v2 = Long.rotateLeft(v2, 32);
  }
}
