package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.websitereport.PublishedWebsiteReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newest published report of a site, for its home page. */
@Repository
class PublishedReportQueries implements PublishedWebsiteReports {

  private final JdbcClient jdbc;
  private final Clock clock;

  PublishedReportQueries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Notice> newest(long siteId) {
    if (siteId == WebsiteReports.NETWORK) {
      return Optional.empty();
    }
    // The current version, or while a correction is open the version it corrects (still the
    // published one until the corrected version replaces it).
    record Shown(int year, long documentId, OffsetDateTime frozenAt, int version) {}
    Optional<Shown> shown =
        jdbc.sql(
                "SELECT report_year, document_id, frozen_at, version FROM website_report_frozen"
                    + " WHERE site_id = ? AND document_id IS NOT NULL"
                    + " UNION ALL SELECT v.report_year, v.document_id, v.frozen_at, v.version"
                    + " FROM website_report_version v JOIN website_report_correction c"
                    + " ON c.site_id = v.site_id AND c.report_year = v.report_year"
                    + " AND c.version = v.version"
                    + " WHERE v.site_id = ? AND v.document_id IS NOT NULL"
                    + " ORDER BY report_year DESC LIMIT 1")
            .params(siteId, siteId)
            .query(
                (rs, i) ->
                    new Shown(
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getInt(4)))
            .optional();
    return shown.map(
        s -> {
          if (s.version() == 1) {
            return new Notice(s.year(), s.documentId(), day(s.frozenAt()), null);
          }
          OffsetDateTime first =
              jdbc.sql(
                      "SELECT frozen_at FROM website_report_version"
                          + " WHERE site_id = ? AND report_year = ? AND version = 1")
                  .params(siteId, s.year())
                  .query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
                  .optional()
                  .orElse(s.frozenAt());
          return new Notice(s.year(), s.documentId(), day(first), day(s.frozenAt()));
        });
  }

  private LocalDate day(OffsetDateTime at) {
    return LocalDate.ofInstant(Timestamps.fromDb(at), clock.getZone());
  }
}
