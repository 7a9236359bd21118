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
import org.gongkai.shared.ids.PlatformKeys;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A question a person answers and a script rarely does, without JavaScript or images: the sum of
 * two small numbers, asked in words from the message bundle, read aloud by any screen reader. The
 * answer travels signed in a hidden field under a key every node shares, so no session is needed. A
 * question lives half an hour and is good for one submission: the submission that spends it records
 * it in the same transaction, so a refused submission can be sent again with the same answer and an
 * accepted one cannot be replayed.
 */
@Component
public class Challenge {

  static final Duration LIFETIME = Duration.ofMinutes(30);

  private final SecureRandom random = new SecureRandom();
  private final PlatformKeys keys;
  private final JdbcClient jdbc;
  private final Clock clock;

  Challenge(PlatformKeys keys, JdbcClient jdbc, Clock clock) {
    this.keys = keys;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The two numbers to show with the message {@code challenge.question}, and the token for the
   * form.
   */
  public record Question(int a, int b, String token) {}

  /** A correctly answered question, to be spent by the submission it guards. */
  public record Solved(String id, Instant expires) {}

  public Question issue() {
    int a = 1 + random.nextInt(9);
    int b = 1 + random.nextInt(9);
    long expires = Instant.now(clock).plus(LIFETIME).getEpochSecond();
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    return new Question(a, b, expires + ":" + id + ":" + sign((a + b) + ":" + expires + ":" + id));
  }

  /**
   * Refuses with a field message unless the answer matches the token's question and the token is
   * fresh.
   */
  public Solved verify(String token, String answer) {
    String[] parts = token == null ? new String[0] : token.split(":", -1);
    if (parts.length != 3 || answer == null || answer.length() > 4) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
    long expires;
    try {
      expires = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
    if (Instant.now(clock).getEpochSecond() > expires) {
      throw Refusal.invalidField("challengeAnswer", "challenge.expired");
    }
    String expected = sign(answer.trim() + ":" + expires + ":" + parts[1]);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        parts[2].getBytes(StandardCharsets.US_ASCII))) {
      throw Refusal.invalidField("challengeAnswer", "challenge.wrong");
    }
    return new Solved(parts[1], Instant.ofEpochSecond(expires));
  }

  /** Records the question as used, in the submission's transaction; a second use is refused. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void spend(Solved solved) {
    boolean fresh =
        jdbc.sql("SELECT COUNT(*) FROM challenge_use WHERE id = ?")
                .param(solved.id())
                .query(Long.class)
                .single()
            == 0;
    if (!fresh) {
      throw Refusal.invalidField("challengeAnswer", "challenge.used");
    }
    try {
      jdbc.sql("INSERT INTO challenge_use (id, expires_at) VALUES (?, ?)")
          .params(solved.id(), Timestamps.toDb(solved.expires()))
          .update();
    } catch (DuplicateKeyException raced) {
      throw Refusal.invalidField("challengeAnswer", "challenge.used");
    }
  }

  /** A used question can be forgotten once it has expired: its signature no longer passes. */
  @Scheduled(cron = "0 25 * * * *")
  void forgetExpired() {
    jdbc.sql("DELETE FROM challenge_use WHERE expires_at < ?")
        .param(Timestamps.toDb(Instant.now(clock)))
        .update();
  }

  private String sign(String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key("challenge.secret-key"), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
