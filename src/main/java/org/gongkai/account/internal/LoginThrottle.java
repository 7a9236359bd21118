package org.gongkai.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.ClientAddresses;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a number of failures for one user name from one address, that pair
 * is locked for a while. Keyed by address too, so that a guesser cannot lock the real user out from
 * elsewhere. The failures are counted in the database, so that every application node sees the same
 * count; the key is a digest of a user name no longer than an account's, and pairs whose lock has
 * run out are forgotten.
 */
@Component
class LoginThrottle {

  static final int MAX_USERNAME = 64;

  /** An address is locked for every name after this many times one name's failures. */
  static final int ADDRESS_FACTOR = 10;

  /** No account has an empty name: the key of an address's failures under any name. */
  private static final String ANY_NAME = "";

  private final JdbcClient jdbc;
  private final int maxFailures;
  private final Duration lockTime;
  private final Clock clock;

  LoginThrottle(JdbcClient jdbc, LoginProperties settings, Clock clock) {
    this.jdbc = jdbc;
    this.maxFailures = settings.maxFailures();
    this.lockTime = settings.lockMinutes();
    this.clock = clock;
  }

  boolean isLocked(String username, String address) {
    return locked(key(username, address), maxFailures)
        || locked(key(ANY_NAME, address), maxFailures * ADDRESS_FACTOR);
  }

  private boolean locked(String key, int limit) {
    Instant now = Instant.now(clock);
    return jdbc.sql("SELECT failures, last_failed_at FROM login_failure WHERE pair_key = ?")
        .param(key)
        .query(
            (rs, n) ->
                rs.getInt(1) >= limit
                    && Timestamps.fromDb(rs.getObject(2, OffsetDateTime.class))
                        .plus(lockTime)
                        .isAfter(now))
        .optional()
        .orElse(false);
  }

  /**
   * Returns true when this failure locks the pair, or the address as a whole: one address trying
   * many names is stopped after {@value #ADDRESS_FACTOR} times the failures one name is allowed.
   */
  boolean failed(String username, String address) {
    boolean pair = count(key(username, address)) == maxFailures;
    boolean whole = count(key(ANY_NAME, address)) == maxFailures * ADDRESS_FACTOR;
    return pair || whole;
  }

  private int count(String key) {
    Instant now = Instant.now(clock);
    // One statement counts, so that two nodes counting the same pair at once lose no failure.
    int updated =
        jdbc.sql(
                "UPDATE login_failure SET failures = CASE WHEN last_failed_at < ? THEN 1 ELSE failures + 1 END,"
                    + " last_failed_at = ? WHERE pair_key = ?")
            .params(Timestamps.toDb(now.minus(lockTime)), Timestamps.toDb(now), key)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql("INSERT INTO login_failure (pair_key, failures, last_failed_at) VALUES (?, 1, ?)")
            .params(key, Timestamps.toDb(now))
            .update();
      } catch (DuplicateKeyException countedElsewhereAtTheSameTime) {
        return count(key);
      }
    }
    return jdbc.sql("SELECT failures FROM login_failure WHERE pair_key = ?")
        .param(key)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  void succeeded(String username, String address) {
    jdbc.sql("DELETE FROM login_failure WHERE pair_key = ?").param(key(username, address)).update();
  }

  /** Pairs whose lock has run out count from zero again: their rows go. */
  @ClusterJob(cron = "0 */10 * * * *")
  int forgetExpired() {
    return jdbc.sql("DELETE FROM login_failure WHERE last_failed_at < ?")
        .param(Timestamps.toDb(Instant.now(clock).minus(lockTime)))
        .update();
  }

  int size() {
    return jdbc.sql("SELECT COUNT(*) FROM login_failure").query(Integer.class).single();
  }

  /**
   * A user name longer than any account's is no account's: it is refused before a password is
   * checked.
   */
  static boolean isPlausible(String username) {
    return username != null && !username.isEmpty() && username.length() <= MAX_USERNAME;
  }

  private static String key(String username, String address) {
    String name =
        username == null
            ? ""
            : username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(ClientAddresses.limitKey(address).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
