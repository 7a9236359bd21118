package org.gongkai.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts queries that found something, for suggestions. Only short queries are kept: a long one is
 * more likely to carry a name or a number that is nobody else's business. A query counts once per
 * visitor (address) and day, and is suggested only once {@value #MIN_VISITORS} visitor-days have
 * asked it, so that one visitor repeating a phrase cannot put it in front of everybody.
 */
@Component
class QueryLog {

  static final int MAX_LENGTH = 20;
  static final int MIN_VISITORS = 5;
  private static final int SEEN_LIMIT = 200_000;
  private static final int PENDING_LIMIT = 10_000;

  /** Digests of (visitor, query, day) already counted; bounded, oldest forgotten first. */
  private final Set<String> seen =
      Collections.newSetFromMap(
          new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > SEEN_LIMIT;
            }
          });

  /**
   * Counts not yet written; merged and removed whole, so that no increment falls between a read and
   * a removal.
   */
  private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();

  private final JdbcClient jdbc;
  private final Clock clock;

  QueryLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Counted in memory and written in the background, so that searching never waits on the database.
   */
  void record(String text, long hits, String visitor) {
    if (text == null || hits == 0) {
      return;
    }
    String q = text.strip();
    if (q.isEmpty()
        || q.length() > MAX_LENGTH
        || q.chars().filter(Character::isDigit).count() > 6) {
      return;
    }
    String key = digest(visitor + '\u0000' + q + '\u0000' + LocalDate.now(clock));
    synchronized (seen) {
      if (!seen.add(key)) {
        return;
      }
    }
    add(q, 1);
  }

  private void add(String q, long count) {
    if (pending.size() < PENDING_LIMIT || pending.containsKey(q)) {
      pending.merge(q, count, Long::sum);
    }
  }

  /**
   * Writes the pending counts. One flush at a time on this node; another node may insert the same
   * query between this node's update and insert, so a duplicate key turns into a second update.
   */
  @Scheduled(fixedDelayString = "PT10S")
  synchronized void flush() {
    var now = Timestamps.toDb(Instant.now(clock));
    for (String q : List.copyOf(pending.keySet())) {
      Long count = pending.remove(q);
      if (count == null) {
        continue;
      }
      try {
        if (increment(q, count, now) == 0) {
          try {
            jdbc.sql("INSERT INTO search_query (query_text, hits, last_searched) VALUES (?, ?, ?)")
                .params(q, count, now)
                .update();
          } catch (DuplicateKeyException insertedElsewhere) {
            increment(q, count, now);
          }
        }
      } catch (DataAccessException outage) {
        // counting queries must never break searching; the count waits for the next flush
        add(q, count);
      }
    }
  }

  private int increment(String q, long count, OffsetDateTime now) {
    return jdbc.sql(
            "UPDATE search_query SET hits = hits + ?, last_searched = ? WHERE query_text = ?")
        .params(count, now, q)
        .update();
  }

  List<String> frequentStartingWith(String prefix, int limit) {
    String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return jdbc.sql(
            "SELECT query_text FROM search_query WHERE query_text LIKE ? AND hits >= "
                + MIN_VISITORS
                + " ORDER BY hits DESC FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .param(escaped + "%")
        .query(String.class)
        .list();
  }

  private static String digest(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)),
              0,
              16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
