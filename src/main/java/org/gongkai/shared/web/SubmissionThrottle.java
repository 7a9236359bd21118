package org.gongkai.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how often one client may submit a public form (applications, messages, comments): at
 * most a number of submissions per sliding window, per purpose and client address. Refuses with
 * 429 beyond that; nothing is stored for a refused submission.
 */
@Component
public class SubmissionThrottle {

  private final int limit;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  SubmissionThrottle(@Value("${gongkai.intake.max-submissions:10}") int limit,
      @Value("${gongkai.intake.window-minutes:10}") int windowMinutes, Clock clock) {
    this.limit = limit;
    this.window = Duration.ofMinutes(windowMinutes);
    this.clock = clock;
  }

  /** Counts one submission, or refuses when the client has used up its window. */
  public void acquire(String purpose, String clientAddress) {
    Instant now = Instant.now(clock);
    Instant cutoff = now.minus(window);
    String key = purpose + "|" + clientAddress;
    Deque<Instant> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) {
        times.pollFirst();
      }
      if (times.size() >= limit) {
        throw Refusal.tooManyRequests("intake.too-many", window.toMinutes());
      }
      times.addLast(now);
    }
    if (recent.size() > 50_000) {
      recent.entrySet().removeIf(e -> {
        synchronized (e.getValue()) {
          return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(cutoff);
        }
      });
    }
  }
}
