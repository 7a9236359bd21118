package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.calendar.internal.ShippedCalendar;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the Regulation and the fee measures as the history decides them, each case counted
 * by hand on the 2026 calendar (中秋 25–27 September, National Day 1–7 October, Sunday 20 September
 * and Saturday 10 October worked; 清明 4–6 April).
 */
class StatutoryRulesTests {

  private final WorkingDays days = ShippedCalendar.workingDays();
  private final DeadlineCalculator clock = new DeadlineCalculator(true);

  /**
   * Art. 32, 34: received 1 September, the letter to the third party sent on the 10th. Seven
   * working days count before it (2, 3, 4, 7, 8, 9, 10 September). The third party's 15 working
   * days run 11 September to 8 October (11, 14–18, 20, 21–24, 28–30 September, 8 October).
   */
  @ParameterizedTest(name = "answered {1}, seen {2}: due {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // Never answered: the pause ends with the 15 days; 13 more days from 9 October (the 10th
        // worked) end 26 October.
        "2026-09-10, -,          2026-11-30, 2026-10-26, 15, OPEN",
        // Answered on the 17th: 11, 14, 15, 16, 17 not counted; 13 more days from the 18th end 12
        // October.
        "2026-09-10, 2026-09-17, 2026-11-30, 2026-10-12, 5,  OPEN",
        // Answered after the 15 days: the pause still ended on 8 October.
        "2026-09-10, 2026-10-20, 2026-11-30, 2026-10-26, 15, OPEN",
        // Still within the 15 days on the 20th: paused, the due date projected as if the pause
        // ended that day.
        "2026-09-10, -,          2026-09-20, 2026-10-14, 7,  CONSULTING",
      })
  void aConsultationPausesTheClockForAtMostTheThirdPartysFifteenDays(
      LocalDate sent,
      LocalDate answered,
      LocalDate today,
      LocalDate due,
      int notCounted,
      RequestState state) {
    List<RequestEvent> events =
        new ArrayList<>(
            List.of(
                Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 9, 1)),
                Steps.on(EventKind.CONSULTATION_SENT, sent)));
    if (answered != null) {
      events.add(Steps.on(EventKind.CONSULTATION_ANSWERED, answered));
    }
    RequestHistory h = RequestHistory.replay(events, days, today, clock);
    assertThat(h.dueOn()).isEqualTo(due);
    assertThat(h.deadline().pauses())
        .singleElement()
        .satisfies(p -> assertThat(p.workingDaysNotCounted()).isEqualTo(notCounted));
    assertThat(h.state()).isEqualTo(state);
    assertThat(h.consultation().answerBy()).isEqualTo(LocalDate.of(2026, 10, 8));
  }

  /**
   * Art. 33 ¶2: received 1 September, due 29 September (2–4, 7–11, 14–18, 20, 21–24, 28, 29). An
   * extension is decided before that, once.
   */
  @ParameterizedTest(name = "on {0}, extended before: {1} → {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-09-29, false, -",
        "2026-09-30, false, foi.extension.after-deadline",
        "2026-11-30, false, foi.extension.after-deadline",
        "2026-09-15, true,  foi.extension.only-once",
      })
  void anExtensionIsDecidedOnceBeforeTheDeadline(
      LocalDate today, boolean extendedBefore, String refusal) {
    List<RequestEvent> events =
        new ArrayList<>(List.of(Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 9, 1))));
    if (extendedBefore) {
      events.add(Steps.on(EventKind.EXTENDED, LocalDate.of(2026, 9, 10)).days(10));
    }
    RequestHistory h = RequestHistory.replay(events, days, today, clock);
    if (!extendedBefore) {
      assertThat(h.dueOn()).isEqualTo(LocalDate.of(2026, 9, 29));
    }
    var refused = Step.EXTEND.refusal(h, days, today);
    if (refusal == null) {
      assertThat(refused).isEmpty();
    } else {
      assertThat(refused).hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo(refusal));
      assertThat(Step.allowed(h, days, today)).doesNotContain(Step.EXTEND);
    }
  }

  /**
   * The fee measures: 20 working days from the day after the applicant received the notice. Sent by
   * post on 3 September and received on the 8th: 9–11, 14–18, 20, 21–24, 28–30 September, 8, 9, 10,
   * 12 October — due 12 October. With no delivery recorded the notice is deemed received 15 days
   * after it was sent, on 18 September, and the fee is due on 22 October (20, 21–24, 28–30
   * September, 8–10, 12–16, 19–22 October): the clock never stops for good.
   */
  @Test
  void theFeeIsDueTwentyWorkingDaysAfterTheApplicantReceivedTheNotice() {
    List<RequestEvent> events =
        new ArrayList<>(
            List.of(
                Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 9, 1)),
                Steps.on(EventKind.FEE_NOTIFIED, LocalDate.of(2026, 9, 3))
                    .amount(BigDecimal.valueOf(100))
                    .letter(7L)
                    .channel(DeliveryChannel.POST)));
    RequestHistory undelivered =
        RequestHistory.replay(events, days, LocalDate.of(2026, 9, 4), clock);
    assertThat(undelivered.fee().deliveredOn()).isEqualTo(LocalDate.of(2026, 9, 18));
    assertThat(undelivered.fee().deliveryDeemed()).isTrue();
    assertThat(undelivered.fee().payBy()).isEqualTo(LocalDate.of(2026, 10, 22));
    assertThat(undelivered.undelivered()).containsExactly(7L);
    events.add(Steps.on(EventKind.DELIVERED, LocalDate.of(2026, 9, 8)).letter(7L));
    RequestHistory delivered = RequestHistory.replay(events, days, LocalDate.of(2026, 9, 8), clock);
    assertThat(delivered.fee().payBy()).isEqualTo(LocalDate.of(2026, 10, 12));
    assertThat(delivered.fee().deliveryDeemed()).isFalse();
    assertThat(delivered.undelivered()).isEmpty();
    WorkingDays withAnotherHoliday =
        days.with(new CalendarDay(LocalDate.of(2026, 9, 30), DayKind.HOLIDAY, "test"));
    assertThat(
            RequestHistory.replay(events, withAnotherHoliday, LocalDate.of(2026, 9, 8), clock)
                .fee()
                .payBy())
        .as("the period follows the calendar")
        .isEqualTo(LocalDate.of(2026, 10, 13));
  }

  /**
   * Art. 30: 5 working days from 22 September are 23, 24, 28, 29, 30 September; a holiday on the
   * 29th moves it to 8 October.
   */
  @Test
  void theSupplementPeriodIsCountedInWorkingDaysAndFollowsTheCalendar() {
    List<RequestEvent> events =
        List.of(
            Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 9, 21)),
            Steps.on(EventKind.SUPPLEMENT_REQUESTED, LocalDate.of(2026, 9, 22)).days(5));
    assertThat(clock.compute(events, days, LocalDate.of(2026, 9, 22)).supplementDueOn())
        .isEqualTo(LocalDate.of(2026, 9, 30));
    WorkingDays changed =
        days.with(new CalendarDay(LocalDate.of(2026, 9, 29), DayKind.HOLIDAY, "test"));
    assertThat(clock.compute(events, changed, LocalDate.of(2026, 9, 22)).supplementDueOn())
        .isEqualTo(LocalDate.of(2026, 10, 8));
  }

  /** Art. 35: a longer period set after the applicant's reasons is the due date. */
  @Test
  void aLongerPeriodSetUnderArticle35IsTheDueDate() {
    List<RequestEvent> events =
        List.of(
            Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 9, 1)),
            Steps.on(EventKind.REASONS_REQUESTED, LocalDate.of(2026, 9, 2)),
            Steps.on(EventKind.REASONS_RECEIVED, LocalDate.of(2026, 9, 9)),
            Steps.on(EventKind.PERIOD_SET, LocalDate.of(2026, 9, 10))
                .until(LocalDate.of(2026, 11, 20)));
    RequestHistory h = RequestHistory.replay(events, days, LocalDate.of(2026, 9, 10), clock);
    assertThat(h.dueOn()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(h.deadline().periodUntil()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(Step.SET_PERIOD.refusal(h, days, LocalDate.of(2026, 9, 10)))
        .hasValueSatisfying(r -> assertThat(r.messageKey()).isEqualTo("foi.period.only-once"));
  }

  /**
   * Reopened after a lapse, a request gets a due date again. After the supplement lapsed, it counts
   * afresh from the reopening on 20 March: 23–27, 30, 31 March, 1–3, 7–10, 13–17, 20 April (清明 4–6
   * April off) — due 20 April. After the fee lapsed, the fee's pause (4 March to the reopening on
   * 25 March) is left out: 3, 4 March, then 26, 27, 30, 31 March, 1–3, 7–10, 13–17, 20, 21 April.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "OTHER_NO_SUPPLEMENT, SUPPLEMENT_REQUESTED, 2026-03-20, 2026-04-20",
    "OTHER_FEE_UNPAID,    FEE_NOTIFIED,         2026-03-25, 2026-04-21",
  })
  void aRequestReopenedAfterALapseGetsADueDateAgain(
      Outcome lapse, EventKind step, LocalDate reopened, LocalDate due) {
    List<RequestEvent> events =
        List.of(
            Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
            Steps.on(
                    step,
                    step == EventKind.FEE_NOTIFIED
                        ? LocalDate.of(2026, 3, 4)
                        : LocalDate.of(2026, 3, 3))
                .days(10),
            Steps.on(EventKind.CLOSED, LocalDate.of(2026, 3, 18)).outcome(lapse),
            Steps.on(EventKind.REOPENED, reopened));
    RequestHistory h = RequestHistory.replay(events, days, reopened, clock);
    assertThat(h.state()).isEqualTo(RequestState.OPEN);
    assertThat(h.outcome()).isNull();
    assertThat(h.dueOn()).isEqualTo(due);
    assertThat(h.deadline().status()).isEqualTo(Deadline.Status.RUNNING);
  }

  /**
   * Reopening keeps the letter that was sent and its delivery on record; the request's reply is
   * gone until the next.
   */
  @Test
  void reopeningAppendsAndTheSentLetterStaysWithItsDelivery() {
    List<RequestEvent> events =
        List.of(
            Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
            Steps.on(EventKind.REPLIED, LocalDate.of(2026, 3, 10))
                .outcome(Outcome.DISCLOSED)
                .letter(11L),
            Steps.on(EventKind.DELIVERED, LocalDate.of(2026, 3, 11)).letter(11L),
            Steps.on(EventKind.REOPENED, LocalDate.of(2026, 3, 12)));
    RequestHistory h = RequestHistory.replay(events, days, LocalDate.of(2026, 3, 12), clock);
    assertThat(h.replyLetterId()).isNull();
    assertThat(h.letterIds()).containsExactly(11L);
    assertThat(h.deliveries().get(11L).on()).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(h.lastStepOn()).isEqualTo(LocalDate.of(2026, 3, 12));
  }
}
