package org.gongkai.foi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.time.Timestamps;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run: closes requests whose supplement or fee deadline lapsed, and reminds each assignee
 * of requests due within five working days or overdue, in the console always and by email where
 * mail is configured. A reminder is written once per request and day, so a second node or a second
 * run the same day adds nothing.
 */
@Component
class FoiReminders {

  private final RequestDays service;
  private final RequestLedger ledger;
  private final RequestRepository requests;
  private final Accounts accounts;
  private final WorkingCalendar calendar;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ObjectProvider<JavaMailSender> mail;
  private final MessageSource messages;
  private final Clock clock;

  FoiReminders(
      RequestDays service,
      RequestLedger ledger,
      RequestRepository requests,
      Accounts accounts,
      WorkingCalendar calendar,
      JdbcClient jdbc,
      TransactionTemplate transactions,
      ObjectProvider<JavaMailSender> mail,
      MessageSource messages,
      Clock clock) {
    this.service = service;
    this.ledger = ledger;
    this.requests = requests;
    this.accounts = accounts;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.mail = mail;
    this.messages = messages;
    this.clock = clock;
  }

  record Notification(
      long id,
      long requestId,
      String trackingCode,
      String kind,
      LocalDate notifiedOn,
      LocalDate dueOn) {}

  @ClusterJob(cron = "${gongkai.foi.reminder-cron:0 0 8 * * *}")
  void daily() {
    run();
  }

  /** Returns how many reminders were written. */
  int run() {
    Staff system = new Staff(0, "system", "system", Role.PLATFORM_ADMIN, null, true, false);
    service.closeLapsed(system);
    service.refreshDueDates();
    LocalDate today = LocalDate.now(clock);
    WorkingDays days = calendar.current();
    LocalDate soon = days.addWorkingDays(today, RequestQueries.DUE_SOON_DAYS);
    int written = 0;
    for (RequestRow r : requests.unconcluded()) {
      RequestHistory.Consultation consultation =
          r.assigneeId() == null ? null : ledger.history(r.id()).consultation();
      if (consultation != null
          && consultation.answeredOn() == null
          && today.isAfter(consultation.answerBy())
          && !reminded(r.id(), "CONSULTATION_LAPSED")
          && remind(r, "CONSULTATION_LAPSED", today)) {
        written++;
        email(r, "CONSULTATION_LAPSED");
      }
      if (!r.state().clockRuns()
          || r.dueOn() == null
          || r.assigneeId() == null
          || r.dueOn().isAfter(soon)) {
        continue;
      }
      // A consulting request is reminded too: its due date holds once the third party's 15 days are
      // over.
      String kind = r.dueOn().isBefore(today) ? "OVERDUE" : "DUE_SOON";
      if (remind(r, kind, today)) {
        written++;
        email(r, kind);
      }
    }
    return written;
  }

  private boolean reminded(long requestId, String kind) {
    return jdbc.sql("SELECT COUNT(*) FROM foi_notification WHERE request_id = ? AND kind = ?")
            .params(requestId, kind)
            .query(Long.class)
            .single()
        > 0;
  }

  private boolean remind(RequestRow r, String kind, LocalDate today) {
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              tx -> {
                jdbc.sql(
                        "INSERT INTO foi_notification (staff_id, request_id, kind, notified_on, due_on) VALUES (?, ?, ?, ?, ?)")
                    .params(r.assigneeId(), r.id(), kind, today, r.dueOn())
                    .update();
                requests.addEvent(
                    r.id(),
                    EventKind.REMINDED,
                    today,
                    r.dueOn(),
                    null,
                    kind,
                    "system",
                    Instant.now(clock));
                return true;
              }));
    } catch (DuplicateKeyException alreadyToday) {
      return false;
    }
  }

  private void email(RequestRow r, String kind) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return;
    }
    accounts
        .emailOf(r.assigneeId())
        .ifPresent(
            address -> {
              SimpleMailMessage message = new SimpleMailMessage();
              message.setTo(address);
              message.setSubject(
                  messages.getMessage(
                      "foi.reminder.subject." + kind,
                      new Object[] {r.trackingCode()},
                      Letters.LETTER_LOCALE));
              message.setText(
                  messages.getMessage(
                      "foi.reminder.body",
                      new Object[] {r.trackingCode(), r.dueOn()},
                      Letters.LETTER_LOCALE));
              sender.send(message);
            });
  }

  List<Notification> unread(Staff staff) {
    return jdbc.sql(
            "SELECT n.id, n.request_id, r.tracking_code, n.kind, n.notified_on, n.due_on FROM foi_notification n"
                + " JOIN foi_request r ON r.id = n.request_id WHERE n.staff_id = ? AND n.read_at IS NULL"
                + " ORDER BY n.notified_on DESC, n.id DESC FETCH FIRST 50 ROWS ONLY")
        .param(staff.id())
        .query(
            (rs, i) ->
                new Notification(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getObject(6, LocalDate.class)))
        .list();
  }

  void markRead(long notificationId, Staff staff) {
    transactions.executeWithoutResult(
        tx ->
            jdbc.sql("UPDATE foi_notification SET read_at = ? WHERE id = ? AND staff_id = ?")
                .params(Timestamps.toDb(Instant.now(clock)), notificationId, staff.id())
                .update());
  }
}
