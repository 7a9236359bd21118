package org.gongkai.catalog.internal;

import java.time.Instant;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reasons given for publishing an edition that holds personal data (V77). */
@Repository
class PersonalDataClearances {

  record Clearance(String reason, String reasonBy, String justification, String justifiedBy) {

    boolean justified() {
      return justification != null;
    }
  }

  private final JdbcClient jdbc;

  PersonalDataClearances(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Clearance> of(long editionId) {
    return jdbc.sql(
            "SELECT reason, reason_by, justification, justified_by FROM personal_data_clearance"
                + " WHERE edition_id = ?")
        .param(editionId)
        .query(
            (rs, n) ->
                new Clearance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** The editor's reason on submitting: a reason given before replaces the earlier one. */
  void recordReason(long editionId, String reason, String by) {
    if (jdbc.sql(
                "UPDATE personal_data_clearance SET reason = ?, reason_by = ?, justification = NULL,"
                    + " justified_by = NULL, justified_at = NULL WHERE edition_id = ?")
            .params(reason, by, editionId)
            .update()
        == 0) {
      jdbc.sql(
              "INSERT INTO personal_data_clearance (edition_id, reason, reason_by) VALUES (?, ?, ?)")
          .params(editionId, reason, by)
          .update();
    }
  }

  void recordJustification(long editionId, String justification, String by, Instant at) {
    if (jdbc.sql(
                "UPDATE personal_data_clearance SET justification = ?, justified_by = ?,"
                    + " justified_at = ? WHERE edition_id = ?")
            .params(justification, by, Timestamps.toDb(at), editionId)
            .update()
        == 0) {
      jdbc.sql(
              "INSERT INTO personal_data_clearance (edition_id, justification, justified_by,"
                  + " justified_at) VALUES (?, ?, ?, ?)")
          .params(editionId, justification, by, Timestamps.toDb(at))
          .update();
    }
  }
}
