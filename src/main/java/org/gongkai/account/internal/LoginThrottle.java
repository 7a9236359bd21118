package org.gongkai.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a number of failures for one user name from one address, that
 * pair is locked for a while. Keyed by address too, so that a guesser cannot lock the real user
 * out from elsewhere. The key is a digest of a user name no longer than an account's, and the
 * table holds a bounded number of pairs (the least recently failed go first), so that failures
 * with made-up names cannot fill the memory.
 */
@Component
class LoginThrottle {

  static final int MAX_USERNAME = 64;
  static final int MAX_ENTRIES = 20_000;

  private final int maxFailures;
  private final Duration lockTime;
  private final Clock clock;
  private final Map<String, Failures> failures = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  LoginThrottle(
      @Value("${gongkai.login.max-failures:5}") int maxFailures,
      @Value("${gongkai.login.lock-minutes:15}") int lockMinutes,
      Clock clock) {
    this.maxFailures = maxFailures;
    this.lockTime = Duration.ofMinutes(lockMinutes);
    this.clock = clock;
  }

  synchronized boolean isLocked(String username, String address) {
    Failures f = failures.get(key(username, address));
    return f != null && f.count >= maxFailures && f.last.plus(lockTime).isAfter(Instant.now(clock));
  }

  /** Returns true when this failure locks the pair. */
  synchronized boolean failed(String username, String address) {
    Instant now = Instant.now(clock);
    Failures updated = failures.compute(key(username, address),
        (k, f) -> f == null || f.last.plus(lockTime).isBefore(now) ? new Failures(1, now) : new Failures(f.count + 1, now));
    return updated.count == maxFailures;
  }

  synchronized void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  synchronized int size() {
    return failures.size();
  }

  /** A user name longer than any account's is no account's: it is refused before a password is checked. */
  static boolean isPlausible(String username) {
    return username != null && !username.isEmpty() && username.length() <= MAX_USERNAME;
  }

  private static String key(String username, String address) {
    String name = username == null ? "" : username.length() > MAX_USERNAME ? username.substring(0, MAX_USERNAME) : username;
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Failures(int count, Instant last) {}
}
