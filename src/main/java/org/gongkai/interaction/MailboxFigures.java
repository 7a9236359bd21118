package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.Optional;

/** What the compliance monitor asks of the mailbox. */
public interface MailboxFigures {

  /** The day the agency's oldest unanswered message was received, if any is unanswered. */
  Optional<LocalDate> oldestUnanswered(long agencyId);

  /** The receipt day of the message answered latest after it arrived, among those answered since {@code since}. */
  Optional<LateReply> latestReply(long agencyId, LocalDate since);

  /** A message's receipt and reply days. */
  record LateReply(LocalDate receivedOn, LocalDate repliedOn) {}
}
