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
 * is more likely to carry a name or a number that is nobody else's business.
 */
@Component
class QueryLog {

  static final int MAX_LENGTH = 20;

  private final JdbcClient jdbc;
  private final Clock clock;

  QueryLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> pending =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Counted in memory and written in the background, so that searching never waits on the database. */
  void record(String text, long hits) {
    if (text == null || hits == 0) {
      return;
    }
    String q = text.strip();
    if (q.isEmpty() || q.length() > MAX_LENGTH || q.chars().filter(Character::isDigit).count() > 6) {
      return;
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
    return jdbc.sql("SELECT query_text FROM search_query WHERE query_text LIKE ? AND hits >= 2"
            + " ORDER BY hits DESC FETCH FIRST " + limit + " ROWS ONLY")
        .param(escaped + "%")
        .query(String.class)
        .list();
  }
}
