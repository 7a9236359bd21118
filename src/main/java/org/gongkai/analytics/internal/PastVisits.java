package org.gongkai.analytics.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.gongkai.analytics.VisitHistory;
import org.springframework.stereotype.Component;

/**
 * Past days written through the same repository as live counts. The day's sketch receives as many
 * distinct random values as there were visitors, which is what a day of live visitors' salted
 * hashes looks like to it: the estimate, and merges with other days, behave alike.
 */
@Component
class PastVisits implements VisitHistory {

  private final VisitRepository visits;
  private final PageColumns columns;
  private final AnalyticsProperties settings;

  PastVisits(VisitRepository visits, PageColumns columns, AnalyticsProperties settings) {
    this.visits = visits;
    this.columns = columns;
    this.settings = settings;
  }

  @Override
  public void addDay(
      long siteId,
      LocalDate day,
      Map<String, Long> pageViews,
      long visitors,
      Map<String, Long> searchesWithoutResult) {
    if (visitors < 0 || pageViews.values().stream().anyMatch(views -> views < 0)) {
      throw new IllegalArgumentException("Counts of a day cannot be negative");
    }
    long views = pageViews.values().stream().mapToLong(Long::longValue).sum();
    if (views > 0 || visitors > 0) {
      HllSketch sketch = new HllSketch(settings.lgK(), TgtHllType.HLL_4);
      SplittableRandom random = new SplittableRandom();
      for (long i = 0; i < visitors; i++) {
        sketch.update(random.nextLong());
      }
      visits.addDay(siteId, day, views, sketch, settings.lgK());
      visits.addPages(siteId, day, pageViews);
      visits.addColumns(siteId, day, columns.of(pageViews));
    }
    visits.addMisses(siteId, day, searchesWithoutResult);
  }
}
