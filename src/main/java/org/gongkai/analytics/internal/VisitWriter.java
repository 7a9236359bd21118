package org.gongkai.analytics.internal;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes what this node counted to the database, every {@code gongkai.analytics.flush-interval} and
 * when the node stops. Each node writes its own counts; the database adds them up (views added,
 * sketches merged under a row lock), so the job is safe to run on every node at once. A page's
 * views count for its column too ({@link PageColumns}).
 */
@Component
class VisitWriter {

  private static final Logger log = LoggerFactory.getLogger(VisitWriter.class);
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final VisitCounter counter;
  private final VisitRepository visits;
  private final PageColumns columns;
  private final AnalyticsProperties settings;

  VisitWriter(
      VisitCounter counter,
      VisitRepository visits,
      PageColumns columns,
      AnalyticsProperties settings) {
    this.counter = counter;
    this.visits = visits;
    this.columns = columns;
    this.settings = settings;
  }

  @Scheduled(
      fixedDelayString = "${gongkai.analytics.flush-interval:PT1M}",
      initialDelayString = "${gongkai.analytics.flush-interval:PT1M}")
  void scheduled() {
    try {
      flush();
    } catch (DataAccessException e) {
      log.warn("Visits counted since the last write are lost: {}", e.getMessage());
    }
  }

  @PreDestroy
  void stopping() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("Visits of the last minute not written at shutdown: {}", e.getMessage());
    }
  }

  /** Writes everything counted so far; returns the views written. */
  synchronized long flush() {
    List<Tally> tallies = counter.takeRetired();
    if (tallies.isEmpty()) {
      return 0;
    }
    long newest = tallies.stream().mapToLong(t -> t.retiredAtNanos).max().orElse(0);
    long wait = newest + GRACE_NANOS - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    long written = 0;
    for (Tally tally : tallies) {
      for (var entry : tally.sites.entrySet()) {
        long siteId = entry.getKey();
        Tally.SiteTally site = entry.getValue();
        long views = site.views.sum();
        if (views > 0) {
          visits.addDay(siteId, tally.day, views, site.visitors, settings.lgK());
          Map<String, Long> pages = sums(site.pages);
          visits.addPages(siteId, tally.day, pages);
          visits.addColumns(siteId, tally.day, columns.of(pages));
          written += views;
        }
        visits.addMisses(siteId, tally.day, sums(site.misses));
      }
    }
    return written;
  }

  private static Map<String, Long> sums(Map<String, LongAdder> counts) {
    Map<String, Long> sums = new HashMap<>();
    counts.forEach((key, count) -> sums.put(key, count.sum()));
    return sums;
  }
}
