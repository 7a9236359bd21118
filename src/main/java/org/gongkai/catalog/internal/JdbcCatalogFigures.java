package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.gongkai.catalog.CatalogFigures;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counted from the edition of each document that was on the portal at the end of the year: its
 * validity and its repeal (or expiry) date as they stood then, so that a later revision or
 * withdrawal does not change what a past year's report counts. A document counts as issued in the
 * year of its 成文日期 (else its first publication), even when it was published in the January after,
 * when the report is made.
 */
@Service
@Transactional(readOnly = true)
class JdbcCatalogFigures implements CatalogFigures {

  private static final String LIVE = EditionRows.LIVE + " AND d.agency_id IN (:agencies)";

  /** Editions on the portal at the instant {@code :cutoff}. */
  private static final String LIVE_AT =
      " FROM edition e JOIN document d ON d.id = e.document_id"
          + " WHERE e.state IN ('PUBLISHED', 'SUPERSEDED', 'WITHDRAWN') AND e.disclosure_mode <> 'NOT_DISCLOSED'"
          + " AND e.published_at < :cutoff AND (e.superseded_at IS NULL OR e.superseded_at >= :cutoff)"
          + " AND (e.withdrawn_at IS NULL OR e.withdrawn_at >= :cutoff) AND d.agency_id IN (:agencies)";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcCatalogFigures(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public KindFigures kindFigures(Collection<Long> agencyIds, DocumentKind kind, int year) {
    if (agencyIds.isEmpty()) {
      return new KindFigures(0, 0, 0, 0, 0);
    }
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    String issued = "COALESCE(e.issued_on, d.published_on)";
    // Repealed (废止) and expired (失效) documents both stop being in force on repealed_on.
    String ended = "e.validity IN ('REPEALED', 'EXPIRED')";
    var cutoff =
        Timestamps.toDb(LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toInstant());
    KindFigures atYearEnd =
        jdbc.sql(
                "SELECT"
                    + " SUM(CASE WHEN "
                    + ended
                    + " AND e.repealed_on BETWEEN :first AND :last THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN "
                    + issued
                    + " <= :last AND (e.repealed_on IS NULL OR e.repealed_on > :last)"
                    + "   AND NOT ("
                    + ended
                    + " AND e.repealed_on IS NULL) THEN 1 ELSE 0 END),"
                    + " SUM(CASE WHEN d.published_on BETWEEN :first AND :last THEN 1 ELSE 0 END),"
                    + " COUNT(*)"
                    + LIVE_AT
                    + " AND e.kind = :kind")
            .param("first", first)
            .param("last", last)
            .param("agencies", agencyIds)
            .param("kind", kind.name())
            .param("cutoff", cutoff)
            .query(
                (rs, i) ->
                    new KindFigures(0, rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
            .single();
    // Issued in the year of its 成文日期, even when it reached the portal in the January after.
    int issuedInYear =
        jdbc.sql(
                "SELECT COUNT(DISTINCT d.id) FROM edition e JOIN document d ON d.id = e.document_id"
                    + " WHERE e.kind = :kind AND e.disclosure_mode <> 'NOT_DISCLOSED' AND d.agency_id IN (:agencies)"
                    + " AND "
                    + issued
                    + " BETWEEN :first AND :last AND (e.state = 'PUBLISHED'"
                    + " OR (e.state IN ('SUPERSEDED', 'WITHDRAWN') AND e.published_at < :cutoff"
                    + " AND (e.superseded_at IS NULL OR e.superseded_at >= :cutoff)"
                    + " AND (e.withdrawn_at IS NULL OR e.withdrawn_at >= :cutoff)))")
            .param("first", first)
            .param("last", last)
            .param("agencies", agencyIds)
            .param("kind", kind.name())
            .param("cutoff", cutoff)
            .query(Integer.class)
            .single();
    return new KindFigures(
        issuedInYear,
        atYearEnd.repealed(),
        atYearEnd.inForce(),
        atYearEnd.published(),
        atYearEnd.live());
  }

  @Override
  public List<MonthlyPublications> publicationsPerMonth(
      Collection<Long> agencyIds, LocalDate from, LocalDate to) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT EXTRACT(YEAR FROM d.published_on) AS y, EXTRACT(MONTH FROM d.published_on) AS m,"
                + " e.column_id, COUNT(*)"
                + LIVE
                + " AND d.published_on BETWEEN :from AND :to"
                + " GROUP BY EXTRACT(YEAR FROM d.published_on), EXTRACT(MONTH FROM d.published_on), e.column_id"
                + " ORDER BY 1, 2, 3")
        .param("agencies", agencyIds)
        .param("from", from)
        .param("to", to)
        .query(
            (rs, i) ->
                new MonthlyPublications(
                    String.format("%04d-%02d", rs.getInt(1), rs.getInt(2)),
                    rs.getLong(3),
                    rs.getLong(4)))
        .list();
  }

  @Override
  public List<ColumnCount> firstPublishedPerColumn(
      Collection<Long> agencyIds, DocumentKind kind, LocalDate from, LocalDate to) {
    if (agencyIds.isEmpty()) {
      return List.of();
    }
    // The document's first published edition: the lowest id among those that were published
    // (editions are numbered in the order they are made). A document withheld from the public
    // then is not counted.
    return jdbc.sql(
            "SELECT e.column_id, COUNT(*) FROM document d JOIN edition e ON e.document_id = d.id"
                + " WHERE d.agency_id IN (:agencies) AND d.published_on BETWEEN :from AND :to"
                + " AND e.id = (SELECT MIN(f.id) FROM edition f WHERE f.document_id = d.id"
                + " AND f.published_at IS NOT NULL)"
                + " AND e.disclosure_mode <> 'NOT_DISCLOSED'"
                + (kind == null ? "" : " AND e.kind = :kind")
                + " GROUP BY e.column_id ORDER BY e.column_id")
        .param("agencies", agencyIds)
        .param("from", from)
        .param("to", to)
        .params(kind == null ? java.util.Map.of() : java.util.Map.of("kind", kind.name()))
        .query((rs, i) -> new ColumnCount(rs.getLong(1), rs.getLong(2)))
        .list();
  }
}
