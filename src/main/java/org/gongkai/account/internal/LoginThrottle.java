package org.gongkai.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after a number of failures for one user name from one address, that
 * pair is locked for a while. Keyed by address too, so that a guesser cannot lock the real user
 * out from elsewhere.
 */
@Component
class LoginThrottle {

  private final int maxFailures;
  private final Duration lockTime;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  LoginThrottle(
      @Value("${gongkai.login.max-failures:5}") int maxFailures,
      @Value("${gongkai.login.lock-minutes:15}") int lockMinutes,
      Clock clock) {
    this.maxFailures = maxFailures;
    this.lockTime = Duration.ofMinutes(lockMinutes);
    this.clock = clock;
  }

  boolean isLocked(String username, String address) {
    Failures f = failures.get(key(username, address));
    return f != null && f.count >= maxFailures && f.last.plus(lockTime).isAfter(Instant.now(clock));
  }

  /** Returns true when this failure locks the pair. */
  boolean failed(String username, String address) {
    Instant now = Instant.now(clock);
    Failures updated =
        failures.compute(
            key(username, address),
            (k, f) -> f == null || f.last.plus(lockTime).isBefore(now) ? new Failures(1, now) : new Failures(f.count + 1, now));
    if (failures.size() > 100_000) {
      failures.entrySet().removeIf(e -> e.getValue().last.plus(lockTime).isBefore(now));
    }
    return updated.count == maxFailures;
  }

  void succeeded(String username, String address) {
    failures.remove(key(username, address));
  }

  private static String key(String username, String address) {
    return (username == null ? "" : username.toLowerCase()) + "|" + address;
  }

  private record Failures(int count, Instant last) {}
}
