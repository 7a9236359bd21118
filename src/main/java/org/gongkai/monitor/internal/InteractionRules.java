package org.gongkai.monitor.internal;

import java.time.LocalDate;
import org.gongkai.agency.Agency;
import org.gongkai.interaction.MailboxFigures;
import org.springframework.stereotype.Component;

/**
 * The rules on the agency's mailbox (index item 5, 互动回应差): a message left unanswered, and the
 * latest reply of the year given too late.
 */
@Component
class InteractionRules {

  private final MailboxFigures mailbox;
  private final MonitorProperties settings;

  InteractionRules(MailboxFigures mailbox, MonitorProperties settings) {
    this.mailbox = mailbox;
    this.settings = settings;
  }

  void check(Agency agency, LocalDate today, Found found) {
    mailbox
        .oldestUnanswered(agency.id())
        .filter(on -> on.isBefore(today.minusMonths(settings.mailboxMonths())))
        .ifPresent(
            on ->
                found.add(
                    Rule.MAILBOX_UNANSWERED,
                    agency.name(),
                    "/console/mailbox?due=overdue",
                    on,
                    settings.mailboxMonths()));
    mailbox
        .latestReply(agency.id(), today.minusYears(1))
        .filter(r -> r.repliedOn().isAfter(r.receivedOn().plusMonths(settings.mailboxMonths())))
        .ifPresent(
            r ->
                found.add(
                    Rule.MAILBOX_LATE_REPLY,
                    agency.name(),
                    "/console/mailbox?due=all",
                    r.receivedOn(),
                    r.repliedOn(),
                    settings.mailboxMonths()));
  }
}
