package org.gongkai.foi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
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
 * The daily run: closes requests whose supplement or fee deadline lapsed (on recorded or deemed
 * deliveries), and reminds each assignee of requests due within five working days or overdue and of
 * letters whose delivery nobody recorded once their deemed day has passed; it reminds the agency's
 * staff of applications made online that nobody registered by the next working day. Reminders
 * appear in the console always and go by email where mail is configured. A reminder is written once
 * per request, kind and day, so a second node or a second run the same day adds nothing.
 */
@Component
class FoiReminders {

  private final RequestDays service;
  private final RequestLedger ledger;
  private final RequestRepository requests;
  private final Accounts accounts;
  private final StaffAccess access;
  private final int unregisteredDays;
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
      StaffAccess access,
      FoiProperties settings,
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
    this.access = access;
    this.unregisteredDays = settings.unregisteredReminderDays();
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

  @ClusterJob(cron = "${gongkai.foi.reminder-cron:" + FoiProperties.REMINDER_CRON + "}")
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
          && remind(r.assigneeId(), r, "CONSULTATION_LAPSED", today, r.dueOn())) {
        written++;
        email(r.assigneeId(), r, "CONSULTATION_LAPSED", r.dueOn());
      }
      if (!Step.clockRunsIn(r.state())
          || r.dueOn() == null
          || r.assigneeId() == null
          || r.dueOn().isAfter(soon)) {
        continue;
      }
      // A consulting request is reminded too: its due date holds once the third party's 15 days are
      // over.
      String kind = r.dueOn().isBefore(today) ? "OVERDUE" : "DUE_SOON";
      if (remind(r.assigneeId(), r, kind, today, r.dueOn())) {
        written++;
        email(r.assigneeId(), r, kind, r.dueOn());
      }
    }
    written += remindUndelivered(today);
    written += remindUnregistered(today, days);
    return written;
  }

  /**
   * A letter whose delivery nobody recorded counts as received on the day its channel deems; once
   * that day has passed, the assignee is reminded (once per letter) to record the delivery with its
   * proof, or to find out why it has none.
   */
  private int remindUndelivered(LocalDate today) {
    int written = 0;
    for (long id : requests.withUndeliveredLetters()) {
      RequestRow r = requests.find(id).orElse(null);
      if (r == null || r.assigneeId() == null) {
        continue;
      }
      RequestHistory h = ledger.history(id);
      for (long letter : h.undelivered()) {
        LocalDate deemed =
            h.letters().received(letter).map(LetterDeliveries.Received::on).orElse(null);
        if (deemed == null
            || !today.isAfter(deemed)
            || reminded(id, "DELIVERY_UNRECORDED", deemed)) {
          continue;
        }
        if (remind(r.assigneeId(), r, "DELIVERY_UNRECORDED", today, deemed)) {
          written++;
          email(r.assigneeId(), r, "DELIVERY_UNRECORDED", deemed);
        }
      }
    }
    return written;
  }

  /**
   * An application made online waits for staff to register it; from the {@code
   * gongkai.foi.unregistered-reminder-days}th working day after it was acknowledged, every member
   * of the agency's staff who may handle it is reminded, once (the platform's administrators only
   * when the agency has no staff of its own).
   */
  private int remindUnregistered(LocalDate today, WorkingDays days) {
    List<RequestRow> waiting = requests.unregistered();
    if (waiting.isEmpty()) {
      return 0;
    }
    Staff system = new Staff(0, "system", "system", Role.PLATFORM_ADMIN, null, true, false);
    List<Staff> staff = accounts.list(system).stream().filter(Staff::enabled).toList();
    int written = 0;
    for (RequestRow r : waiting) {
      LocalDate acknowledged = LocalDate.ofInstant(r.submittedAt(), clock.getZone());
      if (today.isBefore(days.addWorkingDays(acknowledged, unregisteredDays))
          || reminded(r.id(), "UNREGISTERED")) {
        continue;
      }
      // The agency's own staff; the platform's administrators only when it has none.
      List<Staff> handlers =
          staff.stream()
              .filter(s -> !s.isPlatformAdmin() && access.mayWorkOn(s, r.agencyId()))
              .toList();
      if (handlers.isEmpty()) {
        handlers = staff.stream().filter(s -> access.mayWorkOn(s, r.agencyId())).toList();
      }
      for (Staff s : handlers) {
        if (remind(s.id(), r, "UNREGISTERED", today, null)) {
          written++;
          email(s.id(), r, "UNREGISTERED", acknowledged);
        }
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

  private boolean reminded(long requestId, String kind, LocalDate dueOn) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM foi_notification WHERE request_id = ? AND kind = ? AND due_on = ?")
            .params(requestId, kind, dueOn)
            .query(Long.class)
            .single()
        > 0;
  }

  private boolean remind(
      long staffId, RequestRow r, String kind, LocalDate today, LocalDate dueOn) {
    try {
      return Boolean.TRUE.equals(
          transactions.execute(
              tx -> {
                jdbc.sql(
                        "INSERT INTO foi_notification (staff_id, request_id, kind, notified_on, due_on) VALUES (?, ?, ?, ?, ?)")
                    .params(staffId, r.id(), kind, today, dueOn)
                    .update();
                requests.addEvent(
                    r.id(),
                    EventKind.REMINDED,
                    today,
                    dueOn,
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

  private void email(long staffId, RequestRow r, String kind, LocalDate date) {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return;
    }
    accounts
        .emailOf(staffId)
        .ifPresent(
            address -> {
              SimpleMailMessage message = new SimpleMailMessage();
              message.setTo(address);
              message.setSubject(
                  messages.getMessage(
                      "foi.reminder.subject." + kind,
                      new Object[] {r.trackingCode()},
                      Letters.LETTER_LOCALE));
              Object[] arguments = {r.trackingCode(), date};
              message.setText(
                  messages.getMessage(
                      "foi.reminder.body." + kind,
                      arguments,
                      messages.getMessage("foi.reminder.body", arguments, Letters.LETTER_LOCALE),
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
