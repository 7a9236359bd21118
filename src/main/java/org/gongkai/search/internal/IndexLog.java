package org.gongkai.search.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.gongkai.shared.time.Timestamps;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code search_index_log}: one entry per publication or withdrawal, written in its transaction,
 * read by every node's {@link IndexFollower}; and which of them this node has applied.
 */
@Repository
class IndexLog {

  private static final int REMEMBERED = 50_000;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AppliedEntries applied = new AppliedEntries(REMEMBERED);

  IndexLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Entry(long id, long documentId) {}

  /** In the caller's transaction: the entry exists exactly when the change does. */
  void append(long documentId) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO search_index_log (document_id, logged_at) VALUES (?, ?)")
        .params(documentId, Timestamps.toDb(Instant.now(clock)))
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey()).longValue();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            /**
             * Before the indexer's own after-commit listener is started, so that its reading covers
             * the entry.
             */
            @Override
            public int getOrder() {
              return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
              applied.committedHere(id, documentId);
            }
          });
    }
  }

  long lastId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM search_index_log").query(Long.class).single();
  }

  /**
   * Entries after {@code lastSeen}, and those logged since {@code since} (a late commit may hold a
   * lower number).
   */
  List<Entry> entries(long lastSeen, Instant since) {
    return jdbc.sql(
            "SELECT id, document_id FROM search_index_log WHERE id > ? OR logged_at > ? ORDER BY id")
        .params(lastSeen, Timestamps.toDb(since))
        .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2)))
        .list();
  }

  int forgetBefore(Instant before) {
    return jdbc.sql("DELETE FROM search_index_log WHERE logged_at < ?")
        .param(Timestamps.toDb(before))
        .update();
  }

  Set<Long> committedHereFor(long documentId) {
    return applied.committedHereFor(documentId);
  }

  void indexedHere(long documentId, Set<Long> entries) {
    applied.indexedHere(documentId, entries);
  }

  boolean claim(Entry entry) {
    return applied.claim(entry.id(), entry.documentId());
  }

  void release(Entry entry) {
    applied.release(entry.id());
  }
}
