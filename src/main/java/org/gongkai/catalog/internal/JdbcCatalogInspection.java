package org.gongkai.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gongkai.catalog.CatalogInspection;
import org.gongkai.catalog.DocumentKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcCatalogInspection implements CatalogInspection {

  private static final String LIVE = EditionRows.LIVE;

  private final JdbcClient jdbc;
  private final AttachmentStore attachments;

  private final PublishedScreenings screenings;

  JdbcCatalogInspection(
      JdbcClient jdbc, AttachmentStore attachments, PublishedScreenings screenings) {
    this.screenings = screenings;
    this.jdbc = jdbc;
    this.attachments = attachments;
  }

  @Override
  public List<ColumnActivity> columnActivity(long agencyId) {
    return jdbc.sql(
            "SELECT e.column_id, COUNT(*), MAX(d.published_on)"
                + LIVE
                + " AND d.agency_id = ? GROUP BY e.column_id")
        .param(agencyId)
        .query(
            (rs, i) ->
                new ColumnActivity(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
        .list();
  }

  @Override
  public void forEachLiveDocument(long agencyId, Consumer<InspectedDocument> check) {
    Map<Long, List<String>> missing = new HashMap<>();
    jdbc.sql(
            "SELECT e.document_id, a.file_name, a.sha256 FROM attachment a JOIN edition e ON e.id = a.edition_id"
                + " JOIN document d ON d.id = e.document_id WHERE e.state = 'PUBLISHED' AND d.agency_id = ?")
        .param(agencyId)
        .query(
            (rs, i) -> {
              if (!attachments.exists(rs.getString(3))) {
                missing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
              }
              return null;
            })
        .list();
    jdbc.sql(
            "SELECT e.document_id, e.column_id, e.title, e.kind, e.issued_on, d.published_on, e.body_html,"
                + " (SELECT COUNT(*) FROM interpretation_link l WHERE l.policy_document_id = e.document_id) AS interpretations,"
                + " e.disclosure_mode"
                + LIVE
                + " AND d.agency_id = ? ORDER BY e.document_id")
        .param(agencyId)
        .query(
            (RowCallbackHandler)
                rs ->
                    check.accept(
                        new InspectedDocument(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            DocumentKind.valueOf(rs.getString(4)),
                            rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class),
                            rs.getString(7),
                            rs.getLong(8) > 0,
                            missing.getOrDefault(rs.getLong(1), List.of()),
                            "PROACTIVE".equals(rs.getString(9)))));
  }

  @Override
  public List<ScreenedDocument> withPersonalData(long agencyId) {
    return screenings.withFindings(agencyId);
  }

  @Override
  public boolean isLive(long documentId) {
    return jdbc.sql("SELECT COUNT(*)" + LIVE + " AND e.document_id = ?")
            .param(documentId)
            .query(Long.class)
            .single()
        > 0;
  }
}
