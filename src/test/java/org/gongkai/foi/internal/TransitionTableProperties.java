package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.calendar.internal.ShippedCalendar;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/**
 * Random walks through the transition table: from receipt, any step the table allows, on a day not
 * before the previous one. Whatever the walk, the table and the history agree.
 */
class TransitionTableProperties {

  private static final WorkingDays DAYS = ShippedCalendar.workingDays();
  private static final DeadlineCalculator CLOCK = new DeadlineCalculator(true);
  private static final Map<Step, RequestState> LEADS_TO = new EnumMap<>(Step.class);

  static {
    LEADS_TO.put(Step.REQUEST_SUPPLEMENT, RequestState.AWAITING_SUPPLEMENT);
    LEADS_TO.put(Step.RECORD_SUPPLEMENT, RequestState.OPEN);
    LEADS_TO.put(Step.REQUEST_REASONS, RequestState.AWAITING_REASONS);
    LEADS_TO.put(Step.RECORD_REASONS, RequestState.OPEN);
    LEADS_TO.put(Step.NOTIFY_FEE, RequestState.AWAITING_FEE);
    LEADS_TO.put(Step.RECORD_PAYMENT, RequestState.OPEN);
    LEADS_TO.put(Step.REPLY, RequestState.REPLIED);
    LEADS_TO.put(Step.REOPEN, RequestState.OPEN);
    LEADS_TO.put(Step.RECORD_CONSULTATION_ANSWER, RequestState.OPEN);
  }

  @Property(tries = 300)
  void everyAllowedStepLeadsWhereTheTableSaysAndReplayingGivesTheSameHistory(
      @ForAll @Size(min = 1, max = 25) List<@IntRange(min = 0, max = 1000) Integer> choices,
      @ForAll @IntRange(min = 0, max = 6) int gap) {
    LocalDate day = LocalDate.of(2026, 1, 5);
    List<RequestEvent> events =
        new ArrayList<>(
            List.of(Steps.on(EventKind.SUBMITTED, day), Steps.on(EventKind.REGISTERED, day)));
    long letters = 0;
    for (int choice : choices) {
      day = day.plusDays(gap);
      RequestHistory before = RequestHistory.replay(events, DAYS, day, CLOCK);
      List<Step> allowed = Step.allowed(before, DAYS, day);
      assertThat(allowed).as("something can always be done").isNotEmpty();
      Step step = allowed.get(choice % allowed.size());
      RequestEvent event = eventFor(step, before, day, ++letters);
      if (event == null) {
        continue;
      }
      events.add(event);
      RequestHistory after = RequestHistory.replay(events, DAYS, day, CLOCK);
      if (LEADS_TO.containsKey(step)) {
        assertThat(after.state()).as("%s", step).isEqualTo(LEADS_TO.get(step));
      }
      if (step == Step.CONSULT) {
        assertThat(after.state()).isIn(RequestState.CONSULTING, RequestState.OPEN);
      }
      assertThat(RequestHistory.replay(List.copyOf(events), DAYS, day, CLOCK)).isEqualTo(after);
      assertThat(after.lastStepOn()).isBeforeOrEqualTo(day);
    }
  }

  @Property(tries = 300)
  void noExtensionIsAllowedOnceTheDeadlineHasPassed(
      @ForAll @IntRange(min = 0, max = 120) int daysLater,
      @ForAll @IntRange(min = 0, max = 40) int consultationAfter) {
    LocalDate received = LocalDate.of(2026, 8, 3);
    List<RequestEvent> events = new ArrayList<>(List.of(Steps.on(EventKind.REGISTERED, received)));
    if (consultationAfter < 30) {
      events.add(Steps.on(EventKind.CONSULTATION_SENT, received.plusDays(consultationAfter)));
    }
    LocalDate today = received.plusDays(daysLater);
    RequestHistory h = RequestHistory.replay(events, DAYS, today, CLOCK);
    boolean allowed = Step.allowed(h, DAYS, today).contains(Step.EXTEND);
    assertThat(allowed)
        .as("today %s, due %s", today, h.dueOn())
        .isEqualTo(!today.isAfter(h.dueOn()));
  }

  @Property(tries = 300)
  void anUnansweredConsultationNeverStopsTheClockForMoreThanFifteenWorkingDays(
      @ForAll @IntRange(min = 0, max = 19) int sentAfter,
      @ForAll @IntRange(min = 0, max = 200) int seenAfter) {
    LocalDate received = LocalDate.of(2025, 9, 1);
    LocalDate sent = DAYS.addWorkingDays(received, sentAfter);
    List<RequestEvent> events =
        List.of(
            Steps.on(EventKind.REGISTERED, received), Steps.on(EventKind.CONSULTATION_SENT, sent));
    LocalDate today = sent.plusDays(seenAfter);
    LocalDate due = CLOCK.compute(events, DAYS, today).dueOn();
    LocalDate withoutPause = DAYS.addWorkingDays(received, DeadlineCalculator.BASE_DAYS);
    assertThat(DAYS.workingDaysBetween(withoutPause, due))
        .isLessThanOrEqualTo(DeadlineCalculator.CONSULTATION_DAYS);
  }

  private static RequestEvent eventFor(Step step, RequestHistory h, LocalDate day, long letter) {
    return switch (step) {
      case REQUEST_SUPPLEMENT ->
          Steps.on(EventKind.SUPPLEMENT_REQUESTED, day).days(10).letter(letter);
      case RECORD_SUPPLEMENT -> Steps.on(EventKind.SUPPLEMENT_RECEIVED, day);
      case REQUEST_REASONS -> Steps.on(EventKind.REASONS_REQUESTED, day).letter(letter);
      case RECORD_REASONS -> Steps.on(EventKind.REASONS_RECEIVED, day);
      case SET_PERIOD ->
          Steps.on(EventKind.PERIOD_SET, day).until(h.dueOn().plusDays(30)).letter(letter);
      case CONSULT -> Steps.on(EventKind.CONSULTATION_SENT, day).detail("某公司").letter(letter);
      case RECORD_CONSULTATION_ANSWER -> Steps.on(EventKind.CONSULTATION_ANSWERED, day);
      case EXTEND -> Steps.on(EventKind.EXTENDED, day).days(10).letter(letter);
      case NOTIFY_FEE ->
          Steps.on(EventKind.FEE_NOTIFIED, day).amount(BigDecimal.TEN).letter(letter);
      case RECORD_PAYMENT -> Steps.on(EventKind.FEE_PAID, day);
      case REPLY -> Steps.on(EventKind.REPLIED, day).outcome(Outcome.DISCLOSED).letter(letter);
      case RECORD_DELIVERY -> Steps.on(EventKind.DELIVERED, day).letter(h.undelivered().get(0));
      case REOPEN -> Steps.on(EventKind.REOPENED, day);
      case PUBLISH_TO_CATALOG -> Steps.on(EventKind.PUBLISHED_TO_CATALOG, day);
      case REGISTER, ASSIGN -> null;
    };
  }
}
