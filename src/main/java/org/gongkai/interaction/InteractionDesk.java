package org.gongkai.interaction;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;

/** The mailbox and the interview record as other modules (the demo, integrations) drive them. */
public interface InteractionDesk {

  /**
   * A message as the public form sends it ({@code type} QUESTION, COMPLAINT or SUGGESTION); returns
   * its tracking code.
   */
  String write(
      String agencyCode,
      String type,
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

  /** {@code role} HEAD or DEPUTY. */
  long addLeader(String agencyCode, String name, String title, String role, Staff actor);

  /** {@code kind} ONLINE_INTERVIEW or HOTLINE. */
  long recordSession(
      String agencyCode,
      String kind,
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
