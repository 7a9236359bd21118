package org.gongkai.websitereport.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entered figures and the frozen copies of the website reports; site 0 is the network's. */
@Repository
class ReportStore {

  record Entry(String key, String value, String note, String enteredBy, Instant enteredAt) {}

  /** A frozen version: the first (1) or a correction (2, 3 …) with its reason. */
  record Frozen(
      String figures,
      String frozenBy,
      Instant frozenAt,
      Long documentId,
      int version,
      String correctionReason) {}

  private final JdbcClient jdbc;

  ReportStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Entry> entries(long siteId, int year) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT entry_key, entry_value, source_note, entered_by, entered_at"
                + " FROM website_report_entry WHERE site_id = ? AND report_year = ? ORDER BY entry_key")
        .params(siteId, year)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Timestamps.fromDb(rs.getObject(5, OffsetDateTime.class))))
        .list()
        .forEach(e -> entries.put(e.key(), e));
    return entries;
  }

  void save(long siteId, int year, Entry entry) {
    int updated =
        jdbc.sql(
                "UPDATE website_report_entry SET entry_value = ?, source_note = ?, entered_by = ?,"
                    + " entered_at = ? WHERE site_id = ? AND report_year = ? AND entry_key = ?")
            .params(
                entry.value(),
                entry.note(),
                entry.enteredBy(),
                Timestamps.toDb(entry.enteredAt()),
                siteId,
                year,
                entry.key())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO website_report_entry (site_id, report_year, entry_key, entry_value, source_note,"
                  + " entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              siteId,
              year,
              entry.key(),
              entry.value(),
              entry.note(),
              entry.enteredBy(),
              Timestamps.toDb(entry.enteredAt()))
          .update();
    }
  }

  Optional<Frozen> frozen(long siteId, int year) {
    return jdbc.sql(
            "SELECT figures, frozen_by, frozen_at, document_id, version, correction_reason"
                + " FROM website_report_frozen WHERE site_id = ? AND report_year = ?")
        .params(siteId, year)
        .query((rs, i) -> frozen(rs))
        .optional();
  }

  static Frozen frozen(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Frozen(
        rs.getString(1),
        rs.getString(2),
        Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class)),
        rs.getObject(4, Long.class),
        rs.getInt(5),
        rs.getString(6));
  }

  /**
   * Whether the year's report was ever published: frozen now, or reopened by a correction (its
   * earlier version stays published until the corrected one replaces it).
   */
  boolean everPublished(long siteId, int year) {
    return frozen(siteId, year).isPresent()
        || jdbc.sql(
                    "SELECT COUNT(*) FROM website_report_correction"
                        + " WHERE site_id = ? AND report_year = ?")
                .params(siteId, year)
                .query(Integer.class)
                .single()
            > 0;
  }

  void published(long siteId, int year, long documentId) {
    jdbc.sql(
            "UPDATE website_report_frozen SET document_id = ? WHERE site_id = ? AND report_year = ?")
        .params(documentId, siteId, year)
        .update();
  }

  /** Freezes the report; false when it was frozen already (by another request). */
  boolean freeze(long siteId, int year, Frozen frozen) {
    if (frozen(siteId, year).isPresent()) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO website_report_frozen (site_id, report_year, figures, frozen_by, frozen_at,"
                + " version, correction_reason) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            siteId,
            year,
            frozen.figures(),
            frozen.frozenBy(),
            Timestamps.toDb(frozen.frozenAt()),
            frozen.version(),
            frozen.correctionReason())
        .update();
    return true;
  }
}
