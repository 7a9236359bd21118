package org.gongkai.report.internal;

import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.ReportedYears;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The years whose annual report counting an agency's requests is drafted for publication, its
 * figures fixed: the agency's own report, or the report of an agency above it that counts its whole
 * tree. Information requests ask before a step dated in such a year would change them.
 */
@Component
class PublishedYears implements ReportedYears {

  private final AgencyDirectory agencies;
  private final JdbcClient jdbc;

  PublishedYears(AgencyDirectory agencies, JdbcClient jdbc) {
    this.agencies = agencies;
    this.jdbc = jdbc;
  }

  @Override
  public boolean isReported(long agencyId, int year) {
    for (Agency a : agencies.path(agencyId)) {
      if ((a.id() == agencyId || a.reportsForSubtree()) && frozen(a.id(), year)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the agency's report for the year is drafted for publication. */
  boolean frozen(long agencyId, int year) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM report_frozen_cell WHERE agency_id = ? AND report_year = ?")
            .params(agencyId, year)
            .query(Long.class)
            .single()
        > 0;
  }
}
