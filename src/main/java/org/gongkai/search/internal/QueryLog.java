package org.gongkai.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts queries that found something, for suggestions. Only short queries are kept: a long one
 * is more likely to carry a name or a number that is nobody else's business. A query counts once
 * per visitor (address) and day, and is suggested only once {@value #MIN_VISITORS} visitor-days
 * have asked it, so that one visitor repeating a phrase cannot put it in front of everybody.
 */
@Component
class QueryLog {

  static final int MAX_LENGTH = 20;
  static final int MIN_VISITORS = 5;
  private static final int SEEN_LIMIT = 200_000;

  /** Digests of (visitor, query, day) already counted; bounded, oldest forgotten first. */
  private final java.util.Set<String> seen = java.util.Collections.newSetFromMap(
      new java.util.LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
          return size() > SEEN_LIMIT;
        }
      });

  private final JdbcClient jdbc;
  private final Clock clock;

  QueryLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> pending =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Counted in memory and written in the background, so that searching never waits on the database. */
  void record(String text, long hits, String visitor) {
    if (text == null || hits == 0) {
      return;
    }
    String q = text.strip();
    if (q.isEmpty() || q.length() > MAX_LENGTH || q.chars().filter(Character::isDigit).count() > 6) {
      return;
    }
    String key = digest(visitor + '\u0000' + q + '\u0000' + java.time.LocalDate.now(clock));
    synchronized (seen) {
      if (!seen.add(key)) {
        return;
      }
    }
    if (pending.size() < 10_000) {
      pending.computeIfAbsent(q, k -> new java.util.concurrent.atomic.LongAdder()).increment();
    }
  }

  @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT10S")
  void flush() {
    var now = Timestamps.toDb(Instant.now(clock));
    for (String q : List.copyOf(pending.keySet())) {
      var counter = pending.remove(q);
      long count = counter == null ? 0 : counter.sum();
      if (count == 0) {
        continue;
      }
      try {
        int updated = jdbc.sql("UPDATE search_query SET hits = hits + ?, last_searched = ? WHERE query_text = ?")
            .params(count, now, q).update();
        if (updated == 0) {
          jdbc.sql("INSERT INTO search_query (query_text, hits, last_searched) VALUES (?, ?, ?)")
              .params(q, count, now).update();
        }
      } catch (DataAccessException raceOrOutage) {
        // counting queries must never break searching; this count is lost
      }
    }
  }

  List<String> frequentStartingWith(String prefix, int limit) {
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql("SELECT query_text FROM search_query WHERE query_text LIKE ? AND hits >= " + MIN_VISITORS
            + " ORDER BY hits DESC FETCH FIRST " + limit + " ROWS ONLY")
        .param(escaped + "%")
        .query(String.class)
        .list();
  }

  private static String digest(String text) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
