package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;

/** The mailbox and the interview record as other modules (the demo, integrations) drive them. */
public interface InteractionDesk {

  /** A message as the public form sends it; returns its tracking code. */
  String write(
      String agencyCode,
      MessageType type,
      boolean toHead,
      String title,
      String content,
      String name,
      String phone,
      boolean publicConsent);

  /**
   * Replies; a second person ({@code publisher}, null for none) publishes the reply as Q&A if the
   * sender consented.
   */
  void answer(String trackingCode, String reply, Staff replier, Staff publisher);

  long addLeader(String agencyCode, String name, String title, LeaderRole role, Staff actor);

  long recordSession(
      String agencyCode,
      InterviewKind kind,
      LocalDate heldOn,
      String channel,
      String topic,
      List<Long> leaders,
      int questionsReceived,
      int questionsAnswered,
      String transcript,
      Staff author,
      Staff publisher);
}
