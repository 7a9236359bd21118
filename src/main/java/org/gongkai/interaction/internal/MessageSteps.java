package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.interaction.MailboxMessageChanged;
import org.gongkai.interaction.internal.MailboxViews.State;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shape every step on a message has: it locks the message, checks the actor's agency and the
 * day the step takes effect (neither after today nor before the step before it), records the event,
 * announces the change and audits it, all in one transaction; a refused step changes nothing.
 */
@Component
class MessageSteps {

  private final MessageRepository messages;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  MessageSteps(
      MessageRepository messages,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.messages = messages;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What a step does to the message: the event's kind and detail. */
  interface Step {
    String[] apply(MessageRepository.Row r, LocalDate day);
  }

  void change(long id, LocalDate on, Staff actor, Step step) {
    transactions.executeWithoutResult(
        tx -> {
          MessageRepository.Row r =
              messages.lock(id).orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
          access.requireAgency(actor, r.agencyId());
          LocalDate today = LocalDate.now(clock);
          LocalDate day = on == null ? today : on;
          if (day.isAfter(today)) {
            throw Refusal.invalidField("on", "foi.date.future");
          }
          LocalDate previous = messages.lastStepOn(id).orElse(r.receivedOn());
          if (day.isBefore(previous)) {
            throw Refusal.invalidField(
                "on", "foi.date.before-previous-step", String.valueOf(previous));
          }
          String[] kindAndDetail = step.apply(r, day);
          messages.addEvent(
              id, kindAndDetail[0], kindAndDetail[1], day, actor.username(), Instant.now(clock));
          events.publishEvent(new MailboxMessageChanged(id, r.agencyId()));
          audit.record(
              actor.username(),
              "mailbox." + kindAndDetail[0].toLowerCase(),
              "mailbox-message",
              id,
              kindAndDetail[1]);
        });
  }

  static void requireOpen(MessageRepository.Row r) {
    if (r.state() != State.RECEIVED) {
      throw Refusal.conflict("mailbox.not-open");
    }
  }
}
