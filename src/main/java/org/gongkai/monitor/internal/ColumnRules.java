package org.gongkai.monitor.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.CatalogInspection;
import org.springframework.stereotype.Component;

/**
 * The rules on an agency's columns and home page being kept up to date (index items 3 and 4 and the
 * deductions for publishing updates): each leaf column's last publication against its type's limit,
 * the home page's newest item, and the counts at which the site fails.
 */
@Component
class ColumnRules {

  private static final Set<ColumnType> SELDOM_UPDATED =
      Set.of(ColumnType.FUNCTIONS, ColumnType.POWER, ColumnType.ANNUAL_REPORT);

  private final AgencyDirectory agencies;
  private final CatalogInspection catalog;
  private final MonitorProperties settings;

  ColumnRules(AgencyDirectory agencies, CatalogInspection catalog, MonitorProperties settings) {
    this.agencies = agencies;
    this.catalog = catalog;
    this.settings = settings;
  }

  void check(Agency agency, LocalDate today, Found found) {
    Map<Long, CatalogInspection.ColumnActivity> activity = new HashMap<>();
    catalog.columnActivity(agency.id()).forEach(a -> activity.put(a.columnId(), a));
    List<Column> columns = agencies.visibleColumns(agency.id());
    String columnsLink = "/console/agencies/" + agency.id();
    int notUpdated = 0;
    int stale = 0;
    int empty = 0;
    LocalDate newest = null;
    for (Column c : columns) {
      boolean hasChildren =
          columns.stream().anyMatch(x -> x.parentId() != null && x.parentId() == c.id());
      CatalogInspection.ColumnActivity a = activity.get(c.id());
      LocalDate last = a == null ? null : a.lastPublishedOn();
      if (last != null && (newest == null || last.isAfter(newest))) {
        newest = last;
      }
      if (hasChildren) {
        continue;
      }
      if (a == null) {
        empty++;
        found.add(Rule.EMPTY_COLUMN, c.name(), columnsLink, c.name());
        continue;
      }
      if (c.type() == ColumnType.NEWS && last.isBefore(today.minusDays(settings.newsDays()))) {
        notUpdated++;
        found.add(Rule.NEWS_STALE, c.name(), columnsLink, c.name(), last, settings.newsDays());
      } else if ((c.type() == ColumnType.NOTICE || c.type() == ColumnType.POLICY)
          && c.parentId() == null
          && last.isBefore(today.minusMonths(settings.noticePolicyMonths()))) {
        notUpdated++;
        found.add(
            Rule.NOTICE_POLICY_STALE,
            c.name(),
            columnsLink,
            c.name(),
            last,
            settings.noticePolicyMonths());
      } else if (!SELDOM_UPDATED.contains(c.type())
          && last.isBefore(today.minusMonths(settings.staleMonths()))) {
        stale++;
        found.add(Rule.STALE_COLUMN, c.name(), columnsLink, c.name(), last, settings.staleMonths());
      }
    }
    if (newest == null || newest.isBefore(today.minusDays(settings.homeDays()))) {
      found.add(
          Rule.HOME_STALE,
          agency.name(),
          "/console/documents",
          newest == null ? "-" : newest.toString(),
          settings.homeDays());
    }
    if (empty >= settings.veto().emptyColumns()) {
      found.add(
          Rule.TOO_MANY_EMPTY_COLUMNS,
          agency.name(),
          columnsLink,
          empty,
          settings.veto().emptyColumns());
    }
    if (notUpdated >= settings.veto().sectionsNotUpdated()) {
      found.add(
          Rule.SECTIONS_NOT_UPDATED,
          agency.name(),
          columnsLink,
          notUpdated,
          settings.veto().sectionsNotUpdated());
    }
    // The index counts every column that should be updated and is not: stale, overdue and empty
    // alike.
    int shouldBeUpdated = stale + notUpdated + empty;
    if (shouldBeUpdated >= settings.veto().staleColumns()) {
      found.add(
          Rule.TOO_MANY_STALE_COLUMNS,
          agency.name(),
          columnsLink,
          shouldBeUpdated,
          settings.veto().staleColumns());
    }
  }
}
