package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.interaction.InterviewChanged;
import org.gongkai.interaction.InterviewKind;
import org.gongkai.interaction.InterviewPublished;
import org.gongkai.interaction.LeaderAdded;
import org.gongkai.interaction.LeaderRole;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Online interviews and hotline sessions: who of the agency's leaders took part, the questions
 * received and answered, the follow-up actions with owner, due date and status. Every change is
 * checked against the actor's agency and audited here; reading and the year's participation rate
 * live in {@link InterviewQueries}, which needs neither.
 */
@Service
class Interviews {

  enum FollowUpStatus {
    OPEN,
    DONE
  }

  private final JdbcClient jdbc;
  private final InterviewQueries queries;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Interviews(
      JdbcClient jdbc,
      InterviewQueries queries,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Leader(long id, String name, String title, LeaderRole role, boolean active) {}

  record FollowUp(long id, String action, String owner, LocalDate dueOn, FollowUpStatus status) {}

  record Interview(
      long id,
      String agency,
      String agencyName,
      InterviewKind kind,
      LocalDate heldOn,
      String channel,
      String topic,
      List<Leader> leaders,
      int questionsReceived,
      int questionsAnswered,
      String transcript,
      boolean published,
      List<FollowUp> followUps) {}

  record Form(
      String agency,
      InterviewKind kind,
      LocalDate heldOn,
      String channel,
      String topic,
      List<Long> leaders,
      Integer questionsReceived,
      Integer questionsAnswered,
      String transcript) {}

  /**
   * A leader's sessions in the year; the rate is the share of active leaders who took part at least
   * once.
   */
  record Participation(int year, List<LeaderSessions> leaders, double rate, boolean headTookPart) {}

  record LeaderSessions(Leader leader, int sessions) {}

  long addLeader(String agencyCode, String name, String title, LeaderRole role, Staff actor) {
    Agency agency = agency(agencyCode);
    access.requireAgency(actor, agency.id());
    if (name == null
        || name.isBlank()
        || name.length() > 50
        || title == null
        || title.isBlank()
        || role == null) {
      throw Refusal.invalidField("name", "interview.leader.required");
    }
    return transactions.execute(
        tx -> {
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          jdbc.sql("INSERT INTO agency_leader (agency_id, name, title, role) VALUES (?, ?, ?, ?)")
              .params(agency.id(), name.strip(), title.strip(), role.name())
              .update(keys, "id");
          long id = keys.getKey().longValue();
          events.publishEvent(new LeaderAdded(id, agency.id()));
          audit.record(
              actor.username(), "interview.leader.added", "agency", agency.id(), name.strip());
          return id;
        });
  }

  List<Leader> leaders(long agencyId) {
    return queries.leaders(agencyId);
  }

  long record(Form form, Staff actor) {
    Agency agency = agency(form.agency());
    access.requireAgency(actor, agency.id());
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.kind() == null) {
      problems.add(new Refusal.FieldProblem("kind", "interview.kind.required"));
    }
    if (form.heldOn() == null) {
      problems.add(new Refusal.FieldProblem("heldOn", "interview.held-on.required"));
    }
    if (form.channel() == null || form.channel().isBlank() || form.channel().length() > 100) {
      problems.add(new Refusal.FieldProblem("channel", "interview.channel.required"));
    }
    if (form.topic() == null || form.topic().isBlank() || form.topic().length() > 300) {
      problems.add(new Refusal.FieldProblem("topic", "interview.topic.required"));
    }
    int received = form.questionsReceived() == null ? 0 : form.questionsReceived();
    int answered = form.questionsAnswered() == null ? 0 : form.questionsAnswered();
    if (received < 0 || answered < 0 || answered > received) {
      problems.add(new Refusal.FieldProblem("questionsAnswered", "interview.questions.invalid"));
    }
    List<Long> leaderIds = form.leaders() == null ? List.of() : form.leaders();
    Set<Long> own = leaders(agency.id()).stream().map(Leader::id).collect(Collectors.toSet());
    if (leaderIds.isEmpty() || !own.containsAll(leaderIds)) {
      problems.add(new Refusal.FieldProblem("leaders", "interview.leaders.required"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return transactions.execute(
        tx -> {
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          jdbc.sql(
                  "INSERT INTO interview (agency_id, kind, held_on, channel, topic, questions_received, questions_answered,"
                      + " transcript, published, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
              .params(
                  agency.id(),
                  form.kind().name(),
                  form.heldOn(),
                  form.channel().strip(),
                  form.topic().strip(),
                  received,
                  answered,
                  form.transcript() == null ? null : form.transcript().strip(),
                  false,
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long id = keys.getKey().longValue();
          for (Long leader : new LinkedHashSet<>(leaderIds)) {
            jdbc.sql("INSERT INTO interview_leader (interview_id, leader_id) VALUES (?, ?)")
                .params(id, leader)
                .update();
          }
          events.publishEvent(new InterviewChanged(id));
          audit.record(actor.username(), "interview.recorded", "interview", id, form.topic());
          return id;
        });
  }

  /** Makes the record public: a reviewer who did not write it (four eyes). */
  void publish(long id, Staff actor) {
    transactions.executeWithoutResult(
        tx -> {
          var row =
              jdbc.sql(
                      "SELECT agency_id, created_by, published FROM interview WHERE id = ? FOR UPDATE")
                  .param(id)
                  .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3)})
                  .optional()
                  .orElseThrow(() -> Refusal.notFound("interview.not-found"));
          long agencyId = (Long) row[0];
          access.requireReviewer(actor, agencyId);
          if ((Boolean) row[2]) {
            throw Refusal.conflict("interview.already-published");
          }
          boolean waived = access.requireSecondPerson(actor, agencyId, List.of((String) row[1]));
          jdbc.sql("UPDATE interview SET published = TRUE WHERE id = ?").param(id).update();
          events.publishEvent(new InterviewPublished(id));
          audit.record(
              actor.username(),
              "interview.published",
              "interview",
              id,
              waived ? StaffAccess.FOUR_EYES_WAIVED : null);
        });
  }

  long addFollowUp(long interviewId, String action, String owner, LocalDate dueOn, Staff actor) {
    Interview interview = get(interviewId, actor);
    if (action == null || action.isBlank() || owner == null || owner.isBlank() || dueOn == null) {
      throw Refusal.invalidField("action", "interview.follow-up.required");
    }
    return transactions.execute(
        tx -> {
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          jdbc.sql(
                  "INSERT INTO interview_follow_up (interview_id, action, owner, due_on, status, updated_by, updated_at)"
                      + " VALUES (?, ?, ?, ?, 'OPEN', ?, ?)")
              .params(
                  interview.id(),
                  action.strip(),
                  owner.strip(),
                  dueOn,
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long id = keys.getKey().longValue();
          events.publishEvent(new InterviewChanged(interviewId));
          audit.record(
              actor.username(),
              "interview.follow-up.added",
              "interview",
              interviewId,
              action.strip());
          return id;
        });
  }

  void setFollowUpStatus(long interviewId, long followUpId, FollowUpStatus status, Staff actor) {
    get(interviewId, actor);
    if (status == null) {
      throw Refusal.invalidField("status", "interview.follow-up.status");
    }
    transactions.executeWithoutResult(
        tx -> {
          int changed =
              jdbc.sql(
                      "UPDATE interview_follow_up SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?"
                          + " AND interview_id = ?")
                  .params(
                      status.name(),
                      actor.username(),
                      Timestamps.toDb(Instant.now(clock)),
                      followUpId,
                      interviewId)
                  .update();
          if (changed == 0) {
            throw Refusal.notFound("interview.not-found");
          }
          events.publishEvent(new InterviewChanged(interviewId));
          audit.record(
              actor.username(),
              "interview.follow-up." + status.name().toLowerCase(),
              "interview",
              interviewId,
              String.valueOf(followUpId));
        });
  }

  Interview get(long id, Staff actor) {
    Interview interview = queries.load(id);
    access.requireAgency(actor, agency(interview.agency()).id());
    return interview;
  }

  Interview published(long id) {
    return queries.published(id);
  }

  List<Interview> list(Long agencyId, boolean publishedOnly) {
    return queries.list(agencyId, publishedOnly);
  }

  Participation participation(long agencyId, int year) {
    return queries.participation(agencyId, year);
  }

  private Agency agency(String code) {
    return agencies
        .findByCode(code == null ? "" : code.trim())
        .orElseThrow(() -> Refusal.invalidField("agency", "mailbox.agency.unknown"));
  }
}
