package org.gongkai.monitor.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.jobs.JobRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks again the agencies {@link MonitorFollower} noted, replacing the day's result of each: many
 * changes to one agency between two runs cost one check. A note made while its agency is being
 * checked has a later time and stays for the next run.
 */
@Component
class MonitorRechecks {

  private final MonitorRuns runs;
  private final AgencyDirectory agencies;
  private final JdbcClient jdbc;

  MonitorRechecks(MonitorRuns runs, AgencyDirectory agencies, JdbcClient jdbc) {
    this.runs = runs;
    this.agencies = agencies;
    this.jdbc = jdbc;
  }

  private record Noted(long agencyId, OffsetDateTime changedAt) {}

  /** Returns how many agencies were checked. */
  int recheck() {
    return recheck(JobRun.UNINTERRUPTED);
  }

  /**
   * A stopping node leaves the agencies not yet checked for the next run: each note is deleted only
   * once its check is done.
   */
  @ClusterJob(
      fixedDelay = "${gongkai.monitor.recheck-delay:" + MonitorProperties.RECHECK_DELAY + "}")
  int recheck(JobRun run) {
    List<Noted> noted =
        jdbc.sql("SELECT agency_id, changed_at FROM monitor_recheck ORDER BY changed_at")
            .query((rs, i) -> new Noted(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
            .list();
    int checked = 0;
    for (Noted n : noted) {
      if (run.stopping()) {
        break;
      }
      agencies.find(n.agencyId()).ifPresent(runs::run);
      jdbc.sql("DELETE FROM monitor_recheck WHERE agency_id = ? AND changed_at = ?")
          .params(n.agencyId(), n.changedAt())
          .update();
      checked++;
    }
    return checked;
  }
}
