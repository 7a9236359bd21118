package org.gongkai.screening.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.screening.Ground;
import org.gongkai.screening.RedactionWorks.Work;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of {@code redaction_work}. */
@Repository
class RedactionWorkRepository {

  private static final String COLUMNS =
      "id, agency_id, reference, file_name, content_type, created_by, created_at,"
          + " redacted_sha256, redacted_size, grounds, box_count, findings, redacted_by, redacted_at";

  private final JdbcClient jdbc;

  RedactionWorkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long agencyId,
      String reference,
      String fileName,
      String contentType,
      String originalSha256,
      String actor,
      Instant at) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO redaction_work (agency_id, reference, file_name, content_type,"
                + " original_sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            agencyId, reference, fileName, contentType, originalSha256, actor, Timestamps.toDb(at))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void recordRedaction(
      long id,
      String sha256,
      long size,
      String boxesJson,
      int boxCount,
      Collection<Ground> grounds,
      int findings,
      String actor,
      Instant at) {
    jdbc.sql(
            "UPDATE redaction_work SET redacted_sha256 = ?, redacted_size = ?, boxes = ?,"
                + " box_count = ?, grounds = ?, findings = ?, redacted_by = ?, redacted_at = ?"
                + " WHERE id = ?")
        .params(
            sha256,
            size,
            boxesJson,
            boxCount,
            grounds.stream().map(Ground::name).sorted().distinct().collect(Collectors.joining(",")),
            findings,
            actor,
            Timestamps.toDb(at),
            id)
        .update();
  }

  Optional<Work> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM redaction_work WHERE id = ?")
        .param(id)
        .query(RedactionWorkRepository::work)
        .optional();
  }

  List<Work> forReference(String reference) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM redaction_work WHERE reference = ? ORDER BY id")
        .param(reference)
        .query(RedactionWorkRepository::work)
        .list();
  }

  List<Work> recent(Collection<Long> agencies, int limit) {
    if (agencies.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM redaction_work WHERE agency_id IN (:agencies)"
                + " ORDER BY created_at DESC, id DESC LIMIT :limit")
        .param("agencies", agencies)
        .param("limit", limit)
        .query(RedactionWorkRepository::work)
        .list();
  }

  Optional<String> originalSha256(long id) {
    return jdbc.sql("SELECT original_sha256 FROM redaction_work WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> redactedSha256(long id) {
    return jdbc.sql("SELECT redacted_sha256 FROM redaction_work WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> boxes(long id) {
    return jdbc.sql("SELECT boxes FROM redaction_work WHERE id = ? AND boxes IS NOT NULL")
        .param(id)
        .query(String.class)
        .optional();
  }

  boolean references(String sha256) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM redaction_work WHERE original_sha256 = ?"
                    + " OR redacted_sha256 = ?")
            .params(sha256, sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Work work(ResultSet rs, int row) throws SQLException {
    String grounds = rs.getString("grounds");
    String redacted = rs.getString("redacted_sha256");
    OffsetDateTime redactedAt = rs.getObject("redacted_at", OffsetDateTime.class);
    return new Work(
        rs.getLong("id"),
        rs.getLong("agency_id"),
        rs.getString("reference"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getString("created_by"),
        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
        redacted != null,
        rs.getLong("redacted_size"),
        grounds == null || grounds.isBlank()
            ? List.of()
            : Arrays.stream(grounds.split(",")).map(Ground::valueOf).toList(),
        rs.getInt("box_count"),
        rs.getInt("findings"),
        rs.getString("redacted_by"),
        redactedAt == null ? null : Timestamps.fromDb(redactedAt));
  }
}
