package org.gongkai.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.consultation.internal.ConsultationViews.Adoption;
import org.gongkai.consultation.internal.ConsultationViews.CommentState;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.StoredFiles.StoredFile;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Consultations, their attachments and their comments; a commenter's contact is stored sealed. */
@Repository
class ConsultationRepository {

  /** The encrypted field, named as the cipher binds it. */
  static final String CONTACT = "consultation_comment.contact";

  private static final String SELECT =
      "SELECT c.*, (SELECT COUNT(*) FROM consultation_comment m"
          + " WHERE m.consultation_id = c.id AND m.state = 'PUBLISHED') AS published_comments FROM consultation c";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  ConsultationRepository(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  // ---- consultations ----

  record NewConsultation(
      long agencyId,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      String draftText,
      LocalDate opensOn,
      LocalDate closesOn,
      Long draftDocumentId,
      String createdBy,
      Instant createdAt) {}

  long insert(NewConsultation c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO consultation (agency_id, kind, scope, title, draft_text, opens_on, closes_on, draft_document_id,"
                + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            c.agencyId(),
            c.kind().name(),
            c.scope().name(),
            c.title(),
            c.draftText(),
            c.opensOn(),
            c.closesOn(),
            c.draftDocumentId(),
            c.createdBy(),
            Timestamps.toDb(c.createdAt()))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<ConsultationRow> find(long id) {
    return jdbc.sql(SELECT + " WHERE c.id = ?")
        .param(id)
        .query(ConsultationRepository::row)
        .optional();
  }

  /**
   * The consultation, locked until the transaction ends, so that changes to it and its comments run
   * one after another.
   */
  Optional<ConsultationRow> lock(long id) {
    Optional<Long> locked =
        jdbc.sql("SELECT id FROM consultation WHERE id = ? FOR UPDATE")
            .param(id)
            .query(Long.class)
            .optional();
    return locked.flatMap(this::find);
  }

  /**
   * Published consultations, newest closing first; {@code agencyId} and the date bounds are
   * optional.
   */
  List<ConsultationRow> published(Long agencyId, LocalDate openOn, LocalDate closedBefore) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE c.published = TRUE");
    var params = new HashMap<String, Object>();
    if (agencyId != null) {
      sql.append(" AND c.agency_id = :agency");
      params.put("agency", agencyId);
    }
    if (openOn != null) {
      sql.append(" AND c.opens_on <= :open AND c.closes_on >= :open");
      params.put("open", openOn);
    }
    if (closedBefore != null) {
      sql.append(" AND c.closes_on < :closed");
      params.put("closed", closedBefore);
    }
    return jdbc.sql(sql.append(" ORDER BY c.closes_on DESC, c.id DESC").toString())
        .params(params)
        .query(ConsultationRepository::row)
        .list();
  }

  List<ConsultationRow> ofAgencies(Collection<Long> agencyIds) {
    return jdbc.sql(SELECT + " WHERE c.agency_id IN (:agencies) ORDER BY c.id DESC")
        .param("agencies", agencyIds)
        .query(ConsultationRepository::row)
        .list();
  }

  /** Public consultations whose draft or final document this is. */
  List<ConsultationRow> ofDocument(long documentId) {
    return jdbc.sql(
            SELECT
                + " WHERE c.published = TRUE AND c.scope = 'PUBLIC'"
                + " AND (c.draft_document_id = ? OR c.final_document_id = ?)")
        .params(documentId, documentId)
        .query(ConsultationRepository::row)
        .list();
  }

  /** Published consultations whose period ended before {@code today} and were not announced. */
  List<Long> closedUnannounced(LocalDate today) {
    return jdbc.sql(
            "SELECT id FROM consultation WHERE published = TRUE AND closed_at IS NULL AND closes_on < ?"
                + " ORDER BY id")
        .param(today)
        .query(Long.class)
        .list();
  }

  /** Marks the close announced; false when it was already, or the period has not ended. */
  boolean markClosed(long id, LocalDate today, Instant at) {
    return jdbc.sql(
                "UPDATE consultation SET closed_at = ? WHERE id = ? AND published = TRUE"
                    + " AND closed_at IS NULL AND closes_on < ?")
            .params(Timestamps.toDb(at), id, today)
            .update()
        == 1;
  }

  void markPublished(long id) {
    jdbc.sql("UPDATE consultation SET published = TRUE WHERE id = ?").param(id).update();
  }

  void recordFeedback(long id, String text, Instant at, Long finalDocumentId) {
    jdbc.sql(
            "UPDATE consultation SET feedback_text = ?, feedback_at = ?, final_document_id = ? WHERE id = ?")
        .params(text, Timestamps.toDb(at), finalDocumentId, id)
        .update();
  }

  // ---- the draft's attachments ----

  void addAttachment(long id, StoredFile file) {
    jdbc.sql(
            "INSERT INTO consultation_attachment (consultation_id, file_name, content_type, sha256, size_bytes)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(id, file.name(), file.contentType(), file.sha256(), file.size())
        .update();
  }

  List<ConsultationViews.Attachment> attachments(long id) {
    return jdbc.sql(
            "SELECT id, file_name, content_type, size_bytes FROM consultation_attachment"
                + " WHERE consultation_id = ? ORDER BY id")
        .param(id)
        .query(
            (rs, i) ->
                new ConsultationViews.Attachment(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
  }

  Optional<String> attachmentSha256(long id, long attachmentId) {
    return jdbc.sql(
            "SELECT sha256 FROM consultation_attachment WHERE id = ? AND consultation_id = ?")
        .params(attachmentId, id)
        .query(String.class)
        .optional();
  }

  // ---- comments ----

  record NewComment(
      long consultationId,
      Integer paragraph,
      String authorName,
      String contact,
      String body,
      StoredFile attachment,
      Instant submittedAt) {}

  long insertComment(NewComment c) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    StoredFile file = c.attachment();
    jdbc.sql(
            "INSERT INTO consultation_comment (consultation_id, paragraph, author_name, contact, body, attachment_name,"
                + " attachment_type, attachment_sha256, state, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)")
        .params(
            c.consultationId(),
            c.paragraph(),
            c.authorName(),
            null,
            c.body(),
            file == null ? null : file.name(),
            file == null ? null : file.contentType(),
            file == null ? null : file.sha256(),
            Timestamps.toDb(c.submittedAt()))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    // Sealed once the row has its id, which the value is bound to.
    jdbc.sql("UPDATE consultation_comment SET contact = ? WHERE id = ?")
        .params(cipher.seal(CONTACT, id, c.contact()), id)
        .update();
    return id;
  }

  /**
   * The comments, oldest first, with the contact opened; only the published ones unless {@code
   * all}.
   */
  List<ConsultationViews.Comment> comments(long id, boolean all) {
    return jdbc.sql(
            "SELECT * FROM consultation_comment WHERE consultation_id = ?"
                + (all ? "" : " AND state = 'PUBLISHED'")
                + " ORDER BY id")
        .param(id)
        .query(
            (rs, i) ->
                new ConsultationViews.Comment(
                    rs.getLong("id"),
                    (Integer) rs.getObject("paragraph"),
                    rs.getString("author_name"),
                    cipher.open(CONTACT, rs.getLong("id"), rs.getString("contact")),
                    rs.getString("body"),
                    rs.getString("attachment_sha256") != null,
                    CommentState.valueOf(rs.getString("state")),
                    rs.getString("moderation_reason"),
                    rs.getString("adoption") == null
                        ? null
                        : Adoption.valueOf(rs.getString("adoption")),
                    rs.getString("adoption_reason"),
                    Timestamps.fromDb(rs.getObject("submitted_at", OffsetDateTime.class))))
        .list();
  }

  /** Returns whether the comment belongs to the consultation. */
  boolean moderate(
      long id, long commentId, CommentState state, String reason, String by, Instant at) {
    return jdbc.sql(
                "UPDATE consultation_comment SET state = ?, moderation_reason = ?, moderated_by = ?, moderated_at = ?"
                    + " WHERE id = ? AND consultation_id = ?")
            .params(state.name(), reason, by, Timestamps.toDb(at), commentId, id)
            .update()
        > 0;
  }

  /** Returns whether the comment belongs to the consultation. */
  boolean adopt(long id, long commentId, Adoption adoption, String reason) {
    return jdbc.sql(
                "UPDATE consultation_comment SET adoption = ?, adoption_reason = ? WHERE id = ? AND consultation_id = ?")
            .params(adoption.name(), reason, commentId, id)
            .update()
        > 0;
  }

  long unansweredPublishedComments(long id) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ? AND state = 'PUBLISHED'"
                + " AND adoption IS NULL")
        .param(id)
        .query(Long.class)
        .single();
  }

  record CommentFile(String name, String contentType, String sha256) {}

  Optional<CommentFile> commentFile(long id, long commentId) {
    return jdbc.sql(
            "SELECT attachment_name, attachment_type, attachment_sha256 FROM consultation_comment"
                + " WHERE id = ? AND consultation_id = ? AND attachment_sha256 IS NOT NULL")
        .params(commentId, id)
        .query((rs, i) -> new CommentFile(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  private static ConsultationRow row(ResultSet rs, int i) throws SQLException {
    return new ConsultationRow(
        rs.getLong("id"),
        rs.getLong("agency_id"),
        ConsultationKind.valueOf(rs.getString("kind")),
        ConsultationScope.valueOf(rs.getString("scope")),
        rs.getString("title"),
        rs.getString("draft_text"),
        rs.getObject("opens_on", LocalDate.class),
        rs.getObject("closes_on", LocalDate.class),
        rs.getBoolean("published"),
        rs.getObject("draft_document_id", Long.class),
        rs.getObject("final_document_id", Long.class),
        rs.getString("feedback_text"),
        Timestamps.fromDb(rs.getObject("feedback_at", OffsetDateTime.class)),
        rs.getInt("published_comments"));
  }
}
