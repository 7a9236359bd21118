package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.shared.jobs.ClusterJob;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's due-soon and overdue reminders for messages, once per message and day, shown to the
 * agency's staff.
 */
@Component
class MailboxReminders {

  private final MessageRepository messages;
  private final WorkingCalendar calendar;
  private final StaffAccess access;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MailboxReminders(
      MessageRepository messages,
      WorkingCalendar calendar,
      StaffAccess access,
      TransactionTemplate transactions,
      Clock clock) {
    this.messages = messages;
    this.calendar = calendar;
    this.access = access;
    this.transactions = transactions;
    this.clock = clock;
  }

  @ClusterJob(cron = "${gongkai.mailbox.reminder-cron:" + MailboxProperties.REMINDER_CRON + "}")
  int remind() {
    LocalDate today = LocalDate.now(clock);
    LocalDate soon = calendar.current().addWorkingDays(today, Mailbox.DUE_SOON_DAYS);
    int written = 0;
    for (MessageRepository.Row r : messages.openDueBy(soon)) {
      String kind = r.dueOn().isBefore(today) ? "OVERDUE" : "DUE_SOON";
      try {
        transactions.executeWithoutResult(
            tx -> messages.addReminder(r.agencyId(), r.id(), kind, today));
        written++;
      } catch (DuplicateKeyException alreadyToday) {
        // One reminder a day is enough.
      }
    }
    return written;
  }

  List<MailboxViews.Reminder> reminders(Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    return scope.isEmpty() ? List.of() : messages.reminders(scope, LocalDate.now(clock));
  }
}
