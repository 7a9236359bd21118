package org.gongkai.search.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.search.IndexStatus;
import org.gongkai.shared.jobs.ClusterJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's embedded index in step with what any node publishes or withdraws. Each
 * publication and withdrawal is written to {@code search_index_log} in its own transaction; every
 * node reads the entries it has not applied yet, once a second, and brings those documents' entries
 * in line with the database. Entries are read again for a while after they were written, because a
 * transaction that took an earlier number may commit after a later one was read. On a shared
 * OpenSearch index the same reading finishes what a node that stopped right after a commit left
 * undone; a document written twice is the same document. What a node's own indexer already applied
 * after the commit, its follower skips (see {@link AppliedEntries}).
 */
@Component
class IndexFollower {

  private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);

  /** How long an entry may commit after a later-numbered one and still be seen. */
  private static final Duration LATE_COMMITS = Duration.ofSeconds(30);

  private final IndexLog entries;
  private final SearchService search;
  private final SearchIndexer indexer;
  private final IndexedDocuments documents;
  private final Clock clock;
  private volatile long lastSeen = -1;

  IndexFollower(
      IndexLog entries,
      SearchService search,
      SearchIndexer indexer,
      IndexedDocuments documents,
      Clock clock) {
    this.entries = entries;
    this.search = search;
    this.indexer = indexer;
    this.documents = documents;
    this.clock = clock;
  }

  /** In the publishing transaction: the entry exists exactly when the publication does. */
  @EventListener
  void on(DocumentPublished event) {
    entries.append(event.documentId());
  }

  @EventListener
  void on(DocumentWithdrawn event) {
    entries.append(event.documentId());
  }

  @Scheduled(
      fixedDelayString =
          "${gongkai.search.follow-interval:" + SearchProperties.FOLLOW_INTERVAL + "}")
  synchronized void follow() {
    if (lastSeen < 0) {
      // What was written before this node started is in the index already, or in its catch-up.
      lastSeen = entries.lastId();
      return;
    }
    if (search.status().phase() != IndexStatus.Phase.READY) {
      return;
    }
    boolean namesForgotten = false;
    for (IndexLog.Entry e : entries.entries(lastSeen, Instant.now(clock).minus(LATE_COMMITS))) {
      if (entries.claim(e)) {
        if (!namesForgotten) {
          // Another node may have renamed an agency or column; its entries do not say why.
          documents.forgetNames();
          namesForgotten = true;
        }
        try {
          indexer.reindex(e.documentId());
        } catch (RuntimeException failed) {
          entries.release(e);
          log.warn(
              "search index could not follow document {}: {}", e.documentId(), failed.toString());
          return;
        }
      }
      lastSeen = Math.max(lastSeen, e.id());
    }
  }

  /** Entries older than a day have been read by every node that is running. */
  @ClusterJob(cron = "0 35 3 * * *")
  void forgetOld() {
    entries.forgetBefore(Instant.now(clock).minus(Duration.ofDays(1)));
  }
}
