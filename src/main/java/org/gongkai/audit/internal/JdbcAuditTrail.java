package org.gongkai.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.audit.AuditChainHead;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes in the caller's transaction, so a change and its audit record commit or fail together. */
@Service
class JdbcAuditTrail implements AuditTrail {

  private static final RowMapper<AuditEntry> ROW =
      (rs, i) ->
          new AuditEntry(
              rs.getLong("id"),
              Timestamps.fromDb(rs.getObject("occurred_at", OffsetDateTime.class)),
              rs.getString("actor"),
              rs.getString("action"),
              rs.getString("subject_type"),
              rs.getString("subject_id"),
              rs.getString("detail"),
              rs.getString("address"));

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcAuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String actor, String action, String subjectType, Object subjectId, String detail) {
    String trimmed = detail != null && detail.length() > 4000 ? detail.substring(0, 4000) : detail;
    jdbc.sql(
            "INSERT INTO audit_record (occurred_at, actor, action, subject_type, subject_id, detail, address)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            Timestamps.toDb(Instant.now(clock)),
            clip(actor),
            action,
            subjectType,
            clip(String.valueOf(subjectId)),
            trimmed,
            RequestAddress.current())
        .update();
  }

  /**
   * Names typed at the login form are recorded too; the columns hold what an account's name can be.
   */
  private static String clip(String value) {
    return value != null && value.length() > 60 ? value.substring(0, 60) : value;
  }

  @Override
  public List<AuditEntry> forSubject(String subjectType, Object subjectId) {
    return jdbc.sql(
            "SELECT * FROM audit_record WHERE subject_type = ? AND subject_id = ? ORDER BY id")
        .params(subjectType, String.valueOf(subjectId))
        .query(ROW)
        .list();
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return jdbc.sql(
            "SELECT * FROM audit_record ORDER BY id DESC FETCH FIRST "
                + Math.max(1, limit)
                + " ROWS ONLY")
        .query(ROW)
        .list();
  }

  @Override
  public AuditChainHead chainHead() {
    return jdbc.sql("SELECT sealed, head FROM audit_chain WHERE id = 1")
        .query((rs, i) -> new AuditChainHead(rs.getLong("sealed"), rs.getString("head")))
        .single();
  }
}
