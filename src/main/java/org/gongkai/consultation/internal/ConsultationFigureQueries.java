package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.consultation.ConsultationFigures;
import org.gongkai.shared.time.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsultationFigureQueries implements ConsultationFigures {

  private final JdbcClient jdbc;
  private final Clock clock;

  ConsultationFigureQueries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public List<ClosedCall> closedCalls(long agencyId, LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT id, title, closes_on, feedback_at FROM consultation WHERE agency_id = ? AND published = TRUE"
                + " AND kind = 'CALL_FOR_COMMENTS' AND closes_on BETWEEN ? AND ? ORDER BY closes_on, id")
        .params(agencyId, first, last)
        .query(
            (rs, i) -> {
              var at = Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class));
              return new ClosedCall(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getObject(3, LocalDate.class),
                  at == null ? null : LocalDate.ofInstant(at, clock.getZone()));
            })
        .list();
  }
}
