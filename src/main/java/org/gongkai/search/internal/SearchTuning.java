package org.gongkai.search.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the embedded index spends the machine on a search: segments searched side by side on {@code
 * segmentThreads} threads (1: one after the other on the caller's thread; 0: one per core), the
 * first pages of the last {@code firstPageCache} distinct searches kept until the index changes,
 * and the {@code warmUpQueries} most frequent of them run again after each change.
 */
record SearchTuning(int segmentThreads, int firstPageCache, int warmUpQueries) {

  static final SearchTuning DEFAULT = new SearchTuning(1, 1_000, 20);

  /**
   * What one warm-up may take of the machine after a change; the rest are left to their visitors.
   */
  static final Duration WARM_UP_BUDGET = Duration.ofMillis(250);

  /** The threads segments are searched on, or null to search them on the caller's thread. */
  ExecutorService segmentExecutor() {
    if (segmentThreads <= 1) {
      return null;
    }
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        segmentThreads,
        r -> {
          Thread t = new Thread(r, "search-segments-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
