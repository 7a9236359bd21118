package org.gongkai.foi.internal;

import java.time.YearMonth;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.gongkai.agency.Agency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Last month's statistics not yet filed (a month without requests is filed as a zero report), for
 * the reviewers and administrators who file them, agency by agency.
 */
@Component
class MonthlyReportWork implements WorkQueue {

  private static final String LIST = "/console/foi/statistics";

  private final RequestQueries queries;
  private final StaffAccess access;
  private final JdbcClient jdbc;

  MonthlyReportWork(RequestQueries queries, StaffAccess access, JdbcClient jdbc) {
    this.queries = queries;
    this.access = access;
    this.jdbc = jdbc;
  }

  @Override
  public Section section() {
    return Section.REPORTS;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    if (!staff.role().reviews()) {
      return List.of(Work.none("todo.monthly-reports", LIST));
    }
    YearMonth month = YearMonth.from(queries.today()).minusMonths(1);
    List<Long> filed =
        jdbc.sql("SELECT agency_id FROM foi_monthly_report WHERE report_month = ?")
            .param(month.toString())
            .query(Long.class)
            .list();
    List<Agency> due =
        access.agenciesInScope(staff).stream().filter(a -> !filed.contains(a.id())).toList();
    List<Item> items =
        due.stream()
            .limit(limit)
            .map(
                a ->
                    new Item(
                        a.name() + " " + month,
                        "/console/foi/statistics?agency=" + a.code() + "&month=" + month,
                        null,
                        null))
            .toList();
    return List.of(new Work("todo.monthly-reports", due.size(), items, LIST));
  }
}
