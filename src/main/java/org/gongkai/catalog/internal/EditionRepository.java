package org.gongkai.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for documents, editions, attachments and interpretation links. */
@Repository
class EditionRepository {

  private final JdbcClient jdbc;

  EditionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record DocumentRow(long id, long agencyId, String indexNumber, LocalDate publishedOn) {}

  Optional<DocumentRow> document(long id) {
    return jdbc.sql("SELECT id, agency_id, index_number, published_on FROM document WHERE id = ?")
        .param(id)
        .query(
            (rs, i) ->
                new DocumentRow(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .optional();
  }

  /**
   * Locks the document row so that two workflow commands on one document run one after the other.
   */
  Optional<DocumentRow> lockDocument(long id) {
    return jdbc.sql(
            "SELECT id, agency_id, index_number, published_on FROM document WHERE id = ? FOR UPDATE")
        .param(id)
        .query(
            (rs, i) ->
                new DocumentRow(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .optional();
  }

  long insertDocument(long agencyId, String actor, Instant now) {
    return insertDocument(agencyId, actor, now, null);
  }

  /** A document; {@code sourceUrl} is the address an imported one was published at before. */
  long insertDocument(long agencyId, String actor, Instant now, String sourceUrl) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO document (agency_id, created_at, created_by, source_url) VALUES (?, ?, ?, ?)")
        .params(agencyId, Timestamps.toDb(now), actor, sourceUrl)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  boolean indexNumberTaken(String indexNumber) {
    return jdbc.sql("SELECT COUNT(*) FROM document WHERE index_number = ?")
            .param(indexNumber)
            .query(Long.class)
            .single()
        > 0;
  }

  void setIndexNumber(long documentId, String indexNumber, LocalDate publishedOn) {
    jdbc.sql(
            "UPDATE document SET index_number = ?, published_on = ? WHERE id = ? AND index_number IS NULL")
        .params(indexNumber, publishedOn, documentId)
        .update();
  }

  List<Edition> editions(long documentId) {
    Map<Long, List<Attachment>> attachments = attachmentsOfDocument(documentId);
    return jdbc.sql("SELECT * FROM edition WHERE document_id = ? ORDER BY edition_number")
        .param(documentId)
        .query(
            (rs, i) ->
                EditionRows.edition(rs, attachments.getOrDefault(rs.getLong("id"), List.of())))
        .list();
  }

  Optional<Edition> edition(long editionId) {
    List<Attachment> attachments = attachments(editionId);
    return jdbc.sql("SELECT * FROM edition WHERE id = ?")
        .param(editionId)
        .query((rs, i) -> EditionRows.edition(rs, attachments))
        .optional();
  }

  /** The edition under work (draft to scheduled), else the latest. */
  Optional<Edition> workingEdition(long documentId) {
    List<Edition> all = editions(documentId);
    return all.stream()
        .filter(e -> e.state().isPrePublication())
        .findFirst()
        .or(() -> all.stream().max(Comparator.comparingInt(Edition::editionNumber)));
  }

  Optional<Edition> liveEdition(long documentId) {
    return editions(documentId).stream()
        .filter(e -> e.state() == EditionState.PUBLISHED)
        .findFirst();
  }

  long insertEdition(
      long documentId,
      int number,
      EditionState state,
      DocumentForm f,
      long columnId,
      String sanitizedBody,
      String actor,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO edition (document_id, edition_number, state, lock_version, column_id, kind, title, doc_number,"
                + " issued_on, topic, genre, keywords, validity, effective_on, repealed_on, disclosure_mode, source,"
                + " summary, body_html, change_note, created_at, created_by, updated_at, updated_by)"
                + " VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            values(
                Arrays.asList(documentId, number, state.name(), columnId),
                formValues(f, sanitizedBody),
                Arrays.asList(Timestamps.toDb(now), actor, Timestamps.toDb(now), actor)))
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  /** Returns false when the edition changed since the editor loaded it. */
  boolean updateEdition(
      long editionId,
      int expectedLockVersion,
      DocumentForm f,
      long columnId,
      String sanitizedBody,
      String actor,
      Instant now) {
    return jdbc.sql(
                "UPDATE edition SET lock_version = lock_version + 1, column_id = ?, kind = ?, title = ?, doc_number = ?,"
                    + " issued_on = ?, topic = ?, genre = ?, keywords = ?, validity = ?, effective_on = ?,"
                    + " repealed_on = ?, disclosure_mode = ?, source = ?, summary = ?, body_html = ?, change_note = ?,"
                    + " updated_at = ?, updated_by = ? WHERE id = ? AND lock_version = ?")
            .params(
                values(
                    Arrays.asList(columnId),
                    formValues(f, sanitizedBody),
                    Arrays.asList(Timestamps.toDb(now), actor, editionId, expectedLockVersion)))
            .update()
        == 1;
  }

  /**
   * The form's values in the order of the edition's columns from kind to change_note, as the insert
   * and the update both write them; null where the form leaves a field empty.
   */
  private static List<Object> formValues(DocumentForm f, String sanitizedBody) {
    return Arrays.asList(
        f.getKind().name(),
        f.getTitle().trim(),
        trim(f.getDocNumber()),
        f.getIssuedOn(),
        trim(f.getTopic()),
        trim(f.getGenre()),
        trim(f.getKeywords()),
        f.getValidity().name(),
        f.getEffectiveOn(),
        f.getRepealedOn(),
        f.getDisclosureMode().name(),
        trim(f.getSource()),
        trim(f.getSummary()),
        sanitizedBody,
        trim(f.getChangeNote()));
  }

  private static List<Object> values(List<?>... parts) {
    List<Object> all = new ArrayList<>();
    for (List<?> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  /** Moves an edition from one state to another; false when it was not in the expected state. */
  boolean transition(
      long editionId, EditionState from, EditionState to, String actor, Instant now) {
    return jdbc.sql(
                "UPDATE edition SET state = ?, lock_version = lock_version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE id = ? AND state = ?")
            .params(to.name(), Timestamps.toDb(now), actor, editionId, from.name())
            .update()
        == 1;
  }

  void recordReview(long editionId, boolean checked, String comment, String reviewer, Instant now) {
    jdbc.sql(
            "UPDATE edition SET confidentiality_checked = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?"
                + " WHERE id = ?")
        .params(checked, comment, reviewer, Timestamps.toDb(now), editionId)
        .update();
  }

  void recordSchedule(long editionId, Instant at) {
    jdbc.sql("UPDATE edition SET scheduled_for = ? WHERE id = ?")
        .params(Timestamps.toDb(at), editionId)
        .update();
  }

  void recordPublication(long editionId, Instant at) {
    jdbc.sql("UPDATE edition SET published_at = ?, scheduled_for = NULL WHERE id = ?")
        .params(Timestamps.toDb(at), editionId)
        .update();
  }

  void recordSuperseded(long editionId, Instant at) {
    jdbc.sql("UPDATE edition SET superseded_at = ? WHERE id = ?")
        .params(Timestamps.toDb(at), editionId)
        .update();
  }

  void recordWithdrawal(long editionId, String reason, String actor, Instant at) {
    jdbc.sql(
            "UPDATE edition SET withdrawn_reason = ?, withdrawn_by = ?, withdrawn_at = ? WHERE id = ?")
        .params(reason, actor, Timestamps.toDb(at), editionId)
        .update();
  }

  List<Long> dueScheduled(Instant now) {
    return jdbc.sql(
            "SELECT document_id FROM edition WHERE state = 'SCHEDULED' AND scheduled_for <= ?")
        .param(Timestamps.toDb(now))
        .query(Long.class)
        .list();
  }

  List<Attachment> attachments(long editionId) {
    return jdbc.sql("SELECT * FROM attachment WHERE edition_id = ? ORDER BY position, id")
        .param(editionId)
        .query(EditionRows::attachment)
        .list();
  }

  private Map<Long, List<Attachment>> attachmentsOfDocument(long documentId) {
    record Row(long editionId, Attachment attachment) {}
    return jdbc
        .sql(
            "SELECT a.* FROM attachment a JOIN edition e ON e.id = a.edition_id WHERE e.document_id = ?"
                + " ORDER BY a.position, a.id")
        .param(documentId)
        .query((rs, i) -> new Row(rs.getLong("edition_id"), EditionRows.attachment(rs, i)))
        .list()
        .stream()
        .collect(
            Collectors.groupingBy(
                Row::editionId, Collectors.mapping(Row::attachment, Collectors.toList())));
  }

  long insertAttachment(
      long editionId, String fileName, String mediaType, long size, String sha256) {
    int position =
        jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM attachment WHERE edition_id = ?")
            .param(editionId)
            .query(Integer.class)
            .single();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO attachment (edition_id, position, file_name, media_type, size_bytes, sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(editionId, position, fileName, mediaType, size, sha256)
        .update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }

  int deleteAttachment(long editionId, long attachmentId) {
    return jdbc.sql("DELETE FROM attachment WHERE id = ? AND edition_id = ?")
        .params(attachmentId, editionId)
        .update();
  }

  void copyAttachments(long fromEditionId, long toEditionId) {
    jdbc.sql(
            "INSERT INTO attachment (edition_id, position, file_name, media_type, size_bytes, sha256)"
                + " SELECT ?, position, file_name, media_type, size_bytes, sha256 FROM attachment WHERE edition_id = ?")
        .params(toEditionId, fromEditionId)
        .update();
  }

  List<Long> interpretationOf(long documentId) {
    return jdbc.sql(
            "SELECT policy_document_id FROM interpretation_link WHERE interpretation_document_id = ?"
                + " ORDER BY policy_document_id")
        .param(documentId)
        .query(Long.class)
        .list();
  }

  void replaceInterpretationLinks(long interpretationId, List<Long> policyIds) {
    jdbc.sql("DELETE FROM interpretation_link WHERE interpretation_document_id = ?")
        .param(interpretationId)
        .update();
    for (Long policy : new ArrayList<>(new LinkedHashSet<>(policyIds))) {
      jdbc.sql(
              "INSERT INTO interpretation_link (policy_document_id, interpretation_document_id) VALUES (?, ?)")
          .params(policy, interpretationId)
          .update();
    }
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
