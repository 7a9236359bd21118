package org.gongkai.imports.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of old links: imported addresses by host and path, and those asked for in vain. */
@Repository
class OldLinkRepository {

  private final JdbcClient jdbc;

  OldLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> documentAt(String linkKey) {
    return jdbc.sql(
            "SELECT document_id FROM import_source WHERE link_key = ?"
                + " ORDER BY imported_at DESC, document_id DESC"
                + " FETCH FIRST 1 ROWS ONLY")
        .param(linkKey)
        .query(Long.class)
        .optional();
  }

  List<String> importedHosts() {
    return jdbc.sql("SELECT DISTINCT host FROM import_source").query(String.class).list();
  }

  void missed(String host, String path, Instant at) {
    int updated =
        jdbc.sql(
                "UPDATE old_link_miss SET hits = hits + 1, last_seen = ? WHERE host = ? AND path = ?")
            .params(Timestamps.toDb(at), host, path)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO old_link_miss (host, path, hits, first_seen, last_seen)"
                    + " VALUES (?, ?, 1, ?, ?)")
            .params(host, path, Timestamps.toDb(at), Timestamps.toDb(at))
            .update();
      } catch (DuplicateKeyException countedMeanwhile) {
        missed(host, path, at);
      }
    }
  }

  record Miss(String host, String path, long hits, Instant firstSeen, Instant lastSeen) {}

  List<Miss> misses(int offset, int limit) {
    return jdbc.sql(
            "SELECT host, path, hits, first_seen, last_seen FROM old_link_miss"
                + " ORDER BY hits DESC, host, path OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
        .params(offset, limit)
        .query(
            (rs, i) ->
                new Miss(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    Timestamps.fromDb(rs.getObject(4, java.time.OffsetDateTime.class)),
                    Timestamps.fromDb(rs.getObject(5, java.time.OffsetDateTime.class))))
        .list();
  }
}
