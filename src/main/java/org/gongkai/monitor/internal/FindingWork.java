package org.gongkai.monitor.internal;

import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the latest monitor run found on each of the staff member's agencies' sites, to be put right.
 */
@Component
class FindingWork implements WorkQueue {

  private static final String LIST = "/console/monitor";

  private final JdbcClient jdbc;
  private final StaffAccess access;
  private final MessageSource messages;

  FindingWork(JdbcClient jdbc, StaffAccess access, MessageSource messages) {
    this.jdbc = jdbc;
    this.access = access;
    this.messages = messages;
  }

  @Override
  public Section section() {
    return Section.SUPERVISION;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    Set<Long> scope = access.agencyScope(staff);
    if (scope.isEmpty()) {
      return List.of(Work.none("todo.findings", LIST));
    }
    // An agency shown on several sites has a run on each: a finding of its catalog is in each
    // run, and is one thing to put right. Findings of a site's own pages name that site, so they
    // stay apart.
    String distinct =
        "SELECT r.agency_id, f.rule, f.severity, f.target, f.message, f.message_args, MIN(f.id) AS first"
            + " FROM monitor_finding f JOIN monitor_run r ON r.id = f.run_id"
            + " WHERE r.agency_id IN (:scope)"
            + " AND r.run_on = (SELECT MAX(l.run_on) FROM monitor_run l WHERE l.agency_id = r.agency_id)"
            + " GROUP BY r.agency_id, f.rule, f.severity, f.target, f.message, f.message_args";
    long total =
        jdbc.sql("SELECT COUNT(*) FROM (" + distinct + ") d")
            .param("scope", scope)
            .query(Long.class)
            .single();
    List<Item> items =
        limit == 0 || total == 0
            ? List.of()
            : jdbc.sql(
                    "SELECT d.rule, d.message, d.message_args, (SELECT a.code FROM agency a WHERE a.id = d.agency_id) AS code"
                        + " FROM ("
                        + distinct
                        + ") d ORDER BY CASE d.severity WHEN 'VETO' THEN 0 ELSE 1 END, d.first"
                        + " FETCH FIRST "
                        + limit
                        + " ROWS ONLY")
                .param("scope", scope)
                .query(
                    (rs, n) ->
                        new Item(
                            FindingText.render(
                                messages,
                                rs.getString("rule"),
                                FindingText.decode(rs.getString("message_args")),
                                rs.getString("message"),
                                LocaleContextHolder.getLocale()),
                            "/console/monitor/agencies/" + rs.getString("code"),
                            null,
                            null))
                .list();
    return List.of(new Work("todo.findings", total, items, LIST));
  }
}
