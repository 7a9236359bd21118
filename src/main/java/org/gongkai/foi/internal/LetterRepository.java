package org.gongkai.foi.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Letters as sent, and each agency's own wording for them. */
@Repository
class LetterRepository {

  private final JdbcClient jdbc;

  LetterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A letter as it went out: its text is never changed afterwards. */
  record StoredLetter(
      long id,
      long requestId,
      LetterKind kind,
      Outcome outcome,
      String recipient,
      String body,
      LocalDate issuedOn,
      String createdBy,
      Instant createdAt) {}

  long insert(
      long requestId,
      LetterKind kind,
      Outcome outcome,
      String recipient,
      String body,
      LocalDate issuedOn,
      String actor,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO foi_letter (request_id, kind, outcome, recipient, body, issued_on, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            requestId,
            kind.name(),
            outcome == null ? null : outcome.name(),
            recipient,
            body,
            issuedOn,
            actor,
            Timestamps.toDb(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<StoredLetter> find(long requestId, long letterId) {
    return jdbc.sql("SELECT * FROM foi_letter WHERE request_id = ? AND id = ?")
        .params(requestId, letterId)
        .query(LetterRepository::row)
        .optional();
  }

  List<StoredLetter> of(long requestId) {
    return jdbc.sql("SELECT * FROM foi_letter WHERE request_id = ? ORDER BY id")
        .param(requestId)
        .query(LetterRepository::row)
        .list();
  }

  /**
   * The agency's own templates by key: an outcome's name for replies, a letter kind's name for the
   * others.
   */
  Map<String, String> templates(long agencyId) {
    return jdbc
        .sql("SELECT outcome, body FROM foi_letter_template WHERE agency_id = ?")
        .param(agencyId)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  void saveTemplate(long agencyId, String key, String body, String actor, Instant now) {
    jdbc.sql("DELETE FROM foi_letter_template WHERE agency_id = ? AND outcome = ?")
        .params(agencyId, key)
        .update();
    if (body != null) {
      jdbc.sql(
              "INSERT INTO foi_letter_template (agency_id, outcome, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
          .params(agencyId, key, body, actor, Timestamps.toDb(now))
          .update();
    }
  }

  private static StoredLetter row(ResultSet rs, int i) throws SQLException {
    return new StoredLetter(
        rs.getLong("id"),
        rs.getLong("request_id"),
        LetterKind.valueOf(rs.getString("kind")),
        rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
        rs.getString("recipient"),
        rs.getString("body"),
        rs.getObject("issued_on", LocalDate.class),
        rs.getString("created_by"),
        Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)));
  }
}
