package org.gongkai.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.gongkai.calendar.WorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTests {

  private final WorkingDays days = ShippedCalendar.workingDays();

  @Test
  void everyYearFrom2013To2026IsShipped() {
    IntStream.rangeClosed(2013, 2026)
        .forEach(y -> assertThat(days.isAnnounced(y)).as("year %d", y).isTrue());
    assertThat(days.isAnnounced(2027)).isFalse();
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2026-02-14, true", // Saturday worked before Spring Festival
    "2026-02-16, false", // Spring Festival eve, a Monday
    "2026-02-23, false", // last day of the nine-day break
    "2026-02-24, true",
    "2026-02-28, true", // make-up Saturday after the break
    "2026-09-20, true", // make-up Sunday before National Day
    "2026-10-07, false",
    "2026-10-10, true",
    "2025-10-08, false",
    "2025-10-11, true",
    "2024-02-18, true",
    "2020-01-31, false", // the 2020 Spring Festival extension
    "2019-05-04, false",
    "2013-02-16, true",
    "2026-11-28, false", // an ordinary Saturday
    "2026-11-27, true",
    "2030-01-01, true" // no notice entered yet: weekdays work
  })
  void knowsHolidaysAndMakeUpDays(LocalDate date, boolean working) {
    assertThat(days.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void theDayOfReceiptIsNotCounted() {
    LocalDate friday = LocalDate.of(2026, 11, 27);
    assertThat(days.addWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(days.addWorkingDays(friday, 0)).isEqualTo(friday);
    assertThat(days.workingDaysBetween(friday, LocalDate.of(2026, 11, 30))).isEqualTo(1);
  }

  @Test
  void aYearListsItsHolidaysAndMakeUpDays() {
    var year = days.year(2026);
    assertThat(year.announced()).isTrue();
    assertThat(year.makeupWorkdays())
        .extracting(d -> d.date().toString())
        .containsExactly(
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertThat(year.holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
  }
}
