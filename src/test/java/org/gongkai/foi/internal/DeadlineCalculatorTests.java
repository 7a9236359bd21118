package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.calendar.internal.ShippedCalendar;
import org.gongkai.foi.Deadline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Due dates across Spring Festival, National Day and make-up working days in several years, each
 * counted by hand from the State Council's notices (the working is in the comments).
 */
class DeadlineCalculatorTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private final WorkingDays days = ShippedCalendar.workingDays();
  private final DeadlineCalculator calculator = new DeadlineCalculator(true);

  /** received, consultation sent, answered, supplement received, extension days, expected due. */
  @ParameterizedTest(name = "received {0} → due {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        // 2024 Spring Festival: 2/4 (Sun) and 2/18 (Sun) worked, 2/10–2/17 off.
        "2024-02-01, -, -, -, 0, 2024-03-05",
        // 2025 National Day: 9/28 (Sun) and 10/11 (Sat) worked, 10/1–10/8 off.
        "2025-09-26, -, -, -, 0, 2025-10-30",
        // 2026 Spring Festival: 2/14 and 2/28 (Saturdays) worked, 2/15–2/23 off.
        "2026-02-13, -, -, -, 0, 2026-03-19",
        // Consultation 3/4–3/10 leaves out 3/5, 3/6, 3/9, 3/10; Qingming 4/4–4/6 lies beyond.
        "2026-03-02, 2026-03-04, 2026-03-10, -, 0, 2026-04-03",
        // Supplement arrives 5/6: count restarts; 5/9 (Sat) is a make-up working day.
        "2026-04-27, -, -, 2026-05-06, 0, 2026-06-02",
        // 20 days' extension across Mid-Autumn and National Day 2026 (9/20 and 10/10 worked).
        "2026-09-14, -, -, -, 20, 2026-11-13",
        // 2013 Spring Festival with the make-up weekend 2/16–2/17.
        "2013-02-07, -, -, -, 0, 2013-03-12",
        // 2019 National Day (9/29 and 10/12 worked) with a 10-day extension.
        "2019-09-27, -, -, -, 10, 2019-11-13",
        // A consultation spanning National Day 2025: nine working days (two make-up days among
        // them) not counted.
        "2025-09-22, 2025-09-24, 2025-10-13, -, 0, 2025-11-06",
        // A year without an entered notice counts weekends only.
        "2030-01-01, -, -, -, 0, 2030-01-29"
      })
  void countsWorkingDays(
      LocalDate received,
      LocalDate sent,
      LocalDate answered,
      LocalDate supplement,
      int extension,
      LocalDate due) {
    List<RequestEvent> history = new ArrayList<>();
    history.add(Steps.on(EventKind.REGISTERED, received));
    if (supplement != null) {
      history.add(Steps.on(EventKind.SUPPLEMENT_REQUESTED, received.plusDays(2)));
      history.add(Steps.on(EventKind.SUPPLEMENT_RECEIVED, supplement));
    }
    if (sent != null) {
      history.add(Steps.on(EventKind.CONSULTATION_SENT, sent));
      history.add(Steps.on(EventKind.CONSULTATION_ANSWERED, answered));
    }
    if (extension > 0) {
      history.add(Steps.extension(extension));
    }
    Deadline deadline = calculator.compute(history, days, TODAY);
    assertThat(deadline.dueOn()).isEqualTo(due);
    assertThat(deadline.status()).isEqualTo(Deadline.Status.RUNNING);
    assertThat(days.isWorkingDay(deadline.dueOn())).isTrue();
  }

  @Test
  void explainsTheCount() {
    Deadline d =
        calculator.compute(
            List.of(Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 2, 13))), days, TODAY);
    assertThat(d.countFrom()).isEqualTo(LocalDate.of(2026, 2, 13));
    assertThat(d.totalDays()).isEqualTo(20);
    assertThat(d.holidaysMet())
        .extracting(c -> c.date().toString())
        .contains("2026-02-16", "2026-02-23");
    assertThat(d.makeupWorkdaysMet())
        .extracting(c -> c.date().toString())
        .containsExactly("2026-02-14", "2026-02-28");
    assertThat(d.yearsWithoutCalendar()).isEmpty();

    Deadline future =
        calculator.compute(
            List.of(Steps.on(EventKind.REGISTERED, LocalDate.of(2030, 1, 1))), days, TODAY);
    assertThat(future.yearsWithoutCalendar()).containsExactly(2030);
  }

  @Test
  void pauseShowsTheDaysItLeftOut() {
    Deadline d =
        calculator.compute(
            List.of(
                Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
                Steps.on(EventKind.CONSULTATION_SENT, LocalDate.of(2026, 3, 4)),
                Steps.on(EventKind.CONSULTATION_ANSWERED, LocalDate.of(2026, 3, 10))),
            days,
            TODAY);
    assertThat(d.pauses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.workingDaysNotCounted()).isEqualTo(4);
              assertThat(p.open()).isFalse();
            });
  }

  @Test
  void anOpenPauseProjectsFromToday() {
    LocalDate today = LocalDate.of(2026, 3, 10);
    Deadline d =
        calculator.compute(
            List.of(
                Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
                Steps.on(EventKind.CONSULTATION_SENT, LocalDate.of(2026, 3, 4))),
            days,
            today);
    assertThat(d.status()).isEqualTo(Deadline.Status.PAUSED);
    assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 4, 3));
    assertThat(d.pauses()).singleElement().satisfies(p -> assertThat(p.open()).isTrue());
  }

  @Test
  void waitingForASupplementHasNoDueDate() {
    Deadline d =
        calculator.compute(
            List.of(
                Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
                Steps.on(EventKind.SUPPLEMENT_REQUESTED, LocalDate.of(2026, 3, 3)).days(15)),
            days,
            TODAY);
    assertThat(d.status()).isEqualTo(Deadline.Status.AWAITING_SUPPLEMENT);
    assertThat(d.dueOn()).isNull();
    assertThat(d.supplementDueOn()).isEqualTo(LocalDate.of(2026, 3, 24));
  }

  @Test
  void aFeeNoticePausesTheClockByDefaultAndNotWhenConfiguredSo() {
    List<RequestEvent> history =
        List.of(
            Steps.on(EventKind.REGISTERED, LocalDate.of(2026, 3, 2)),
            Steps.on(EventKind.FEE_NOTIFIED, LocalDate.of(2026, 3, 4)),
            Steps.on(EventKind.FEE_PAID, LocalDate.of(2026, 3, 10)));
    assertThat(calculator.compute(history, days, TODAY).dueOn())
        .isEqualTo(LocalDate.of(2026, 4, 3));
    assertThat(new DeadlineCalculator(false).compute(history, days, TODAY).dueOn())
        .isEqualTo(LocalDate.of(2026, 3, 30));
  }

  @Test
  void notRegisteredMeansNotStarted() {
    assertThat(
            calculator.compute(List.of(Steps.on(EventKind.SUBMITTED, TODAY)), days, TODAY).status())
        .isEqualTo(Deadline.Status.NOT_STARTED);
  }
}
