package org.gongkai.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Maps rows of edition (joined with document where needed) to records. */
final class EditionRows {

  private EditionRows() {}

  static Edition edition(ResultSet rs, List<Attachment> attachments) throws SQLException {
    return new Edition(
        rs.getLong("id"),
        rs.getLong("document_id"),
        rs.getInt("edition_number"),
        EditionState.valueOf(rs.getString("state")),
        rs.getInt("lock_version"),
        rs.getLong("column_id"),
        DocumentKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("doc_number"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getString("topic"),
        rs.getString("genre"),
        rs.getString("keywords"),
        Validity.valueOf(rs.getString("validity")),
        rs.getObject("effective_on", LocalDate.class),
        rs.getObject("repealed_on", LocalDate.class),
        DisclosureMode.valueOf(rs.getString("disclosure_mode")),
        rs.getString("source"),
        rs.getString("summary"),
        rs.getString("body_html"),
        rs.getString("change_note"),
        instant(rs, "scheduled_for"),
        instant(rs, "published_at"),
        instant(rs, "superseded_at"),
        rs.getObject("confidentiality_checked", Boolean.class),
        rs.getString("review_comment"),
        rs.getString("reviewed_by"),
        instant(rs, "reviewed_at"),
        rs.getString("withdrawn_reason"),
        instant(rs, "withdrawn_at"),
        instant(rs, "updated_at"),
        rs.getString("updated_by"),
        attachments);
  }

  /** Expects the columns of {@link #SUMMARY_COLUMNS}. */
  static DocumentSummary summary(ResultSet rs, int row) throws SQLException {
    return new DocumentSummary(
        rs.getLong("document_id"),
        rs.getString("index_number"),
        rs.getString("title"),
        rs.getLong("agency_id"),
        rs.getLong("column_id"),
        rs.getString("doc_number"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getObject("published_on", LocalDate.class),
        Validity.valueOf(rs.getString("validity")),
        EditionState.valueOf(rs.getString("state")),
        instant(rs, "updated_at"));
  }

  /** The editions on the public side: published and not withheld, joined with their document. */
  static final String LIVE =
      " FROM edition e JOIN document d ON d.id = e.document_id WHERE e.state = 'PUBLISHED'"
          + " AND e.disclosure_mode <> 'NOT_DISCLOSED'";

  static final String SUMMARY_COLUMNS =
      "e.document_id, d.index_number, e.title, d.agency_id, e.column_id, e.doc_number, e.issued_on,"
          + " d.published_on, e.validity, e.state, e.updated_at";

  /**
   * One page of summaries of the editions {@code fromWhere} chooses (a FROM and WHERE clause over
   * edition e and document d), in {@code orderBy}, with how many there are in all.
   */
  static PageResult<DocumentSummary> summaryPage(
      JdbcClient jdbc,
      String fromWhere,
      Map<String, Object> params,
      String orderBy,
      int page,
      int size) {
    long total = jdbc.sql("SELECT COUNT(*)" + fromWhere).params(params).query(Long.class).single();
    List<DocumentSummary> items =
        jdbc.sql(
                "SELECT "
                    + SUMMARY_COLUMNS
                    + fromWhere
                    + " ORDER BY "
                    + orderBy
                    + " OFFSET "
                    + (long) (page - 1) * size
                    + " ROWS FETCH NEXT "
                    + size
                    + " ROWS ONLY")
            .params(params)
            .query(EditionRows::summary)
            .list();
    return new PageResult<>(items, total, page, size);
  }

  static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getString("file_name"),
        rs.getString("media_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
  }
}
