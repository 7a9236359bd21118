package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
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

  @Override
  public ConsultationYear year(Collection<Long> agencyIds, int year) {
    if (agencyIds.isEmpty()) {
      return new ConsultationYear(0, 0, 0);
    }
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = LocalDate.of(year, 12, 31);
    var from = Timestamps.toDb(first.atStartOfDay(clock.getZone()).toInstant());
    var until = Timestamps.toDb(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    String calls =
        " FROM consultation c WHERE c.agency_id IN (:agencies) AND c.published = TRUE"
            + " AND c.kind = 'CALL_FOR_COMMENTS'";
    int periods =
        jdbc.sql("SELECT COUNT(*)" + calls + " AND c.opens_on BETWEEN :first AND :last")
            .param("agencies", agencyIds)
            .param("first", first)
            .param("last", last)
            .query(Integer.class)
            .single();
    int opinions =
        jdbc.sql(
                "SELECT COUNT(*) FROM consultation_comment m JOIN consultation c"
                    + " ON c.id = m.consultation_id WHERE c.agency_id IN (:agencies)"
                    + " AND c.published = TRUE AND c.kind = 'CALL_FOR_COMMENTS'"
                    + " AND m.submitted_at >= :from AND m.submitted_at < :until")
            .param("agencies", agencyIds)
            .param("from", from)
            .param("until", until)
            .query(Integer.class)
            .single();
    int results =
        jdbc.sql(
                "SELECT COUNT(*)"
                    + calls
                    + " AND c.feedback_at >= :from AND c.feedback_at < :until")
            .param("agencies", agencyIds)
            .param("from", from)
            .param("until", until)
            .query(Integer.class)
            .single();
    return new ConsultationYear(periods, opinions, results);
  }
}
