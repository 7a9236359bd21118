package org.gongkai.report.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an annual report keeps of its own: the figures and texts staff entered, the cells fixed when
 * it was drafted for publication, and the document it was drafted as.
 */
@Repository
class AnnualReportRepository {

  private final JdbcClient jdbc;

  AnnualReportRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the year's report has been drafted for publication, its figures fixed. */
  boolean frozen(long agencyId, int year) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM report_frozen_cell WHERE agency_id = ? AND report_year = ?")
            .params(agencyId, year)
            .query(Long.class)
            .single()
        > 0;
  }

  Map<String, BigDecimal> frozenCells(long agencyId, int year) {
    Map<String, BigDecimal> cells = new HashMap<>();
    jdbc.sql(
            "SELECT cell_key, amount FROM report_frozen_cell WHERE agency_id = ? AND report_year = ?")
        .params(agencyId, year)
        .query((rs, i) -> cells.put(rs.getString(1), plain(rs.getBigDecimal(2))))
        .list();
    return cells;
  }

  List<AnnualReport.Entered> entered(long agencyId, int year) {
    return jdbc.sql(
            "SELECT figure_key, amount, entered_by, entered_at, reason FROM report_figure"
                + " WHERE agency_id = ? AND report_year = ?")
        .params(agencyId, year)
        .query(
            (rs, i) ->
                new AnnualReport.Entered(
                    rs.getString(1),
                    plain(rs.getBigDecimal(2)),
                    rs.getString(3),
                    Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class)),
                    rs.getString(5)))
        .list();
  }

  /** 120.00 as stored reads back as 120, 1.50 as 1.5. */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  Map<String, String> sections(long agencyId, int year) {
    Map<String, String> sections = new LinkedHashMap<>();
    AnnualReport.TEXT_SECTIONS.forEach(s -> sections.put(s, ""));
    jdbc.sql("SELECT section, body FROM report_text WHERE agency_id = ? AND report_year = ?")
        .params(agencyId, year)
        .query((rs, i) -> sections.put(rs.getString(1), rs.getString(2)))
        .list();
    return sections;
  }

  Optional<Long> publication(long agencyId, int year) {
    return jdbc.sql(
            "SELECT document_id FROM report_publication WHERE agency_id = ? AND report_year = ?")
        .params(agencyId, year)
        .query(Long.class)
        .optional();
  }

  /** The report's cells as drafted for publication; empty cells are not kept. */
  void freeze(long agencyId, int year, Map<String, BigDecimal> cells, String actor, Instant now) {
    cells.forEach(
        (key, amount) -> {
          if (amount != null) {
            jdbc.sql(
                    "INSERT INTO report_frozen_cell (agency_id, report_year, cell_key, amount,"
                        + " frozen_by, frozen_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(agencyId, year, key, amount, actor, Timestamps.toDb(now))
                .update();
          }
        });
  }

  void recordPublication(long agencyId, int year, long documentId, String actor, Instant now) {
    jdbc.sql(
            "INSERT INTO report_publication (agency_id, report_year, document_id, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?)")
        .params(agencyId, year, documentId, actor, Timestamps.toDb(now))
        .update();
  }
}
