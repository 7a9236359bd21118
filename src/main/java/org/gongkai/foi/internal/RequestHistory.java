package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/**
 * Everything about a request that its history decides, derived by replaying its events on the
 * calendar as of a day: its state, outcome and reply, its letters and their deliveries, its fee,
 * the periods it is waiting on, and its due date. Nothing here is stored as the truth; the
 * request's row keeps a copy for listing and sorting.
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
    boolean publishedToCatalog,
    LocalDate lastStepOn,
    Deadline deadline) {

  /** How and when a letter reached its recipient. */
  record Delivery(DeliveryChannel channel, LocalDate on) {}

  record Supplement(LocalDate requestedOn, LocalDate dueOn, LocalDate receivedOn, Long letterId) {}

  record Consultation(
      String party, LocalDate sentOn, LocalDate answerBy, LocalDate answeredOn, Long letterId) {}

  record Extension(int days, String approver, String reason, LocalDate decidedOn, Long letterId) {}

  /**
   * A fee notice: the payment period is 20 working days from the day after the applicant received
   * it (信息处理费管理办法), so {@code payBy} is known once its delivery is recorded.
   */
  record Fee(
      String method,
      BigDecimal amount,
      LocalDate notifiedOn,
      Long letterId,
      LocalDate deliveredOn,
      LocalDate payBy,
      LocalDate paidOn) {}

  record Reasons(LocalDate requestedOn, LocalDate receivedOn, Long letterId) {}

  static final int FEE_PAYMENT_DAYS = 20;

  /** Letters sent whose delivery is not yet recorded. */
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
    RequestState state = RequestState.SUBMITTED;
    LocalDate submitted = null;
    LocalDate received = null;
    Outcome outcome = null;
    LocalDate concluded = null;
    Long reply = null;
    Map<Long, Delivery> deliveries = new LinkedHashMap<>();
    List<Long> letters = new ArrayList<>();
    Supplement supplement = null;
    Consultation consultation = null;
    Extension extension = null;
    Fee fee = null;
    Reasons reasons = null;
    LocalDate periodSet = null;
    boolean published = false;
    LocalDate last = null;
    for (RequestEvent e : events) {
      if (e.kind().isStep()
          && e.effectiveOn() != null
          && (last == null || e.effectiveOn().isAfter(last))) {
        last = e.effectiveOn();
      }
      if (e.letterId() != null
          && e.kind() != EventKind.DELIVERED
          && !letters.contains(e.letterId())) {
        letters.add(e.letterId());
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
                  e.effectiveOn(), DeadlineCalculator.supplementDue(e, days), null, e.letterId());
          state = RequestState.AWAITING_SUPPLEMENT;
        }
        case SUPPLEMENT_RECEIVED -> {
          if (supplement != null) {
            supplement =
                new Supplement(
                    supplement.requestedOn(),
                    supplement.dueOn(),
                    e.effectiveOn(),
                    supplement.letterId());
          }
          state = RequestState.OPEN;
        }
        case REASONS_REQUESTED -> {
          reasons = new Reasons(e.effectiveOn(), null, e.letterId());
          state = RequestState.AWAITING_REASONS;
        }
        case REASONS_RECEIVED -> {
          if (reasons != null) {
            reasons = new Reasons(reasons.requestedOn(), e.effectiveOn(), reasons.letterId());
          }
          state = RequestState.OPEN;
        }
        case PERIOD_SET -> periodSet = e.effectiveOn();
        case CONSULTATION_SENT -> {
          consultation =
              new Consultation(
                  e.detail(),
                  e.effectiveOn(),
                  days.addWorkingDays(e.effectiveOn(), DeadlineCalculator.CONSULTATION_DAYS),
                  null,
                  e.letterId());
          state = RequestState.CONSULTING;
        }
        case CONSULTATION_ANSWERED -> {
          if (consultation != null) {
            consultation =
                new Consultation(
                    consultation.party(),
                    consultation.sentOn(),
                    consultation.answerBy(),
                    e.effectiveOn(),
                    consultation.letterId());
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
          fee = new Fee(e.detail(), e.amount(), e.effectiveOn(), e.letterId(), null, null, null);
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
        }
        case DELIVERED -> {
          if (e.letterId() != null) {
            deliveries.put(e.letterId(), new Delivery(e.channel(), e.effectiveOn()));
          }
          if (fee != null && e.letterId() != null && e.letterId().equals(fee.letterId())) {
            fee =
                new Fee(
                    fee.method(),
                    fee.amount(),
                    fee.notifiedOn(),
                    fee.letterId(),
                    e.effectiveOn(),
                    days.addWorkingDays(e.effectiveOn(), FEE_PAYMENT_DAYS),
                    fee.paidOn());
          }
        }
        case PUBLISHED_TO_CATALOG -> published = true;
        default -> {}
      }
    }
    if (state == RequestState.CONSULTING
        && consultation != null
        && today.isAfter(consultation.answerBy())) {
      // Art. 32, 34: the third party's period is over; the agency decides, and the clock runs
      // again.
      state = RequestState.OPEN;
    }
    return new RequestHistory(
        state,
        submitted,
        received,
        outcome,
        concluded,
        reply,
        List.copyOf(letters),
        Map.copyOf(deliveries),
        supplement,
        consultation,
        extension,
        fee,
        reasons,
        periodSet,
        published,
        last,
        clock.compute(events, days, today));
  }
}
