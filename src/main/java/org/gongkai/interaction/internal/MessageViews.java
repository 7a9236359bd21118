package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.interaction.internal.MailboxViews.Message;
import org.gongkai.interaction.internal.MailboxViews.State;
import org.gongkai.shared.privacy.PersonalData;
import org.springframework.stereotype.Component;

/** A message as staff see it: its agency, the working days left and, if asked, its history. */
@Component
class MessageViews {

  private final MessageRepository messages;
  private final AgencyDirectory agencies;
  private final WorkingCalendar calendar;
  private final Clock clock;

  MessageViews(
      MessageRepository messages, AgencyDirectory agencies, WorkingCalendar calendar, Clock clock) {
    this.messages = messages;
    this.agencies = agencies;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** {@code full}: the sender's name and contacts unmasked. */
  Message view(MessageRepository.Row r, boolean withHistory, boolean full) {
    Agency a = agencies.get(r.agencyId());
    LocalDate today = LocalDate.now(clock);
    Integer left = null;
    if (r.state() == State.RECEIVED) {
      var days = calendar.current();
      left =
          r.dueOn().isBefore(today)
              ? -Math.max(1, days.workingDaysBetween(r.dueOn(), today))
              : days.workingDaysBetween(today, r.dueOn());
    }
    String name = full ? r.name() : PersonalData.name(r.name());
    String phone = full ? r.phone() : PersonalData.phone(r.phone());
    String email = full ? r.email() : PersonalData.email(r.email());
    return new Message(
        r.id(),
        r.trackingCode(),
        a.code(),
        a.name(),
        r.type(),
        r.toHead(),
        r.title(),
        r.content(),
        name,
        phone,
        email,
        r.publicConsent(),
        r.state(),
        r.unit(),
        r.receivedOn(),
        r.dueOn(),
        left,
        r.reply(),
        r.repliedOn(),
        r.rating(),
        r.ratingComment(),
        r.published(),
        withHistory ? messages.events(r.id()) : List.of());
  }
}
