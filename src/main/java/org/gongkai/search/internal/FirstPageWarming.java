package org.gongkai.search.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.gongkai.search.SearchQuery;

/**
 * Warm-up queries after each reopen: a change to the index leaves every kept first page behind, so
 * the most frequent searches are run again on the new state in the background, instead of by the
 * crowd that comes right after a publication. Changes in quick succession (a catch-up, an import)
 * are warmed once, after a short pause, and a warm-up stops at its time budget.
 */
final class FirstPageWarming implements AutoCloseable {

  static final Duration PAUSE = Duration.ofMillis(200);

  private final IntFunction<List<SearchQuery>> hottest;
  private final Consumer<SearchQuery> search;
  private final int queries;
  private final Duration budget;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ScheduledExecutorService thread;
  private volatile int lastWarmed;
  private final AtomicInteger warmUps = new AtomicInteger();

  /**
   * {@code hottest}: the most frequent searches, hottest first; {@code search}: runs one on the
   * current state.
   */
  FirstPageWarming(
      IntFunction<List<SearchQuery>> hottest,
      Consumer<SearchQuery> search,
      int queries,
      Duration budget) {
    this.hottest = hottest;
    this.search = search;
    this.queries = queries;
    this.budget = budget;
    this.thread =
        queries <= 0
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "search-warm-up");
                  t.setDaemon(true);
                  return t;
                });
  }

  /** The index has a new state: warm it soon. */
  void afterChange() {
    if (thread == null || !pending.compareAndSet(false, true)) {
      return;
    }
    try {
      thread.schedule(this::warm, PAUSE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      pending.set(false);
    }
  }

  /** How many searches the last warm-up ran. */
  int lastWarmed() {
    return lastWarmed;
  }

  /** How many warm-ups have finished. */
  int warmUps() {
    return warmUps.get();
  }

  private void warm() {
    pending.set(false);
    long deadline = System.nanoTime() + budget.toNanos();
    int ran = 0;
    for (SearchQuery q : hottest.apply(queries)) {
      if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        break;
      }
      try {
        search.accept(q);
        ran++;
      } catch (RuntimeException indexClosedOrReplaced) {
        break; // the next change warms again
      }
    }
    lastWarmed = ran;
    warmUps.incrementAndGet();
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.shutdownNow();
    }
  }
}
