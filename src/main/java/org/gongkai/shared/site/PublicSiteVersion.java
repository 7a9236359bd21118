package org.gongkai.shared.site;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of what the public site shows, shared by every node through the database. Every
 * {@link PublicSiteChange} raises it in the transaction that publishes the event, once per
 * transaction however many changes it makes; caches of pages, agencies and columns remember the
 * version they were filled at and are dropped when it moves. The node that made the change sees the
 * new version as soon as it commits; the others read it at most {@code
 * gongkai.page-cache.version-check} (100 ms) later. See docs/decisions/0008.
 */
@Component
public class PublicSiteVersion {

  private final JdbcClient jdbc;
  private final long checkNanos;
  private final ReentrantLock refreshing = new ReentrantLock();

  /**
   * Counts the changes this node made or was told of. A flag cleared by the thread that refreshes
   * could be cleared after a later change set it, and the change's own thread would then get the
   * version from before it while that refresh was still reading.
   */
  private final AtomicLong changes = new AtomicLong(1);

  private volatile long known = -1;
  private volatile long checkedAt;

  /** The count of changes when {@link #known} was read; written after it. */
  private volatile long knownAt;

  PublicSiteVersion(JdbcClient jdbc, PageCacheProperties pageCache) {
    this.jdbc = jdbc;
    this.checkNanos = pageCache.versionCheck().toNanos();
  }

  /**
   * Synchronous, in the publisher's transaction: the new version commits with the change or not at
   * all, so a page cached before the commit is never served after it. A plain listener, not a
   * transactional one: the event publication registry has nothing to keep for it.
   */
  @EventListener
  void on(PublicSiteChange change) {
    changed();
  }

  /**
   * Records that published content changed; caches everywhere drop what they hold once this
   * commits.
   */
  void changed() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      raise();
      changes.incrementAndGet();
      return;
    }
    if (TransactionSynchronizationManager.getSynchronizations().stream()
        .anyMatch(Raised.class::isInstance)) {
      return; // raised already in this transaction
    }
    raise();
    TransactionSynchronizationManager.registerSynchronization(new Raised());
  }

  private void raise() {
    jdbc.sql("UPDATE public_site_version SET version = version + 1 WHERE id = 1").update();
  }

  /**
   * Marks the transaction that raised the version, and lets this node read it after the end. It
   * runs first of the after-commit callbacks, so that work handed on after the commit (the static
   * export's) reads the new version, never a cached page from before it.
   */
  private final class Raised implements TransactionSynchronization {
    @Override
    public int getOrder() {
      return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterCommit() {
      changes.incrementAndGet();
    }

    @Override
    public void afterCompletion(int status) {
      changes.incrementAndGet();
    }
  }

  /**
   * The current version, read from the database when the last reading is older than the check
   * interval.
   */
  public long current() {
    if (insideWritingTransaction()) {
      // It may read its own raise before the commit: kept as this node's version, another thread
      // would label what it reads of the content from before the change with the new version.
      return read();
    }
    long seen = changes.get();
    if (knownAt < seen || System.nanoTime() - checkedAt > checkNanos) {
      if (knownAt < seen) {
        // Waits for a refresh under way: it may have begun before the change this thread knows of.
        refreshing.lock();
      } else if (!refreshing.tryLock()) {
        return known;
      }
      try {
        if (knownAt < seen || System.nanoTime() - checkedAt > checkNanos) {
          long at = changes.get();
          known = read();
          checkedAt = System.nanoTime();
          knownAt = at;
        }
      } finally {
        refreshing.unlock();
      }
    }
    return known;
  }

  private long read() {
    return jdbc.sql("SELECT version FROM public_site_version WHERE id = 1")
        .query(Long.class)
        .single();
  }

  /**
   * Whether the caller runs inside a transaction that may have changed published content: it must
   * read from the database, since its own changes are not in any cache until it commits.
   */
  public static boolean insideWritingTransaction() {
    return TransactionSynchronizationManager.isActualTransactionActive()
        && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
  }
}
