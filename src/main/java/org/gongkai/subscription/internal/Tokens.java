package org.gongkai.subscription.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.gongkai.shared.ids.PlatformKeys;
import org.springframework.stereotype.Component;

/**
 * The links of subscription mails, signed rather than stored: a confirmation link names its
 * subscription and the time it expires; a reader's link (unsubscribe, manage) names the subscriber
 * and is signed with a salt of its row, so that changing the salt revokes every link sent before.
 * Signed with a key every node shares.
 */
@Component
class Tokens {

  private static final String KEY = "subscription.token-key";

  private final PlatformKeys keys;

  Tokens(PlatformKeys keys) {
    this.keys = keys;
  }

  String confirmation(long subscriptionId, Instant expires) {
    long at = expires.getEpochSecond();
    return subscriptionId + "." + at + "." + mac("confirm:" + subscriptionId + ":" + at);
  }

  /** The subscription a confirmation token names, if it is genuine (expired or not). */
  Optional<Confirmation> openConfirmation(String token) {
    String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      long id = Long.parseLong(parts[0]);
      long at = Long.parseLong(parts[1]);
      if (!same(mac("confirm:" + id + ":" + at), parts[2])) {
        return Optional.empty();
      }
      return Optional.of(new Confirmation(id, Instant.ofEpochSecond(at)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  record Confirmation(long subscriptionId, Instant expires) {}

  String reader(long subscriberId, String salt) {
    return subscriberId + "." + mac("reader:" + subscriberId + ":" + salt);
  }

  /** The subscriber id a reader's token claims; check it with {@link #readerMatches}. */
  Optional<Long> readerId(String token) {
    String[] parts = token == null ? new String[0] : token.strip().split("\\.", -1);
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(parts[0]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean readerMatches(String token, long subscriberId, String salt) {
    return token != null && same(reader(subscriberId, salt), token.strip());
  }

  private static boolean same(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private String mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key(KEY), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
