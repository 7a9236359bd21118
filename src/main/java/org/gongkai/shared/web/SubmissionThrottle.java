package org.gongkai.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.shared.cluster.ClusterProperties;
import org.gongkai.shared.jobs.ClusterJob;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits how often one client may submit a public form (applications, messages, comments): at most
 * a number of submissions per sliding window, per purpose and client address. Refuses with 429
 * beyond that; nothing is stored for a refused submission. One node counts in memory; nodes that
 * share the work ({@code gongkai.cluster.limits=database}) count minute by minute in the database,
 * so that a client gets the limit in all and not on each node.
 */
@Component
public class SubmissionThrottle {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final JdbcClient shared;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  @Autowired
  SubmissionThrottle(
      IntakeProperties intake, ClusterProperties cluster, Clock clock, JdbcClient jdbc) {
    this(
        intake.maxSubmissions(),
        intake.windowMinutes(),
        clock,
        cluster.limits() == ClusterProperties.Sharing.DATABASE ? jdbc : null);
  }

  SubmissionThrottle(int limit, Duration window, Clock clock) {
    this(limit, window, clock, null);
  }

  SubmissionThrottle(int limit, Duration window, Clock clock, JdbcClient shared) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
    this.shared = shared;
  }

  /** Counts one submission, or refuses when the client has used up its window. */
  public void acquire(String purpose, String clientAddress) {
    Instant now = Instant.now(clock);
    String key = purpose + "|" + ClientAddresses.limitKey(clientAddress);
    if (shared != null) {
      acquireShared(key, now);
      return;
    }
    Instant cutoff = now.minus(window);
    Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        throw tooMany();
      }
      times.addLast(now);
    }
    if (recent.size() > 50_000) {
      recent
          .entrySet()
          .removeIf(
              e -> {
                synchronized (e.getValue()) {
                  return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
                }
              });
    }
  }

  /**
   * The window in whole minutes, this one included. Two nodes counting the same client in the same
   * instant may let one submission more through: a limit, not an account.
   */
  private void acquireShared(String key, Instant now) {
    long minute = now.getEpochSecond() / 60;
    int used =
        shared
            .sql(
                "SELECT COALESCE(SUM(submissions), 0) FROM submission_window"
                    + " WHERE throttle_key = ? AND epoch_minute > ?")
            .params(key, minute - window.toMinutes())
            .query(Integer.class)
            .single();
    if (used >= limit) {
      throw tooMany();
    }
    String count =
        "UPDATE submission_window SET submissions = submissions + 1 WHERE throttle_key = ? AND epoch_minute = ?";
    if (shared.sql(count).params(key, minute).update() == 0) {
      try {
        shared
            .sql(
                "INSERT INTO submission_window (throttle_key, epoch_minute, submissions) VALUES (?, ?, 1)")
            .params(key, minute)
            .update();
      } catch (DuplicateKeyException countedElsewhereAtTheSameTime) {
        shared.sql(count).params(key, minute).update();
      }
    }
  }

  private Refusal tooMany() {
    return Refusal.tooManyRequests("intake.too-many", window.toMinutes());
  }

  /** Minutes that have left every window. */
  @ClusterJob(cron = "0 */10 * * * *")
  int forgetOld() {
    if (shared == null) {
      return 0;
    }
    long minute = Instant.now(clock).getEpochSecond() / 60;
    return shared
        .sql("DELETE FROM submission_window WHERE epoch_minute <= ?")
        .param(minute - window.toMinutes())
        .update();
  }
}
