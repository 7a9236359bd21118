package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Questions, complaints and suggestions: stored before they are acknowledged, due in working days
 * by type, routed to the responsible unit or transferred to the responsible agency with a reason,
 * replied to, rated by the sender, and with consent published as public Q&A. A message that is
 * really an information request is redirected to the request form.
 */
@Service
class Mailbox implements org.gongkai.interaction.MailboxFigures {

  long idOf(String trackingCode) {
    return byCode(trackingCode).map(Row::id).orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
  }

  enum Type { QUESTION, COMPLAINT, SUGGESTION }

  enum State { RECEIVED, REPLIED, REDIRECTED }

  static final int DUE_SOON_DAYS = 5;
  static final int VETO_MONTHS = 3;

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final WorkingCalendar calendar;
  private final TrackingCodes codes;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Map<Type, Integer> replyDays = new EnumMap<>(Type.class);

  Mailbox(JdbcClient jdbc, AgencyDirectory agencies, StaffAccess access, AuditTrail audit, WorkingCalendar calendar,
      TrackingCodes codes, TransactionTemplate transactions, Clock clock,
      @Value("${gongkai.mailbox.reply-days.question:5}") int question,
      @Value("${gongkai.mailbox.reply-days.complaint:15}") int complaint,
      @Value("${gongkai.mailbox.reply-days.suggestion:15}") int suggestion) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.calendar = calendar;
    this.codes = codes;
    this.transactions = transactions;
    this.clock = clock;
    replyDays.put(Type.QUESTION, question);
    replyDays.put(Type.COMPLAINT, complaint);
    replyDays.put(Type.SUGGESTION, suggestion);
  }

  record Form(String agency, Type type, Boolean toHead, String title, String content, String name, String phone,
      String email, Boolean publicConsent) {}

  record Ack(String trackingCode, String secret) {}

  record PublicStatus(String trackingCode, String agencyName, Type type, State state, LocalDate receivedOn,
      LocalDate dueOn, String reply, LocalDate repliedOn, Integer rating, boolean published) {}

  record Message(long id, String trackingCode, String agency, String agencyName, Type type, boolean toHead, String title,
      String content, String name, String phone, String email, boolean publicConsent, State state, String unit,
      LocalDate receivedOn, LocalDate dueOn, Integer workingDaysLeft, String reply, LocalDate repliedOn, Integer rating,
      String ratingComment, boolean published, List<Event> history) {}

  record Event(String kind, String detail, String actor, Instant at) {}

  record QA(long id, String agencyName, Type type, String title, String content, String reply, LocalDate repliedOn) {}

  record Oldest(String agency, String agencyName, String trackingCode, LocalDate receivedOn, boolean veto) {}

  Ack submit(Form form) {
    Agency agency = agencies.findByCode(form.agency() == null ? "" : form.agency().trim())
        .orElseThrow(() -> Refusal.invalidField("agency", "mailbox.agency.unknown"));
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.type() == null) {
      problems.add(new Refusal.FieldProblem("type", "mailbox.type.required"));
    }
    if (form.title() == null || form.title().isBlank() || form.title().length() > 200) {
      problems.add(new Refusal.FieldProblem("title", "mailbox.title.required"));
    }
    if (form.content() == null || form.content().isBlank() || form.content().length() > 5000) {
      problems.add(new Refusal.FieldProblem("content", "mailbox.content.required"));
    }
    boolean phone = form.phone() != null && !form.phone().isBlank();
    boolean email = form.email() != null && !form.email().isBlank();
    if (!phone && !email) {
      problems.add(new Refusal.FieldProblem("phone", "mailbox.contact.required"));
    }
    if (phone && !form.phone().trim().matches("[0-9+()\\- ]{5,40}")) {
      problems.add(new Refusal.FieldProblem("phone", "foi.phone.invalid"));
    }
    if (email && !form.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new Refusal.FieldProblem("email", "foi.email.invalid"));
    }
    if (form.name() != null && form.name().length() > 100) {
      problems.add(new Refusal.FieldProblem("name", "field.too-long"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate due = calendar.current().addWorkingDays(today, replyDays.get(form.type()));
    for (int attempt = 0; ; attempt++) {
      String code = codes.newCode("M");
      try {
        transactions.executeWithoutResult(tx -> {
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          jdbc.sql("INSERT INTO mailbox_message (agency_id, tracking_code, type, to_head, title, content, author_name, phone,"
                  + " email, public_consent, state, received_on, due_on, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                  + " 'RECEIVED', ?, ?, ?)")
              .params(agency.id(), code, form.type().name(), Boolean.TRUE.equals(form.toHead()), form.title().strip(),
                  form.content().strip(), blank(form.name()), blank(form.phone()), blank(form.email()),
                  Boolean.TRUE.equals(form.publicConsent()), today, due, Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long id = keys.getKey().longValue();
          event(id, "SUBMITTED", form.type().name(), "public");
          audit.record("public", "mailbox.submitted", "mailbox-message", id, code);
        });
        return new Ack(code, codes.secretFor(code));
      } catch (DuplicateKeyException clash) {
        if (attempt >= 5) {
          throw clash;
        }
      }
    }
  }

  PublicStatus status(String trackingCode, String secret) {
    Row r = byCode(trackingCode).filter(x -> codes.matches(x.trackingCode, secret))
        .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    return new PublicStatus(r.trackingCode, agencies.get(r.agencyId).name(), r.type, r.state, r.receivedOn,
        r.state == State.RECEIVED ? r.dueOn : null, r.reply, r.repliedOn, r.rating, r.published);
  }

  void rate(String trackingCode, String secret, Integer rating, String comment) {
    Row r = byCode(trackingCode).filter(x -> codes.matches(x.trackingCode, secret))
        .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    if (r.state != State.REPLIED) {
      throw Refusal.conflict("mailbox.rate.not-replied");
    }
    if (r.rating != null) {
      throw Refusal.conflict("mailbox.rate.once");
    }
    if (rating == null || rating < 1 || rating > 5) {
      throw Refusal.invalidField("rating", "mailbox.rate.range");
    }
    transactions.executeWithoutResult(tx -> {
      jdbc.sql("UPDATE mailbox_message SET rating = ?, rating_comment = ? WHERE id = ?")
          .params(rating, blank(comment) == null ? null : comment.strip().substring(0, Math.min(500, comment.strip().length())), r.id)
          .update();
      event(r.id, "RATED", String.valueOf(rating), "public");
      audit.record("public", "mailbox.rated", "mailbox-message", r.id, String.valueOf(rating));
    });
  }

  List<QA> qa(String agencyCode) {
    Map<String, Object> params = new HashMap<>();
    String where = " WHERE published = TRUE";
    if (agencyCode != null && !agencyCode.isBlank()) {
      Agency a = agencies.findByCode(agencyCode.trim()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
      where += " AND agency_id = :agency";
      params.put("agency", a.id());
    }
    return jdbc.sql("SELECT * FROM mailbox_message" + where + " ORDER BY replied_on DESC, id DESC FETCH FIRST 200 ROWS ONLY")
        .params(params).query(Mailbox::row).list().stream()
        .map(r -> new QA(r.id, agencies.get(r.agencyId).name(), r.type, r.title, r.content, r.reply, r.repliedOn))
        .toList();
  }

  // ---- staff ----

  List<Message> list(String due, Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder(" WHERE agency_id IN (:scope)");
    Map<String, Object> params = new HashMap<>();
    params.put("scope", scope);
    LocalDate today = LocalDate.now(clock);
    switch (due == null ? "open" : due) {
      case "open" -> where.append(" AND state = 'RECEIVED'");
      case "soon" -> {
        where.append(" AND state = 'RECEIVED' AND due_on >= :today AND due_on <= :soon");
        params.put("today", today);
        params.put("soon", calendar.current().addWorkingDays(today, DUE_SOON_DAYS));
      }
      case "overdue" -> {
        where.append(" AND state = 'RECEIVED' AND due_on < :today");
        params.put("today", today);
      }
      default -> { }
    }
    return jdbc.sql("SELECT * FROM mailbox_message" + where + " ORDER BY due_on, id FETCH FIRST 500 ROWS ONLY")
        .params(params).query(Mailbox::row).list().stream().map(r -> view(r, false)).toList();
  }

  Message get(long id, Staff actor) {
    Row r = find(id);
    access.requireAgency(actor, r.agencyId);
    return view(r, true);
  }

  void route(long id, String unit, Staff actor) {
    change(id, actor, r -> {
      requireOpen(r);
      if (unit == null || unit.isBlank() || unit.length() > 200) {
        throw Refusal.invalidField("unit", "mailbox.unit.required");
      }
      jdbc.sql("UPDATE mailbox_message SET unit = ? WHERE id = ?").params(unit.strip(), id).update();
      return new String[] {"ROUTED", unit.strip()};
    });
  }

  void transfer(long id, String agencyCode, String reason, Staff actor) {
    change(id, actor, r -> {
      requireOpen(r);
      Agency target = agencies.findByCode(agencyCode == null ? "" : agencyCode.trim())
          .orElseThrow(() -> Refusal.invalidField("agency", "mailbox.agency.unknown"));
      if (target.id() == r.agencyId) {
        throw Refusal.invalidField("agency", "mailbox.transfer.same");
      }
      if (reason == null || reason.isBlank()) {
        throw Refusal.invalidField("reason", "mailbox.transfer.reason");
      }
      jdbc.sql("UPDATE mailbox_message SET agency_id = ?, unit = NULL WHERE id = ?").params(target.id(), id).update();
      return new String[] {"TRANSFERRED", target.name() + ": " + reason.strip()};
    });
  }

  void reply(long id, String text, Staff actor) {
    change(id, actor, r -> {
      requireOpen(r);
      if (text == null || text.isBlank() || text.length() > 5000) {
        throw Refusal.invalidField("text", "mailbox.reply.required");
      }
      jdbc.sql("UPDATE mailbox_message SET state = 'REPLIED', reply = ?, replied_on = ?, replied_by = ? WHERE id = ?")
          .params(text.strip(), LocalDate.now(clock), actor.username(), id).update();
      return new String[] {"REPLIED", null};
    });
  }

  /** A message that is really an information request: the sender is pointed to the request form. */
  void redirectToRequest(long id, String note, Staff actor) {
    change(id, actor, r -> {
      requireOpen(r);
      jdbc.sql("UPDATE mailbox_message SET state = 'REDIRECTED', reply = ?, replied_on = ?, replied_by = ? WHERE id = ?")
          .params(blank(note) == null ? "" : note.strip(), LocalDate.now(clock), actor.username(), id).update();
      return new String[] {"REDIRECTED", null};
    });
  }

  void publish(long id, boolean published, Staff actor) {
    change(id, actor, r -> {
      if (published && (r.state != State.REPLIED || !r.publicConsent)) {
        throw Refusal.conflict("mailbox.publish.not-allowed");
      }
      jdbc.sql("UPDATE mailbox_message SET published = ? WHERE id = ?").params(published, id).update();
      return new String[] {published ? "PUBLISHED" : "UNPUBLISHED", null};
    });
  }

  /** For each agency in scope, its oldest unanswered message; older than three months is the index's veto. */
  List<Oldest> oldestUnanswered(Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return List.of();
    }
    LocalDate vetoBefore = LocalDate.now(clock).minusMonths(VETO_MONTHS);
    List<Oldest> result = new ArrayList<>();
    for (Long agencyId : scope) {
      jdbc.sql("SELECT tracking_code, received_on FROM mailbox_message WHERE agency_id = ? AND state = 'RECEIVED'"
              + " ORDER BY received_on, id FETCH FIRST 1 ROWS ONLY").param(agencyId)
          .query((rs, i) -> {
            Agency a = agencies.get(agencyId);
            LocalDate on = rs.getObject(2, LocalDate.class);
            return new Oldest(a.code(), a.name(), rs.getString(1), on, on.isBefore(vetoBefore));
          }).optional().ifPresent(result::add);
    }
    result.sort(java.util.Comparator.comparing(Oldest::receivedOn));
    return result;
  }

  @Override
  public Optional<LocalDate> oldestUnanswered(long agencyId) {
    return jdbc.sql("SELECT received_on FROM mailbox_message WHERE agency_id = ? AND state = 'RECEIVED'"
            + " ORDER BY received_on FETCH FIRST 1 ROWS ONLY")
        .param(agencyId).query(LocalDate.class).optional();
  }

  /** Writes the day's due-soon and overdue reminders, once per message and day. */
  @Scheduled(cron = "${gongkai.mailbox.reminder-cron:0 5 8 * * *}", zone = "${gongkai.time-zone:Asia/Shanghai}")
  int remind() {
    LocalDate today = LocalDate.now(clock);
    LocalDate soon = calendar.current().addWorkingDays(today, DUE_SOON_DAYS);
    int written = 0;
    for (Row r : jdbc.sql("SELECT * FROM mailbox_message WHERE state = 'RECEIVED' AND due_on <= ?").param(soon)
        .query(Mailbox::row).list()) {
      String kind = r.dueOn.isBefore(today) ? "OVERDUE" : "DUE_SOON";
      try {
        transactions.executeWithoutResult(tx -> jdbc.sql("INSERT INTO mailbox_notification (agency_id, message_id, kind,"
            + " notified_on) VALUES (?, ?, ?, ?)").params(r.agencyId, r.id, kind, today).update());
        written++;
      } catch (DuplicateKeyException alreadyToday) {
        // One reminder a day is enough.
      }
    }
    return written;
  }

  record Reminder(String trackingCode, long messageId, String kind, LocalDate notifiedOn) {}

  List<Reminder> reminders(Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT m.tracking_code, m.id, n.kind, n.notified_on FROM mailbox_notification n JOIN mailbox_message m"
            + " ON m.id = n.message_id WHERE n.agency_id IN (:scope) AND m.state = 'RECEIVED' AND n.notified_on = :today"
            + " ORDER BY n.kind, m.due_on")
        .param("scope", scope).param("today", LocalDate.now(clock))
        .query((rs, i) -> new Reminder(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
        .list();
  }

  // ---- helpers ----

  private interface Step {
    String[] apply(Row r);
  }

  private void change(long id, Staff actor, Step step) {
    transactions.executeWithoutResult(tx -> {
      Row r = jdbc.sql("SELECT * FROM mailbox_message WHERE id = ? FOR UPDATE").param(id).query(Mailbox::row).optional()
          .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
      access.requireAgency(actor, r.agencyId);
      String[] kindAndDetail = step.apply(r);
      event(id, kindAndDetail[0], kindAndDetail[1], actor.username());
      audit.record(actor.username(), "mailbox." + kindAndDetail[0].toLowerCase(), "mailbox-message", id, kindAndDetail[1]);
    });
  }

  private static void requireOpen(Row r) {
    if (r.state != State.RECEIVED) {
      throw Refusal.conflict("mailbox.not-open");
    }
  }

  private void event(long id, String kind, String detail, String actor) {
    jdbc.sql("INSERT INTO mailbox_event (message_id, kind, detail, actor, recorded_at) VALUES (?, ?, ?, ?, ?)")
        .params(id, kind, detail, actor, Timestamps.toDb(Instant.now(clock))).update();
  }

  private Message view(Row r, boolean withHistory) {
    Agency a = agencies.get(r.agencyId);
    LocalDate today = LocalDate.now(clock);
    Integer left = null;
    if (r.state == State.RECEIVED) {
      var days = calendar.current();
      left = r.dueOn.isBefore(today) ? -Math.max(1, days.workingDaysBetween(r.dueOn, today))
          : days.workingDaysBetween(today, r.dueOn);
    }
    List<Event> history = withHistory ? jdbc.sql("SELECT kind, detail, actor, recorded_at FROM mailbox_event WHERE"
            + " message_id = ? ORDER BY id").param(r.id)
        .query((rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3),
            Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class)))).list() : List.of();
    // Lists show who wrote only masked; the message's own page, for the staff answering it, in full.
    String name = withHistory ? r.name : PersonalData.name(r.name);
    String phone = withHistory ? r.phone : PersonalData.phone(r.phone);
    String email = withHistory ? r.email : PersonalData.email(r.email);
    return new Message(r.id, r.trackingCode, a.code(), a.name(), r.type, r.toHead, r.title, r.content, name, phone,
        email, r.publicConsent, r.state, r.unit, r.receivedOn, r.dueOn, left, r.reply, r.repliedOn, r.rating,
        r.ratingComment, r.published, history);
  }

  private Row find(long id) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE id = ?").param(id).query(Mailbox::row).optional()
        .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
  }

  private Optional<Row> byCode(String code) {
    return jdbc.sql("SELECT * FROM mailbox_message WHERE tracking_code = ?")
        .param(code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT)).query(Mailbox::row).optional();
  }

  private record Row(long id, long agencyId, String trackingCode, Type type, boolean toHead, String title, String content,
      String name, String phone, String email, boolean publicConsent, State state, String unit, LocalDate receivedOn,
      LocalDate dueOn, String reply, LocalDate repliedOn, Integer rating, String ratingComment, boolean published) {}

  private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Row(rs.getLong("id"), rs.getLong("agency_id"), rs.getString("tracking_code"),
        Type.valueOf(rs.getString("type")), rs.getBoolean("to_head"), rs.getString("title"), rs.getString("content"),
        rs.getString("author_name"), rs.getString("phone"), rs.getString("email"), rs.getBoolean("public_consent"),
        State.valueOf(rs.getString("state")), rs.getString("unit"), rs.getObject("received_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class), rs.getString("reply"), rs.getObject("replied_on", LocalDate.class),
        (Integer) rs.getObject("rating"), rs.getString("rating_comment"), rs.getBoolean("published"));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
