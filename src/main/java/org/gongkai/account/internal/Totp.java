package org.gongkai.account.internal;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords as RFC 6238 defines them and every authenticator app computes them:
 * HMAC-SHA1, 30-second steps, six digits. A code is accepted for the step before and after the
 * current one, to allow for a phone's clock; the caller keeps the step last used, so that a code
 * works once.
 */
final class Totp {

  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;

  private Totp() {}

  /** A fresh key of 160 bits, as RFC 4226 recommends, in the Base32 that apps take. */
  static String newSecret(SecureRandom random) {
    byte[] key = new byte[20];
    random.nextBytes(key);
    return new Base32().encodeToString(key).replace("=", "");
  }

  /** The step a code matches, if it matches one within a step of now and after {@code lastStep}. */
  static OptionalLong verify(String secret, String code, long lastStep, Clock clock) {
    if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long now = Instant.now(clock).getEpochSecond() / STEP_SECONDS;
    for (long step = now - 1; step <= now + 1; step++) {
      if (step > lastStep
          && MessageDigest.isEqual(codeAt(secret, step).getBytes(), code.strip().getBytes())) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  static String codeAt(String secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary =
          ((hash[offset] & 0x7f) << 24)
              | ((hash[offset + 1] & 0xff) << 16)
              | ((hash[offset + 2] & 0xff) << 8)
              | (hash[offset + 3] & 0xff);
      return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What an authenticator app scans: the key, the account and who issued it. */
  static String uri(String issuer, String account, String secret) {
    String label = encode(issuer) + ":" + encode(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + secret
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
