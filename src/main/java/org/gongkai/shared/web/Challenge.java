package org.gongkai.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A question a person answers and a script rarely does, without JavaScript or images: the sum of
 * two small numbers, asked in words from the message bundle, read aloud by any screen reader. The
 * answer travels signed in a hidden field under a key every node shares, so no session is needed;
 * a token expires after an hour.
 */
@Component
public class Challenge {

  private static final Duration LIFETIME = Duration.ofHours(1);

  private final SecureRandom random = new SecureRandom();
  private final org.gongkai.shared.ids.PlatformKeys keys;
  private final Clock clock;

  Challenge(org.gongkai.shared.ids.PlatformKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The two numbers to show with the message {@code challenge.question}, and the token for the form. */
  public record Question(int a, int b, String token) {}

  public Question issue() {
    int a = 1 + random.nextInt(9);
    int b = 1 + random.nextInt(9);
    long expires = Instant.now(clock).plus(LIFETIME).getEpochSecond();
    String payload = (a + b) + ":" + expires;
    return new Question(a, b, expires + ":" + sign(payload));
  }

  /** Refuses with a field message unless the answer matches the token's question and the token is fresh. */
  public void verify(String token, String answer) {
    if (token == null || answer == null || !token.contains(":")) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
    String[] parts = token.split(":", 2);
    long expires;
    try {
      expires = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
    if (Instant.now(clock).getEpochSecond() > expires) {
      throw Refusal.invalidField("challengeAnswer", "challenge.expired");
    }
    String expected = sign(answer.trim() + ":" + expires);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[1].getBytes(StandardCharsets.US_ASCII))) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key("challenge.secret-key"), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
