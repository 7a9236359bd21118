package org.gongkai.interaction.internal;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.interaction.InterviewFigures;
import org.gongkai.interaction.InterviewKind;
import org.gongkai.interaction.LeaderRole;
import org.gongkai.interaction.internal.Interviews.FollowUp;
import org.gongkai.interaction.internal.Interviews.FollowUpStatus;
import org.gongkai.interaction.internal.Interviews.Interview;
import org.gongkai.interaction.internal.Interviews.Leader;
import org.gongkai.interaction.internal.Interviews.Participation;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side of interviews, kept apart from {@link Interviews} because it changes nothing and so
 * needs no access check, audit or events; the assessment module reads the participation figures
 * through {@link InterviewFigures} without a staff member behind the call.
 */
@Service
class InterviewQueries implements InterviewFigures {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;

  InterviewQueries(JdbcClient jdbc, AgencyDirectory agencies) {
    this.jdbc = jdbc;
    this.agencies = agencies;
  }

  List<Leader> leaders(long agencyId) {
    return jdbc.sql("SELECT * FROM agency_leader WHERE agency_id = ? ORDER BY role DESC, id")
        .param(agencyId)
        .query(
            (rs, i) ->
                new Leader(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("title"),
                    LeaderRole.valueOf(rs.getString("role")),
                    rs.getBoolean("active")))
        .list();
  }

  Interview published(long id) {
    Interview interview = load(id);
    if (!interview.published()) {
      throw Refusal.notFound("interview.not-found");
    }
    return interview;
  }

  List<Interview> list(Long agencyId, boolean publishedOnly) {
    return jdbc
        .sql(
            "SELECT id FROM interview WHERE (:published = FALSE OR published = TRUE)"
                + " AND (:agency IS NULL OR agency_id = :agency) ORDER BY held_on DESC, id DESC FETCH FIRST 200 ROWS ONLY")
        .param("published", publishedOnly)
        .param("agency", agencyId, Types.BIGINT)
        .query(Long.class)
        .list()
        .stream()
        .map(this::load)
        .toList();
  }

  Participation participation(long agencyId, int year) {
    List<Leader> active = leaders(agencyId).stream().filter(Leader::active).toList();
    List<Interviews.LeaderSessions> sessions = new ArrayList<>();
    for (Leader leader : active) {
      int n =
          jdbc.sql(
                  "SELECT COUNT(*) FROM interview_leader l JOIN interview i ON i.id = l.interview_id"
                      + " WHERE l.leader_id = ? AND i.held_on BETWEEN ? AND ?")
              .params(leader.id(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
              .query(Integer.class)
              .single();
      sessions.add(new Interviews.LeaderSessions(leader, n));
    }
    long tookPart = sessions.stream().filter(s -> s.sessions() > 0).count();
    double rate = active.isEmpty() ? 0 : Math.round(1000.0 * tookPart / active.size()) / 10.0;
    boolean head =
        sessions.stream().anyMatch(s -> s.leader().role() == LeaderRole.HEAD && s.sessions() > 0);
    return new Participation(year, sessions, rate, head);
  }

  @Override
  public List<InterviewFigures.LeaderSessions> leaderSessions(long agencyId, int year) {
    return participation(agencyId, year).leaders().stream()
        .map(
            s ->
                new InterviewFigures.LeaderSessions(
                    s.leader().name(),
                    s.leader().title(),
                    s.leader().role() == LeaderRole.HEAD,
                    s.sessions()))
        .toList();
  }

  @Override
  public InterviewFigures.InterviewYear year(Collection<Long> agencyIds, int year) {
    if (agencyIds.isEmpty()) {
      return new InterviewFigures.InterviewYear(0, 0, 0);
    }
    return jdbc.sql(
            "SELECT COUNT(*), COALESCE(SUM(questions_received), 0),"
                + " COALESCE(SUM(questions_answered), 0) FROM interview"
                + " WHERE agency_id IN (:agencies) AND held_on BETWEEN :first AND :last")
        .param("agencies", agencyIds)
        .param("first", LocalDate.of(year, 1, 1))
        .param("last", LocalDate.of(year, 12, 31))
        .query(
            (rs, i) -> new InterviewFigures.InterviewYear(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .single();
  }

  Interview load(long id) {
    var row =
        jdbc.sql("SELECT * FROM interview WHERE id = ?")
            .param(id)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getLong("agency_id"),
                      InterviewKind.valueOf(rs.getString("kind")),
                      rs.getObject("held_on", LocalDate.class),
                      rs.getString("channel"),
                      rs.getString("topic"),
                      rs.getInt("questions_received"),
                      rs.getInt("questions_answered"),
                      rs.getString("transcript"),
                      rs.getBoolean("published")
                    })
            .optional()
            .orElseThrow(() -> Refusal.notFound("interview.not-found"));
    Agency agency = agencies.get((Long) row[0]);
    List<Leader> leaders =
        jdbc.sql(
                "SELECT a.* FROM agency_leader a JOIN interview_leader l ON l.leader_id = a.id"
                    + " WHERE l.interview_id = ? ORDER BY a.role DESC, a.id")
            .param(id)
            .query(
                (rs, i) ->
                    new Leader(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("title"),
                        LeaderRole.valueOf(rs.getString("role")),
                        rs.getBoolean("active")))
            .list();
    List<FollowUp> followUps =
        jdbc.sql("SELECT * FROM interview_follow_up WHERE interview_id = ? ORDER BY due_on, id")
            .param(id)
            .query(
                (rs, i) ->
                    new FollowUp(
                        rs.getLong("id"),
                        rs.getString("action"),
                        rs.getString("owner"),
                        rs.getObject("due_on", LocalDate.class),
                        FollowUpStatus.valueOf(rs.getString("status"))))
            .list();
    return new Interview(
        id,
        agency.code(),
        agency.name(),
        (InterviewKind) row[1],
        (LocalDate) row[2],
        (String) row[3],
        (String) row[4],
        leaders,
        (Integer) row[5],
        (Integer) row[6],
        (String) row[7],
        (Boolean) row[8],
        followUps);
  }
}
