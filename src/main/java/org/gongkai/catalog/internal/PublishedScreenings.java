package org.gongkai.catalog.internal;

import java.time.Instant;
import java.util.List;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the sweep found in live editions (V78). */
@Repository
class PublishedScreenings {

  record Unscanned(long editionId, long documentId, long agencyId) {}

  private final JdbcClient jdbc;

  PublishedScreenings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Live editions not scanned yet, oldest first. */
  List<Unscanned> unscanned(int limit) {
    return jdbc.sql(
            "SELECT e.id, e.document_id, d.agency_id FROM edition e"
                + " JOIN document d ON d.id = e.document_id WHERE e.state = 'PUBLISHED'"
                + " AND NOT EXISTS (SELECT 1 FROM published_screening s WHERE s.edition_id = e.id)"
                + " ORDER BY e.id FETCH FIRST "
                + limit
                + " ROWS ONLY")
        .query((rs, n) -> new Unscanned(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .list();
  }

  void record(Unscanned edition, int blocking, String excerpts, Instant at) {
    jdbc.sql(
            "INSERT INTO published_screening (edition_id, document_id, agency_id, scanned_at,"
                + " blocking, excerpts) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            edition.editionId(),
            edition.documentId(),
            edition.agencyId(),
            Timestamps.toDb(at),
            blocking,
            excerpts)
        .update();
  }

  /**
   * The agency's live documents with findings that nobody justified: the edition still live, and no
   * second person's grounds recorded for it.
   */
  List<CatalogInspection.ScreenedDocument> withFindings(long agencyId) {
    return jdbc.sql(
            "SELECT s.document_id, e.title, s.blocking, s.excerpts FROM published_screening s"
                + " JOIN edition e ON e.id = s.edition_id AND e.state = 'PUBLISHED'"
                + " WHERE s.agency_id = ? AND s.blocking > 0 AND NOT EXISTS (SELECT 1 FROM"
                + " personal_data_clearance c WHERE c.edition_id = s.edition_id"
                + " AND c.justification IS NOT NULL) ORDER BY s.document_id")
        .param(agencyId)
        .query(
            (rs, n) ->
                new CatalogInspection.ScreenedDocument(
                    rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
        .list();
  }
}
