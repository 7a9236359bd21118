package org.gongkai.interaction.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.interaction.InteractionDesk;
import org.gongkai.interaction.InterviewKind;
import org.gongkai.interaction.LeaderRole;
import org.gongkai.interaction.MessageType;
import org.springframework.stereotype.Service;

/** The module's public face for other modules: the same checks and audit as the forms. */
@Service
class InteractionDeskService implements InteractionDesk {

  private final MailboxIntake intake;
  private final Mailbox mailbox;
  private final Interviews interviews;

  InteractionDeskService(MailboxIntake intake, Mailbox mailbox, Interviews interviews) {
    this.intake = intake;
    this.mailbox = mailbox;
    this.interviews = interviews;
  }

  @Override
  public String write(
      String agencyCode,
      MessageType type,
      boolean toHead,
      String title,
      String content,
      String name,
      String phone,
      boolean publicConsent) {
    return intake
        .submit(
            new MailboxViews.Form(
                agencyCode, type, toHead, title, content, name, phone, null, publicConsent, null),
            null)
        .trackingCode();
  }

  @Override
  public void answer(String trackingCode, String reply, Staff replier, Staff publisher) {
    long id = intake.idOf(trackingCode);
    mailbox.reply(id, reply, null, replier);
    if (publisher != null) {
      mailbox.publish(id, true, publisher);
    }
  }

  @Override
  public long addLeader(
      String agencyCode, String name, String title, LeaderRole role, Staff actor) {
    return interviews.addLeader(agencyCode, name, title, role, actor);
  }

  @Override
  public long recordSession(
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
      Staff publisher) {
    long id =
        interviews.record(
            new Interviews.Form(
                agencyCode,
                kind,
                heldOn,
                channel,
                topic,
                leaders,
                questionsReceived,
                questionsAnswered,
                transcript),
            author);
    if (publisher != null) {
      interviews.publish(id, publisher);
    }
    return id;
  }
}
