package org.gongkai.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.search.IndexStatus;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's embedded index in step with what any node publishes or withdraws. Each
 * publication and withdrawal is written to {@code search_index_log} in its own transaction; every
 * node reads the entries it has not applied yet, once a second, and brings those documents' entries
 * in line with the database. Entries are read again for a while after they were written, because
 * a transaction that took an earlier number may commit after a later one was read. On a shared
 * OpenSearch index the same reading finishes what a node that stopped right after a commit left
 * undone; a document written twice is the same document.
 */
@Component
class IndexFollower {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
  /** How long an entry may commit after a later-numbered one and still be seen. */
  private static final Duration LATE_COMMITS = Duration.ofSeconds(30);
  private static final int REMEMBERED = 50_000;

  private final JdbcClient jdbc;
  private final SearchService search;
  private final SearchIndexer indexer;
  private final Clock clock;
  private final Set<Long> applied = Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
      return size() > REMEMBERED;
    }
  });
  private volatile long lastSeen = -1;

  IndexFollower(JdbcClient jdbc, SearchService search, SearchIndexer indexer, Clock clock) {
    this.jdbc = jdbc;
    this.search = search;
    this.indexer = indexer;
    this.clock = clock;
  }

  /** In the publishing transaction: the entry exists exactly when the publication does. */
  @EventListener
  void on(DocumentPublished event) {
    write(event.documentId());
  }

  @EventListener
  void on(DocumentWithdrawn event) {
    write(event.documentId());
  }

  private void write(long documentId) {
    jdbc.sql("INSERT INTO search_index_log (document_id, logged_at) VALUES (?, ?)")
        .params(documentId, Timestamps.toDb(Instant.now(clock))).update();
  }

  @Scheduled(fixedDelayString = "${gongkai.search.follow-interval:PT1S}")
  synchronized void follow() {
    if (lastSeen < 0) {
      // What was written before this node started is in the index already, or in its catch-up.
      lastSeen = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM search_index_log").query(Long.class).single();
      return;
    }
    if (search.status().phase() != IndexStatus.Phase.READY) {
      return;
    }
    Instant since = Instant.now(clock).minus(LATE_COMMITS);
    List<Entry> entries = jdbc.sql("SELECT id, document_id FROM search_index_log WHERE id > ? OR logged_at > ? ORDER BY id")
        .params(lastSeen, Timestamps.toDb(since))
        .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2))).list();
    for (Entry e : entries) {
      if (applied.add(e.id())) {
        try {
          indexer.reindex(e.documentId());
        } catch (RuntimeException failed) {
          applied.remove(e.id());
          log.warn("search index could not follow document {}: {}", e.documentId(), failed.toString());
          return;
        }
      }
      lastSeen = Math.max(lastSeen, e.id());
    }
  }

  /** Entries older than a day have been read by every node that is running. */
  @ClusterJob(cron = "0 35 3 * * *")
  void forgetOld() {
    jdbc.sql("DELETE FROM search_index_log WHERE logged_at < ?")
        .param(Timestamps.toDb(Instant.now(clock).minus(Duration.ofDays(1)))).update();
  }

  private record Entry(long id, long documentId) {}
}
