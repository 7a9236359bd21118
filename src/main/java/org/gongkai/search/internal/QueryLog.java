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

  void record(String text, long hits) {
    if (text == null || hits == 0) {
      return;
    }
    String q = text.strip();
    if (q.isEmpty() || q.length() > MAX_LENGTH || q.chars().filter(Character::isDigit).count() > 6) {
      return;
    }
    try {
      var now = Timestamps.toDb(Instant.now(clock));
      int updated = jdbc.sql("UPDATE search_query SET hits = hits + 1, last_searched = ? WHERE query_text = ?")
          .params(now, q).update();
      if (updated == 0) {
        jdbc.sql("INSERT INTO search_query (query_text, hits, last_searched) VALUES (?, 1, ?)").params(q, now).update();
      }
    } catch (DataAccessException raceOrOutage) {
      // counting queries must never break searching
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
