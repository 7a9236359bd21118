package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.calendar.internal.ShippedCalendar;

class DeadlineProperties {

  private static final WorkingDays DAYS = ShippedCalendar.workingDays();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private final DeadlineCalculator calculator = new DeadlineCalculator(true);

  @Property
  void aDueDateNeverFallsOnARestDay(
      @ForAll("receipts") LocalDate received,
      @ForAll @IntRange(max = 20) int extension,
      @ForAll @IntRange(max = 30) int pauseStart,
      @ForAll @IntRange(max = 40) int pauseLength) {
    List<RequestEvent> history = history(received, extension, pauseStart, pauseLength);
    LocalDate due = calculator.compute(history, DAYS, TODAY).dueOn();
    assertThat(DAYS.isWorkingDay(due)).as("due %s", due).isTrue();
  }

  @Property
  void aPauseNeverShortensThePeriod(
      @ForAll("receipts") LocalDate received,
      @ForAll @IntRange(max = 20) int extension,
      @ForAll @IntRange(max = 30) int pauseStart,
      @ForAll @IntRange(max = 40) int pauseLength) {
    LocalDate without =
        calculator.compute(history(received, extension, -1, 0), DAYS, TODAY).dueOn();
    LocalDate with =
        calculator
            .compute(history(received, extension, pauseStart, pauseLength), DAYS, TODAY)
            .dueOn();
    assertThat(with).isAfterOrEqualTo(without);
  }

  @Property
  void addingAHolidayNeverMovesADueDateEarlier(
      @ForAll("receipts") LocalDate received,
      @ForAll @IntRange(max = 20) int extension,
      @ForAll @IntRange(max = 80) int holidayOffset) {
    List<RequestEvent> history = history(received, extension, -1, 0);
    LocalDate before = calculator.compute(history, DAYS, TODAY).dueOn();
    WorkingDays more =
        DAYS.with(new CalendarDay(received.plusDays(holidayOffset), DayKind.HOLIDAY, "test"));
    LocalDate after = calculator.compute(history, more, TODAY).dueOn();
    assertThat(after).isAfterOrEqualTo(before);
  }

  @Provide
  Arbitrary<LocalDate> receipts() {
    return Arbitraries.integers()
        .between(0, 14 * 366)
        .map(d -> LocalDate.of(2013, 1, 1).plusDays(d));
  }

  private static List<RequestEvent> history(
      LocalDate received, int extension, int pauseStart, int pauseLength) {
    List<RequestEvent> events = new ArrayList<>();
    events.add(Steps.on(EventKind.REGISTERED, received));
    if (pauseStart >= 0) {
      events.add(Steps.on(EventKind.CONSULTATION_SENT, received.plusDays(pauseStart)));
      events.add(
          Steps.on(EventKind.CONSULTATION_ANSWERED, received.plusDays(pauseStart + pauseLength)));
    }
    if (extension > 0) {
      events.add(Steps.extension(extension));
    }
    return events;
  }
}
