package org.gongkai.analytics.internal;

import java.time.LocalDate;
import org.gongkai.analytics.YearVisits;
import org.springframework.stereotype.Service;

/** The year's totals, from the same merged sketches the dashboard reads. */
@Service
class YearVisitTotals implements YearVisits {

  private final VisitFigures figures;

  YearVisitTotals(VisitFigures figures) {
    this.figures = figures;
  }

  @Override
  public Totals ofYear(long siteId, int year) {
    VisitFigures.Totals totals =
        figures.totals(siteId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    return new Totals(totals.views(), totals.visitors());
  }
}
