package org.gongkai.monitor.internal;

import java.time.LocalDate;
import org.gongkai.monitor.MonitorFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The monitor's runs of a site counted for the yearly reports. */
@Repository
@Transactional(readOnly = true)
class SiteCheckQueries implements MonitorFigures {

  private final JdbcClient jdbc;

  SiteCheckQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public SiteChecks siteChecks(long siteId, LocalDate first, LocalDate last) {
    String runs =
        " FROM monitor_run r WHERE r.site_id = :site AND r.run_on BETWEEN :first AND :last";
    Object[] days =
        jdbc.sql(
                "SELECT COUNT(DISTINCT r.run_on), MAX(r.run_on),"
                    + " SUM(CASE WHEN r.vetoed OR r.score < "
                    + IndexScore.PASS_MARK
                    + " THEN 1 ELSE 0 END)"
                    + runs)
            .param("site", siteId)
            .param("first", first)
            .param("last", last)
            .query(
                (rs, i) ->
                    new Object[] {rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getInt(3)})
            .single();
    int checked = (Integer) days[0];
    if (checked == 0) {
      return new SiteChecks(0, 0, 0, false);
    }
    String problems =
        "SELECT DISTINCT f.rule, f.target FROM monitor_finding f JOIN monitor_run r ON r.id = f.run_id"
            + " WHERE r.site_id = :site AND r.run_on BETWEEN :first AND :last";
    int found =
        jdbc.sql("SELECT COUNT(*) FROM (" + problems + ") p")
            .param("site", siteId)
            .param("first", first)
            .param("last", last)
            .query(Integer.class)
            .single();
    LocalDate lastDay = (LocalDate) days[1];
    int remaining =
        jdbc.sql("SELECT COUNT(*) FROM (" + problems + ") p")
            .param("site", siteId)
            .param("first", lastDay)
            .param("last", lastDay)
            .query(Integer.class)
            .single();
    return new SiteChecks(checked, found, found - remaining, (Integer) days[2] > 0);
  }
}
