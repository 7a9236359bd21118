package org.gongkai.websitereport.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The earlier frozen versions of the website reports and the corrections open on them: opening a
 * correction moves the current frozen copy here, and the report is a draft until frozen anew.
 */
@Repository
class VersionStore {

  /** An open correction: the version it corrects, why, by whom and when. */
  record Correction(int version, String reason, String openedBy, Instant openedAt) {}

  private final JdbcClient jdbc;

  VersionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Correction> correction(long siteId, int year) {
    return jdbc.sql(
            "SELECT version, reason, opened_by, opened_at FROM website_report_correction"
                + " WHERE site_id = ? AND report_year = ?")
        .params(siteId, year)
        .query(
            (rs, i) ->
                new Correction(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class))))
        .optional();
  }

  /**
   * Opens a correction of the frozen report: its copy becomes an earlier version and the report a
   * draft. False when it is not frozen (or another request opened the correction first).
   */
  boolean open(long siteId, int year, Correction correction) {
    int moved =
        jdbc.sql(
                "INSERT INTO website_report_version (site_id, report_year, version, figures,"
                    + " frozen_by, frozen_at, document_id, correction_reason)"
                    + " SELECT site_id, report_year, version, figures, frozen_by, frozen_at,"
                    + " document_id, correction_reason FROM website_report_frozen"
                    + " WHERE site_id = ? AND report_year = ? AND version = ?")
            .params(siteId, year, correction.version())
            .update();
    if (moved == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM website_report_frozen WHERE site_id = ? AND report_year = ?")
        .params(siteId, year)
        .update();
    jdbc.sql(
            "INSERT INTO website_report_correction (site_id, report_year, version, reason,"
                + " opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            siteId,
            year,
            correction.version(),
            correction.reason(),
            correction.openedBy(),
            Timestamps.toDb(correction.openedAt()))
        .update();
    return true;
  }

  void close(long siteId, int year) {
    jdbc.sql("DELETE FROM website_report_correction WHERE site_id = ? AND report_year = ?")
        .params(siteId, year)
        .update();
  }

  /** The earlier versions, oldest first. */
  List<ReportStore.Frozen> earlier(long siteId, int year) {
    return jdbc.sql(
            "SELECT figures, frozen_by, frozen_at, document_id, version, correction_reason"
                + " FROM website_report_version WHERE site_id = ? AND report_year = ?"
                + " ORDER BY version")
        .params(siteId, year)
        .query((rs, i) -> ReportStore.frozen(rs))
        .list();
  }
}
