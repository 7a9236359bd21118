package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.ConsultedParty;
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
   * A step of the request with its two times: the day it took effect as asserted ({@code
   * effectiveOn}) and when it was recorded ({@code recordedAt}, its day {@code recordedOn}); for
   * one recorded after a deadline it is dated before, the reason and whether a proof is on file.
   * Then what it decided, and the due date and the state it left the request in (no date while the
   * clock stands).
   */
  record HistoryEntry(
      long id,
      String kind,
      LocalDate effectiveOn,
      LocalDate recordedOn,
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
      ConsultedParty party,
      String reference,
      String lateReason,
      boolean proof,
      LocalDate dueAfter,
      RequestState stateAfter) {}

  /**
   * The fee notice: {@code payBy} is 20 working days from the day after the applicant received it,
   * on {@code deliveredOn} as recorded or, {@code deliveryDeemed}, as its channel deems.
   */
  record Fee(
      String method,
      BigDecimal amount,
      LocalDate notifiedOn,
      LocalDate deliveredOn,
      boolean deliveryDeemed,
      LocalDate payBy,
      LocalDate paidOn) {}

  /**
   * A consultation (Art. 32, 34): the party received the letter on {@code receivedOn} (recorded, or
   * deemed) and has until {@code answerBy}, 15 working days from then; {@code lapsed} when those
   * passed unanswered, and an agency's silence is then {@code deemedConsent}.
   */
  record ConsultationView(
      String party,
      ConsultedParty partyKind,
      LocalDate sentOn,
      LocalDate receivedOn,
      boolean receiptDeemed,
      LocalDate answerBy,
      LocalDate answeredOn,
      boolean lapsed,
      boolean deemedConsent) {}

  /** Art. 35: reasons asked for, due by {@code answerBy}; {@code lapsed} when none came in time. */
  record ReasonsView(
      LocalDate requestedOn, LocalDate answerBy, LocalDate receivedOn, boolean lapsed) {}

  /** The last reopening and the period the decision ordered. */
  record ReopeningView(
      LocalDate on, String reason, String decision, Integer days, LocalDate until) {}

  record ExtensionView(int days, String approver, String reason, LocalDate decidedOn) {}

  /**
   * A letter as sent and by which channel; its delivery as recorded ({@code deliveredOn}, {@code
   * deliveredBy}), and the day it counts as received ({@code receivedOn}: the recorded day, or the
   * day its channel deems, {@code deliveryDeemed}).
   */
  record LetterView(
      long id,
      String kind,
      Outcome outcome,
      String recipient,
      LocalDate issuedOn,
      DeliveryChannel channel,
      DeliveryChannel deliveredBy,
      LocalDate deliveredOn,
      LocalDate receivedOn,
      boolean deliveryDeemed) {}

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
      ReasonsView reasons,
      ExtensionView extension,
      ReopeningView reopening,
      boolean recordedLate,
      List<String> allowedSteps,
      List<LetterView> letters,
      List<HistoryEntry> history) {

    /** Whether the step (by its path, {@code reply}, {@code extend} …) may be taken now. */
    public boolean allows(String step) {
      return allowedSteps.contains(step);
    }

    /**
     * Overdue as everywhere else ({@link Step#OVERDUE_SQL}): the clock runs and the due date has
     * passed, which is when the working days left are negative.
     */
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
      List<PublicStep> history,
      List<ReplyEnclosures.Enclosure> enclosures) {}

  record PublicStep(String kind, LocalDate on, LocalDate until) {}
}
