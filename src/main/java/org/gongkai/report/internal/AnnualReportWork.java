package org.gongkai.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.ReportLevel;
import org.gongkai.catalog.Catalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Last year's annual reports not yet published, with their statutory deadline (a department's 31
 * January, a government's 31 March), for the reviewers and administrators who publish them.
 */
@Component
class AnnualReportWork implements WorkQueue {

  private static final String LIST = "/console/reports";

  private final StaffAccess access;
  private final JdbcClient jdbc;
  private final Catalog catalog;
  private final Clock clock;
  private final AgencyDirectory agencies;

  AnnualReportWork(
      StaffAccess access, JdbcClient jdbc, Catalog catalog, Clock clock, AgencyDirectory agencies) {
    this.agencies = agencies;
    this.access = access;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  public Section section() {
    return Section.REPORTS;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    if (!staff.role().reviews()) {
      return List.of(Work.none("todo.annual-reports", LIST));
    }
    int year = LocalDate.now(clock).getYear() - 1;
    Map<Long, Long> drafted = new HashMap<>();
    jdbc.sql("SELECT agency_id, document_id FROM report_publication WHERE report_year = ?")
        .param(year)
        .query((rs, i) -> drafted.put(rs.getLong(1), rs.getLong(2)))
        .list();
    Set<Long> published = catalog.publishedAmong(drafted.values());
    List<Agency> due =
        access.agenciesInScope(staff).stream()
            .filter(a -> !reportedByParent(a))
            .filter(a -> !drafted.containsKey(a.id()) || !published.contains(drafted.get(a.id())))
            .toList();
    List<Item> items =
        due.stream()
            .limit(limit)
            .map(
                a ->
                    new Item(
                        a.name() + " " + year,
                        LIST + "/annual?agency=" + a.code() + "&year=" + year,
                        a.reportLevel() == ReportLevel.GOVERNMENT
                            ? LocalDate.of(year + 1, 3, 31)
                            : LocalDate.of(year + 1, 1, 31),
                        null))
            .toList();
    return List.of(new Work("todo.annual-reports", due.size(), items, LIST));
  }

  /** A unit whose parent reports for its whole subtree has no report of its own. */
  private boolean reportedByParent(Agency agency) {
    return agency.parentId() != null
        && agencies.find(agency.parentId()).map(Agency::reportsForSubtree).orElse(false);
  }
}
