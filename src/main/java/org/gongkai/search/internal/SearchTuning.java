package org.gongkai.search.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the embedded index spends the machine on a search: segments searched side by side on
 * {@code segmentThreads} threads (1: one after the other on the caller's thread; 0: one per core), and the
 * first pages of the last {@code firstPageCache} distinct searches kept until the index changes.
 */
record SearchTuning(int segmentThreads, int firstPageCache) {

  static final SearchTuning DEFAULT = new SearchTuning(1, 1_000);

  /** The threads segments are searched on, or null to search them on the caller's thread. */
  ExecutorService segmentExecutor() {
    if (segmentThreads <= 1) {
      return null;
    }
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(segmentThreads, r -> {
      Thread t = new Thread(r, "search-segments-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
