package org.gongkai.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check on every public submission, in two forms that share one life cycle.
 *
 * <p>A proof of work in ALTCHA's documented format, so that its open-source widget (vendored under
 * {@code /vendor/altcha-*}) and client libraries work: {@link #issueProofOfWork()} gives {@code
 * {algorithm, challenge, maxnumber, salt, signature}} ({@code GET /api/v1/challenge}); the client
 * finds the number whose SHA-256 of salt and number is the challenge, about half a second in a
 * browser, and sends back the base64 JSON payload {@code {algorithm, challenge, number, salt,
 * signature}} as {@code altcha}; checking it costs two hashes. The challenge is signed
 * (HMAC-SHA-256) under a key every node shares and expires with the salt's {@code expires}, so no
 * session or cookie is needed.
 *
 * <p>For HTML forms without JavaScript, a question a person answers and a script rarely does: the
 * sum of two small numbers, asked in words from the message bundle, read aloud by any screen
 * reader, its answer signed into a hidden field.
 *
 * <p>Either is good for one submission: the submission that spends it records it in the same
 * transaction ({@link #spend}), so a refused submission can be sent again with the same solution
 * and an accepted one cannot be replayed. Modules with public forms use {@link #verifyForm} (HTML)
 * or {@link #verifyProofOfWork} (API), then {@link #spend} inside the transaction that stores.
 */
@Component
public class Challenge {

  static final Duration LIFETIME = Duration.ofMinutes(30);

  private final SecureRandom random = new SecureRandom();
  private final PlatformKeys keys;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final long maxNumber;

  Challenge(PlatformKeys keys, JdbcClient jdbc, Clock clock, ChallengeProperties settings) {
    this.keys = keys;
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxNumber = settings.maxNumber();
  }

  /**
   * The two numbers to show with the message {@code challenge.question}, and the token for the
   * form.
   */
  public record Question(int a, int b, String token) {}

  /** A correctly answered question, to be spent by the submission it guards. */
  public record Solved(String id, Instant expires) {}

  /** A proof-of-work challenge in ALTCHA's format (its JSON member names). */
  public record ProofOfWork(
      String algorithm, String challenge, long maxnumber, String salt, String signature) {}

  /** The widget's field and the API's JSON member that carry a solved proof of work. */
  public static final String FIELD = "altcha";

  private static final String ALGORITHM = "SHA-256";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * A fresh challenge: a random number below {@code gongkai.challenge.max-number} hidden behind the
   * SHA-256 of a random salt and it.
   */
  public ProofOfWork issueProofOfWork() {
    byte[] nonce = new byte[12];
    random.nextBytes(nonce);
    long expires = Instant.now(clock).plus(LIFETIME).getEpochSecond();
    String salt = HexFormat.of().formatHex(nonce) + "?expires=" + expires + "&";
    long number = random.nextLong(maxNumber + 1);
    String challenge = sha256Hex(salt + number);
    return new ProofOfWork(ALGORITHM, challenge, maxNumber, salt, hmacHex(challenge));
  }

  /**
   * Checks a solved proof of work (the base64 payload the widget puts in {@value #FIELD}); refuses
   * with a field message when it is missing, malformed, forged, wrong or expired.
   */
  public Solved verifyProofOfWork(String payload) {
    if (payload == null || payload.isBlank() || payload.length() > 2000) {
      throw Refusal.invalidField(FIELD, "challenge.pow.missing");
    }
    Map<?, ?> solution;
    try {
      solution = JSON.readValue(Base64.getDecoder().decode(payload.strip()), Map.class);
    } catch (IllegalArgumentException | JacksonException e) {
      throw Refusal.invalidField(FIELD, "challenge.pow.wrong");
    }
    Object algorithm = solution.get("algorithm");
    Object challenge = solution.get("challenge");
    Object number = solution.get("number");
    Object salt = solution.get("salt");
    Object signature = solution.get("signature");
    if (!ALGORITHM.equals(algorithm)
        || !(challenge instanceof String c)
        || !(number instanceof Number n)
        || !(salt instanceof String s)
        || !(signature instanceof String sig)
        || !c.matches("[0-9a-f]{64}")) {
      throw Refusal.invalidField(FIELD, "challenge.pow.wrong");
    }
    if (!equal(hmacHex(c), sig) || !equal(sha256Hex(s + n.longValue()), c)) {
      throw Refusal.invalidField(FIELD, "challenge.pow.wrong");
    }
    long expires = expiresOf(s);
    if (Instant.now(clock).getEpochSecond() > expires) {
      throw Refusal.invalidField(FIELD, "challenge.expired");
    }
    // The salt's random part names the challenge for single use.
    return new Solved(
        "p" + s.substring(0, Math.min(24, s.indexOf('?'))), Instant.ofEpochSecond(expires));
  }

  /**
   * An HTML form's check: the widget's proof of work when the browser ran it, else the question's
   * answer.
   */
  public Solved verifyForm(String payload, String token, String answer) {
    return payload != null && !payload.isBlank()
        ? verifyProofOfWork(payload)
        : verify(token, answer);
  }

  private static long expiresOf(String salt) {
    int q = salt.indexOf('?');
    if (q < 24) {
      throw Refusal.invalidField(FIELD, "challenge.pow.wrong");
    }
    for (String param : salt.substring(q + 1).split("&")) {
      if (param.startsWith("expires=")) {
        try {
          return Long.parseLong(param.substring("expires=".length()));
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw Refusal.invalidField(FIELD, "challenge.pow.wrong");
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String hmacHex(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key("challenge.pow-key"), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

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
      throw Refusal.invalidField(
          solved.id().startsWith("p") ? FIELD : "challengeAnswer", "challenge.used");
    }
    try {
      jdbc.sql("INSERT INTO challenge_use (id, expires_at) VALUES (?, ?)")
          .params(solved.id(), Timestamps.toDb(solved.expires()))
          .update();
    } catch (DuplicateKeyException raced) {
      throw Refusal.invalidField(
          solved.id().startsWith("p") ? FIELD : "challengeAnswer", "challenge.used");
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
