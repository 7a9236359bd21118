package org.gongkai.analytics.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.site.Site;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A site's visits and visitors per day, for staff of the site's agencies. */
@RestController
@RequestMapping("/api/v1/admin/analytics")
class AnalyticsApi {

  private final AnalyticsAccess access;
  private final VisitFigures figures;
  private final Clock clock;

  AnalyticsApi(AnalyticsAccess access, VisitFigures figures, Clock clock) {
    this.access = access;
    this.figures = figures;
    this.clock = clock;
  }

  /**
   * {@code visitors} of the period come from the days' sketches merged. The salt changes every day
   * so that no one can be followed from day to day: a visitor of several days counts on each.
   */
  record AnalyticsView(
      long site,
      LocalDate from,
      LocalDate to,
      long views,
      long visitors,
      List<VisitFigures.Day> days) {}

  @GetMapping
  AnalyticsView perDay(
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    Site chosen = access.site(site);
    AnalyticsAccess.Period period = AnalyticsAccess.period(from, to, LocalDate.now(clock));
    VisitFigures.Totals totals = figures.totals(chosen.id(), period.from(), period.to());
    return new AnalyticsView(
        chosen.id(),
        period.from(),
        period.to(),
        totals.views(),
        totals.visitors(),
        figures.days(chosen.id(), period.from(), period.to()));
  }
}
