package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/**
 * Everything about a request that its history decides, derived by replaying its events on the
 * calendar as of a day: its state, outcome and reply, its letters and when each counts as received,
 * its fee, the periods it is waiting on and whether they lapsed, and its due date. Nothing here is
 * stored as the truth; the request's row keeps a copy for listing and sorting.
 */
record RequestHistory(
    RequestState state,
    LocalDate submittedOn,
    LocalDate receivedOn,
    Outcome outcome,
    LocalDate concludedOn,
    Long replyLetterId,
    List<Long> letterIds,
    Map<Long, Delivery> deliveries,
    Supplement supplement,
    Consultation consultation,
    Extension extension,
    Fee fee,
    Reasons reasons,
    LocalDate periodSetOn,
    Reopening reopening,
    boolean publishedToCatalog,
    LocalDate lastStepOn,
    boolean recordedLate,
    LetterDeliveries letters,
    Deadline deadline) {

  /** How and when a letter reached its recipient, as recorded. */
  record Delivery(DeliveryChannel channel, LocalDate on) {}

  /**
   * Art. 30: asked for on {@code requestedOn}; the applicant's period runs from the notice's
   * receipt ({@code noticeReceivedOn}, recorded or deemed) to {@code dueOn}.
   */
  record Supplement(
      LocalDate requestedOn,
      LocalDate noticeReceivedOn,
      LocalDate dueOn,
      LocalDate receivedOn,
      Long letterId) {}

  /**
   * Art. 32, 34: the letter went out on {@code sentOn} and counts as received by the party on
   * {@code receivedOn} ({@code receiptDeemed} when no delivery is recorded); the party's 15 working
   * days end on {@code answerBy}. {@code lapsed} when they ended unanswered; an agency's silence is
   * then its consent.
   */
  record Consultation(
      String party,
      ConsultedParty kind,
      LocalDate sentOn,
      LocalDate receivedOn,
      boolean receiptDeemed,
      LocalDate answerBy,
      LocalDate answeredOn,
      Long letterId,
      boolean lapsed) {

    /** Art. 34: the consulted agency did not answer in its period, which counts as consent. */
    boolean deemedConsent() {
      return lapsed && kind == ConsultedParty.AGENCY;
    }
  }

  record Extension(int days, String approver, String reason, LocalDate decidedOn, Long letterId) {}

  /**
   * A fee notice: the payment period is 20 working days from the day after the applicant received
   * it (信息处理费管理办法), received on the recorded delivery or the date its channel deems.
   */
  record Fee(
      String method,
      BigDecimal amount,
      LocalDate notifiedOn,
      Long letterId,
      LocalDate deliveredOn,
      boolean deliveryDeemed,
      LocalDate payBy,
      LocalDate paidOn) {}

  /**
   * Art. 35: reasons asked for on {@code requestedOn}, due from the applicant by {@code answerBy}
   * (working days from the letter's receipt); {@code lapsed} when that day passed without them.
   */
  record Reasons(
      LocalDate requestedOn,
      LocalDate answerBy,
      LocalDate receivedOn,
      Long letterId,
      boolean lapsed) {}

  /** The last reopening: when, on which decision, and the period it ordered. */
  record Reopening(LocalDate on, String reason, String decision, Integer days, LocalDate until) {}

  static final int FEE_PAYMENT_DAYS = 20;

  /** Letters sent whose delivery is not yet recorded (their periods run on deemed dates). */
  List<Long> undelivered() {
    return letterIds.stream().filter(id -> !deliveries.containsKey(id)).toList();
  }

  boolean isConcluded() {
    return state.isConcluded();
  }

  LocalDate dueOn() {
    return deadline.dueOn();
  }

  /** Replays the events in the order they were recorded. */
  static RequestHistory replay(
      List<RequestEvent> events, WorkingDays days, LocalDate today, DeadlineCalculator clock) {
    LetterDeliveries letters = LetterDeliveries.of(events, clock.rules());
    RequestState state = RequestState.SUBMITTED;
    LocalDate submitted = null;
    LocalDate received = null;
    Outcome outcome = null;
    LocalDate concluded = null;
    Long reply = null;
    List<Long> letterIds = new ArrayList<>();
    Supplement supplement = null;
    Consultation consultation = null;
    Extension extension = null;
    Fee fee = null;
    Reasons reasons = null;
    LocalDate periodSet = null;
    Reopening reopening = null;
    boolean published = false;
    boolean late = false;
    LocalDate last = null;
    for (RequestEvent e : events) {
      if (e.kind().isStep()
          && e.effectiveOn() != null
          && (last == null || e.effectiveOn().isAfter(last))) {
        last = e.effectiveOn();
      }
      if (e.recordedLate()) {
        late = true;
      }
      if (e.letterId() != null
          && e.kind() != EventKind.DELIVERED
          && !letterIds.contains(e.letterId())) {
        letterIds.add(e.letterId());
      }
      switch (e.kind()) {
        case SUBMITTED -> submitted = e.effectiveOn();
        case REGISTERED -> {
          received = e.effectiveOn();
          state = RequestState.OPEN;
        }
        case SUPPLEMENT_REQUESTED -> {
          supplement =
              new Supplement(
                  e.effectiveOn(),
                  letters.receivedOn(e),
                  DeadlineCalculator.supplementDue(e, days, letters),
                  null,
                  e.letterId());
          state = RequestState.AWAITING_SUPPLEMENT;
        }
        case SUPPLEMENT_RECEIVED -> {
          if (supplement != null) {
            supplement =
                new Supplement(
                    supplement.requestedOn(),
                    supplement.noticeReceivedOn(),
                    supplement.dueOn(),
                    e.effectiveOn(),
                    supplement.letterId());
          }
          state = RequestState.OPEN;
        }
        case REASONS_REQUESTED -> {
          reasons =
              new Reasons(
                  e.effectiveOn(),
                  days.addWorkingDays(
                      letters.receivedOn(e),
                      e.days() == null ? ClarificationSteps.REASONS_DAYS : e.days()),
                  null,
                  e.letterId(),
                  false);
          state = RequestState.AWAITING_REASONS;
        }
        case REASONS_RECEIVED -> {
          if (reasons != null) {
            reasons =
                new Reasons(
                    reasons.requestedOn(),
                    reasons.answerBy(),
                    e.effectiveOn(),
                    reasons.letterId(),
                    false);
          }
          if (state == RequestState.AWAITING_REASONS) {
            state = RequestState.OPEN;
          }
        }
        case PERIOD_SET -> periodSet = e.effectiveOn();
        case CONSULTATION_SENT -> {
          LetterDeliveries.Received receipt =
              e.letterId() == null ? null : letters.received(e.letterId()).orElse(null);
          LocalDate receivedByParty = receipt == null ? e.effectiveOn() : receipt.on();
          consultation =
              new Consultation(
                  e.detail(),
                  e.party() == null ? ConsultedParty.THIRD_PARTY : e.party(),
                  e.effectiveOn(),
                  receivedByParty,
                  receipt != null && receipt.deemed(),
                  days.addWorkingDays(receivedByParty, DeadlineCalculator.CONSULTATION_DAYS),
                  null,
                  e.letterId(),
                  false);
          state = RequestState.CONSULTING;
        }
        case CONSULTATION_ANSWERED -> {
          if (consultation != null) {
            consultation =
                new Consultation(
                    consultation.party(),
                    consultation.kind(),
                    consultation.sentOn(),
                    consultation.receivedOn(),
                    consultation.receiptDeemed(),
                    consultation.answerBy(),
                    e.effectiveOn(),
                    consultation.letterId(),
                    false);
          }
          state = RequestState.OPEN;
        }
        case EXTENDED ->
            extension =
                new Extension(
                    e.days() == null ? 0 : e.days(),
                    e.approver(),
                    e.detail(),
                    e.effectiveOn(),
                    e.letterId());
        case FEE_NOTIFIED -> {
          LetterDeliveries.Received receipt =
              e.letterId() == null ? null : letters.received(e.letterId()).orElse(null);
          LocalDate deliveredOn = receipt == null ? null : receipt.on();
          fee =
              new Fee(
                  e.detail(),
                  e.amount(),
                  e.effectiveOn(),
                  e.letterId(),
                  deliveredOn,
                  receipt != null && receipt.deemed(),
                  deliveredOn == null ? null : days.addWorkingDays(deliveredOn, FEE_PAYMENT_DAYS),
                  null);
          state = RequestState.AWAITING_FEE;
        }
        case FEE_PAID -> {
          if (fee != null) {
            fee =
                new Fee(
                    fee.method(),
                    fee.amount(),
                    fee.notifiedOn(),
                    fee.letterId(),
                    fee.deliveredOn(),
                    fee.deliveryDeemed(),
                    fee.payBy(),
                    e.effectiveOn());
          }
          state = RequestState.OPEN;
        }
        case REPLIED, CLOSED -> {
          state = e.kind() == EventKind.REPLIED ? RequestState.REPLIED : RequestState.CLOSED;
          outcome = e.outcome();
          concluded = e.effectiveOn();
          reply = e.letterId();
        }
        case REOPENED -> {
          state = RequestState.OPEN;
          outcome = null;
          concluded = null;
          reply = null;
          published = false;
          reopening =
              new Reopening(e.effectiveOn(), e.detail(), e.reference(), e.days(), e.untilOn());
          if (e.days() != null || e.untilOn() != null) {
            // A new period: one extension may be decided in it again.
            extension = null;
          }
        }
        case PUBLISHED_TO_CATALOG -> published = true;
        default -> {}
      }
    }
    if (consultation != null
        && consultation.answeredOn() == null
        && today.isAfter(consultation.answerBy())) {
      // Art. 32, 34: the party's period is over; the agency decides (or has the other agency's
      // consent), and the clock runs again.
      consultation =
          new Consultation(
              consultation.party(),
              consultation.kind(),
              consultation.sentOn(),
              consultation.receivedOn(),
              consultation.receiptDeemed(),
              consultation.answerBy(),
              null,
              consultation.letterId(),
              true);
      if (state == RequestState.CONSULTING) {
        state = RequestState.OPEN;
      }
    }
    if (reasons != null && reasons.receivedOn() == null && today.isAfter(reasons.answerBy())) {
      // Art. 35: no reasons in the period given; the agency decides on what it has.
      reasons =
          new Reasons(reasons.requestedOn(), reasons.answerBy(), null, reasons.letterId(), true);
      if (state == RequestState.AWAITING_REASONS) {
        state = RequestState.OPEN;
      }
    }
    return new RequestHistory(
        state,
        submitted,
        received,
        outcome,
        concluded,
        reply,
        List.copyOf(letterIds),
        letters.recorded(),
        supplement,
        consultation,
        extension,
        fee,
        reasons,
        periodSet,
        reopening,
        published,
        last,
        late,
        letters,
        clock.compute(events, days, today, letters));
  }
}
