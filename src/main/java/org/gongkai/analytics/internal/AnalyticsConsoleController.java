package org.gongkai.analytics.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.site.Site;
import org.gongkai.site.SiteAddresses;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A site's visits in the console: visits and visitors by day and by month, the most viewed pages
 * and columns, and what the public searched for and did not find.
 */
@Controller
class AnalyticsConsoleController {

  static final int TOP = 20;

  /** A ranked line: what it is, where it leads (may be null), and its count. */
  record RankedRow(String label, String href, long count) {}

  record Dashboard(
      Site site,
      LocalDate from,
      LocalDate to,
      VisitFigures.Totals totals,
      List<VisitFigures.Day> days,
      List<VisitFigures.Month> months,
      List<RankedRow> pages,
      List<RankedRow> columns,
      List<VisitFigures.Ranked> searchMisses) {}

  private final AnalyticsAccess access;
  private final VisitFigures figures;
  private final AgencyDirectory agencies;
  private final SiteAddresses addresses;
  private final Clock clock;

  AnalyticsConsoleController(
      AnalyticsAccess access,
      VisitFigures figures,
      AgencyDirectory agencies,
      SiteAddresses addresses,
      Clock clock) {
    this.access = access;
    this.addresses = addresses;
    this.figures = figures;
    this.agencies = agencies;
    this.clock = clock;
  }

  @GetMapping("/console/analytics")
  String dashboard(
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model,
      HttpServletRequest request) {
    List<Site> readable = access.readable();
    model.addAttribute("sites", readable);
    if (site == null && readable.isEmpty()) {
      return "analytics/console";
    }
    Site chosen = access.site(site == null ? readable.get(0).id() : site);
    AnalyticsAccess.Period period = AnalyticsAccess.period(from, to, LocalDate.now(clock));
    model.addAttribute("dashboard", dashboard(chosen, period, addresses.of(chosen, request)));
    return "analytics/console";
  }

  private Dashboard dashboard(Site site, AnalyticsAccess.Period period, String base) {
    long id = site.id();
    LocalDate from = period.from();
    LocalDate to = period.to();
    List<RankedRow> pages =
        figures.topPages(id, from, to, TOP).stream()
            .map(p -> new RankedRow(p.key(), base + p.key(), p.count()))
            .toList();
    List<RankedRow> columns =
        figures.topColumns(id, from, to, TOP).stream().map(c -> columnRow(base, c)).toList();
    return new Dashboard(
        site,
        from,
        to,
        figures.totals(id, from, to),
        figures.days(id, from, to),
        figures.months(id, from, to),
        pages,
        columns,
        figures.searchMisses(id, from, to, TOP));
  }

  private RankedRow columnRow(String base, VisitFigures.Ranked ranked) {
    long columnId = Long.parseLong(ranked.key());
    return agencies
        .column(columnId)
        .map(
            (Column column) ->
                new RankedRow(
                    agencies.get(column.agencyId()).name() + " · " + column.name(),
                    base
                        + "/agencies/"
                        + agencies.get(column.agencyId()).code()
                        + "?column="
                        + columnId,
                    ranked.count()))
        .orElseGet(() -> new RankedRow("#" + columnId, null, ranked.count()));
  }
}
