package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/** What the console, the staff API and the public status page show of a request. */
final class Views {

  private Views() {}

  /**
   * The applicant as the viewer may see them: in full for the assignee, masked for everyone else.
   */
  record Applicant(
      ApplicantType type,
      String name,
      IdType idType,
      String idNumber,
      String phone,
      String email,
      String address,
      boolean masked) {}

  /**
   * One entry of the history: who recorded it when, the day it took effect, and what it decided.
   */
  /**
   * A step of the request, with the due date and the state it left the request in (no date while
   * the clock stands).
   */
  record HistoryEntry(
      String kind,
      LocalDate effectiveOn,
      LocalDate untilOn,
      Integer days,
      String detail,
      String actor,
      Instant recordedAt,
      Outcome outcome,
      BigDecimal amount,
      Long letter,
      DeliveryChannel channel,
      String approver,
      LocalDate dueAfter,
      RequestState stateAfter) {}

  /**
   * The fee notice: {@code payBy} is 20 working days from the day after the applicant received it.
   */
  record Fee(
      String method,
      BigDecimal amount,
      LocalDate notifiedOn,
      LocalDate deliveredOn,
      LocalDate payBy,
      LocalDate paidOn) {}

  /**
   * A consultation (Art. 32): the third party's answer is due by {@code answerBy}, 15 working days
   * from the letter.
   */
  record ConsultationView(
      String party, LocalDate sentOn, LocalDate answerBy, LocalDate answeredOn) {}

  record ExtensionView(int days, String approver, String reason, LocalDate decidedOn) {}

  /** A letter as sent, with its delivery once recorded. */
  record LetterView(
      long id,
      String kind,
      Outcome outcome,
      String recipient,
      LocalDate issuedOn,
      DeliveryChannel deliveredBy,
      LocalDate deliveredOn) {}

  record RequestView(
      long id,
      String trackingCode,
      String agency,
      String agencyName,
      RequestState state,
      IntakeChannel intakeChannel,
      Applicant applicant,
      String title,
      String docNumber,
      String description,
      String purpose,
      InformationForm informationForm,
      DeliveryChannel deliveryChannel,
      boolean idCopy,
      Instant submittedAt,
      LocalDate receivedOn,
      LocalDate dueOn,
      Integer workingDaysLeft,
      Deadline deadline,
      Long assigneeId,
      String assigneeName,
      Outcome outcome,
      LocalDate concludedOn,
      String letter,
      Long replyLetter,
      LocalDate deliveredOn,
      DeliveryChannel deliveryMethod,
      Fee fee,
      LocalDate supplementDueOn,
      ConsultationView consultation,
      ExtensionView extension,
      List<String> allowedSteps,
      List<LetterView> letters,
      List<HistoryEntry> history) {

    /** Whether the step (by its path, {@code reply}, {@code extend} …) may be taken now. */
    public boolean allows(String step) {
      return allowedSteps.contains(step);
    }

    public boolean overdue() {
      return workingDaysLeft != null && workingDaysLeft < 0;
    }
  }

  record Summary(
      long id,
      String trackingCode,
      String agencyName,
      RequestState state,
      String applicantName,
      String description,
      LocalDate receivedOn,
      LocalDate dueOn,
      Integer workingDaysLeft,
      String assigneeName,
      Outcome outcome) {}

  /** The applicant's view: no personal data, no staff names, the reply once sent. */
  record PublicStatus(
      String trackingCode,
      String agency,
      String agencyName,
      RequestState state,
      Instant submittedAt,
      LocalDate receivedOn,
      LocalDate dueOn,
      Deadline deadline,
      Outcome outcome,
      LocalDate repliedOn,
      String reply,
      LocalDate deliveredOn,
      List<PublicStep> history) {}

  record PublicStep(String kind, LocalDate on, LocalDate until) {}
}
