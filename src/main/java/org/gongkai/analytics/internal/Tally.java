package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.datasketches.hll.HllSketch;

/**
 * What one node counted of one day since its last write: per site the views, the visitors' sketch
 * and the views per page; per site the searches that found nothing. Only hashes salted with the
 * day's salt reach the sketch, which keeps no hash either (only its registers' maxima).
 */
final class Tally {

  final LocalDate day;
  final long endsAtMillis;
  final DaySalts.Salt salt;
  private final int lgK;
  private final int maxPages;
  final Map<Long, SiteTally> sites = new ConcurrentHashMap<>();
  volatile long retiredAtNanos;

  Tally(DaySalts.Salt salt, long endsAtMillis, int lgK, int maxPages) {
    this.day = salt.day();
    this.salt = salt;
    this.endsAtMillis = endsAtMillis;
    this.lgK = lgK;
    this.maxPages = maxPages;
  }

  SiteTally site(long siteId) {
    SiteTally site = sites.get(siteId);
    return site != null ? site : sites.computeIfAbsent(siteId, id -> new SiteTally(lgK, maxPages));
  }

  boolean isEmpty() {
    return sites.isEmpty();
  }

  static final class SiteTally {

    final LongAdder views = new LongAdder();
    final HllSketch visitors;
    final Map<String, LongAdder> pages = new ConcurrentHashMap<>();
    final Map<String, LongAdder> misses = new ConcurrentHashMap<>();
    private final int maxPages;

    SiteTally(int lgK, int maxPages) {
      this.visitors = new HllSketch(lgK);
      this.maxPages = maxPages;
    }

    void view(String page, long visitorHash) {
      views.increment();
      synchronized (visitors) {
        visitors.update(visitorHash);
      }
      count(pages, page, maxPages);
    }

    void miss(String query) {
      count(misses, query, 1000);
    }

    private static void count(Map<String, LongAdder> counts, String key, int limit) {
      LongAdder count = counts.get(key);
      if (count == null) {
        if (counts.size() >= limit) {
          return;
        }
        count = counts.computeIfAbsent(key, k -> new LongAdder());
      }
      count.increment();
    }
  }
}
