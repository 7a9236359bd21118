package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.monitor.MonitorFigures;
import org.gongkai.site.Site;
import org.gongkai.site.SiteOpenings;
import org.gongkai.site.SiteType;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The computed rows of the platform's 《政府网站监管年度报表》: the monitor's checks of every site per quarter
 * (a site counts as checked in a quarter when the monitor ran over it, and as unqualified when a
 * run of it scored under the pass mark or was vetoed), and the sites running at the year's end (a
 * site closed before it is not) and opened in it.
 */
@Component
class NetworkFigures {

  private final Sites sites;
  private final SiteOpenings openings;
  private final MonitorFigures monitor;
  private final Clock clock;

  NetworkFigures(Sites sites, SiteOpenings openings, MonitorFigures monitor, Clock clock) {
    this.sites = sites;
    this.openings = openings;
    this.monitor = monitor;
    this.clock = clock;
  }

  Map<String, Object> compute(int year) {
    Map<String, Object> v = new LinkedHashMap<>();
    List<Site> all = sites.all();
    long checkedInYear = 0;
    long unqualifiedInYear = 0;
    for (int quarter = 1; quarter <= 4; quarter++) {
      LocalDate first = LocalDate.of(year, quarter * 3 - 2, 1);
      LocalDate last = first.plusMonths(3).minusDays(1);
      long checked = 0;
      long unqualified = 0;
      for (Site site : all) {
        MonitorFigures.SiteChecks checks = monitor.siteChecks(site.id(), first, last);
        checked += checks.days() > 0 ? 1 : 0;
        unqualified += checks.unqualified() ? 1 : 0;
      }
      v.put("checks.q" + quarter + ".checked", checked);
      v.put("checks.q" + quarter + ".unqualified", unqualified);
      checkedInYear += checked;
      unqualifiedInYear += unqualified;
    }
    v.put("checks.year.checked", checkedInYear);
    v.put("checks.year.unqualified", unqualifiedInYear);
    ZoneId zone = clock.getZone();
    var from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
    var until = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
    List<Long> opened = openings.openedBetween(from, until);
    // Running at the year's end: opened before it and not closed by then.
    List<Long> closedByThen =
        all.stream()
            .filter(s -> s.closedAt() != null && s.closedAt().isBefore(until))
            .map(Site::id)
            .toList();
    List<Long> running =
        openings.openedBetween(java.time.Instant.EPOCH, until).stream()
            .filter(id -> !closedByThen.contains(id))
            .toList();
    v.put("sites.running", (long) running.size());
    long portals =
        all.stream().filter(s -> running.contains(s.id()) && s.type() == SiteType.PORTAL).count();
    v.put("sites.running.portal", portals);
    v.put(
        "sites.running.department",
        all.stream()
            .filter(s -> running.contains(s.id()) && s.type() == SiteType.DEPARTMENT)
            .count());
    // 抽查比例: the sites the monitor checked in the year, of those running at its end, in percent.
    long checkedSites =
        all.stream()
            .filter(s -> running.contains(s.id()))
            .filter(
                s ->
                    monitor
                            .siteChecks(
                                s.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                            .days()
                        > 0)
            .count();
    v.put(
        "checks.ratio",
        running.isEmpty()
            ? BigDecimal.ZERO.setScale(1)
            : BigDecimal.valueOf(checkedSites * 100)
                .divide(BigDecimal.valueOf(running.size()), 1, RoundingMode.HALF_UP));
    v.put("sites.opened", (long) opened.size());
    return v;
  }
}
