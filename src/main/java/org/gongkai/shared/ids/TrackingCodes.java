package org.gongkai.shared.ids;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Tracking codes and their secrets. A code is random (so that codes say nothing about volume); the
 * secret is an HMAC of the code under a platform key, so the database holds no secrets and a
 * retried submission can be answered with the same secret again.
 */
@Component
public class TrackingCodes {

  /** Crockford's base 32 without I, L, O, U: nothing to misread on paper or over the phone. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private static final String KEY_SETTING = "tracking.secret-key";

  private final SecureRandom random = new SecureRandom();
  private final PlatformKeys keys;

  public TrackingCodes(PlatformKeys keys) {
    this.keys = keys;
  }

  /** A new random code: the prefix and ten characters. */
  public String newCode(String prefix) {
    StringBuilder code = new StringBuilder(prefix);
    for (int i = 0; i < 10; i++) {
      code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  public String secretFor(String trackingCode) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] digest = mac.doFinal(trackingCode.getBytes(StandardCharsets.UTF_8));
      StringBuilder secret = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        secret.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
      }
      return secret.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compares in constant time, so that response timing says nothing about how close a guess was.
   */
  public boolean matches(String trackingCode, String secret) {
    if (secret == null) {
      return false;
    }
    byte[] expected = secretFor(trackingCode).getBytes(StandardCharsets.UTF_8);
    byte[] given = secret.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] key() {
    return keys.key(KEY_SETTING);
  }
}
