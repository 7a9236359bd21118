package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What the compliance monitor and the annual assessment ask of the mailbox. */
public interface MailboxFigures {

  /** The day the agency's oldest unanswered message was received, if any is unanswered. */
  Optional<LocalDate> oldestUnanswered(long agencyId);

  /**
   * The receipt day of the message answered latest after it arrived, among those answered since
   * {@code since}.
   */
  Optional<LateReply> latestReply(long agencyId, LocalDate since);

  /**
   * The agency's messages received between the dates, both inclusive (spam left out), oldest first.
   */
  List<MessageTiming> received(long agencyId, LocalDate first, LocalDate last);

  /**
   * The year's mailbox figures of the agencies for the yearly website report: messages received in
   * the year (spam left out), messages concluded in the year (answered, whenever received), the
   * calendar days from receipt to answer added up over those concluded, and of those the answers
   * published.
   */
  MailboxYear year(Collection<Long> agencyIds, int year);

  record MailboxYear(int received, int concluded, long daysToConclude, int answersPublished) {}

  /** A message's receipt, due and reply days; {@code repliedOn} null while unanswered. */
  record MessageTiming(
      long id, String trackingCode, LocalDate receivedOn, LocalDate dueOn, LocalDate repliedOn) {}

  /** A message's receipt and reply days. */
  record LateReply(LocalDate receivedOn, LocalDate repliedOn) {}
}
