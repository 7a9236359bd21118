package org.gongkai.interaction.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.interaction.MessageType;

/** What the mailbox's forms take and its pages, the public API and the staff API show. */
final class MailboxViews {

  private MailboxViews() {}

  /**
   * SPAM: closed unanswered as advertising, abuse or a flood; it counts neither as open nor as
   * answered.
   */
  enum State {
    RECEIVED,
    REPLIED,
    REDIRECTED,
    SPAM
  }

  /**
   * A message as written; {@code altcha} carries the solved proof of work (see {@code GET
   * /api/v1/challenge}).
   */
  record Form(
      String agency,
      MessageType type,
      Boolean toHead,
      String title,
      String content,
      String name,
      String phone,
      String email,
      Boolean publicConsent,
      String altcha) {}

  record Ack(String trackingCode, String secret) {}

  record PublicStatus(
      String trackingCode,
      String agencyName,
      MessageType type,
      State state,
      LocalDate receivedOn,
      LocalDate dueOn,
      String reply,
      LocalDate repliedOn,
      Integer rating,
      boolean published) {}

  record Message(
      long id,
      String trackingCode,
      String agency,
      String agencyName,
      MessageType type,
      boolean toHead,
      String title,
      String content,
      String name,
      String phone,
      String email,
      boolean publicConsent,
      State state,
      String unit,
      LocalDate receivedOn,
      LocalDate dueOn,
      Integer workingDaysLeft,
      String reply,
      LocalDate repliedOn,
      Integer rating,
      String ratingComment,
      boolean published,
      List<Event> history) {}

  /**
   * One step of a message's history: the day it took effect as asserted, and who recorded it when.
   */
  record Event(String kind, String detail, LocalDate effectiveOn, String actor, Instant at) {}

  record QA(
      long id,
      String agencyName,
      MessageType type,
      String title,
      String content,
      String reply,
      LocalDate repliedOn) {}

  record Oldest(
      String agency, String agencyName, String trackingCode, LocalDate receivedOn, boolean veto) {}

  record Reminder(String trackingCode, long messageId, String kind, LocalDate notifiedOn) {}
}
