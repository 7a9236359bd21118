package org.gongkai.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every year the platform ships, checked against the State Council's notices: the number of rest
 * days announced and every make-up working day, written out by hand from each notice (国办发明电 for the
 * year, and 国发明电〔2015〕1号 and 国办发明电〔2020〕1号 for the one-off changes).
 */
class ShippedHolidaysTests {

  @ParameterizedTest(name = "{0}: {1} rest days")
  @CsvSource(
      delimiter = ';',
      value = {
        // year; rest days; make-up working days
        "2013; 29; 2013-01-05 2013-01-06 2013-02-16 2013-02-17 2013-04-07 2013-04-27 2013-04-28 2013-06-08 2013-06-09 2013-09-22 2013-09-29 2013-10-12",
        "2014; 27; 2014-01-26 2014-02-08 2014-05-04 2014-09-28 2014-10-11",
        // 3–5 September: the 70th anniversary of the victory, Sunday 6 September worked
        // (国发明电〔2015〕1号)
        "2015; 31; 2015-01-04 2015-02-15 2015-02-28 2015-09-06 2015-10-10",
        "2016; 29; 2016-02-06 2016-02-14 2016-06-12 2016-09-18 2016-10-08 2016-10-09",
        "2017; 27; 2017-01-22 2017-02-04 2017-04-01 2017-05-27 2017-09-30",
        "2018; 29; 2018-02-11 2018-02-24 2018-04-08 2018-04-28 2018-09-29 2018-09-30",
        // Labour Day lengthened to 1–4 May by the notice of March 2019
        "2019; 30; 2018-12-29 2019-02-02 2019-02-03 2019-04-28 2019-05-05 2019-09-29 2019-10-12",
        // Spring Festival lengthened to 2 February, Saturday 1 February no longer worked
        // (国办发明电〔2020〕1号)
        "2020; 30; 2020-01-19 2020-04-26 2020-05-09 2020-06-28 2020-09-27 2020-10-10",
        "2021; 31; 2021-02-07 2021-02-20 2021-04-25 2021-05-08 2021-09-18 2021-09-26 2021-10-09",
        "2022; 31; 2022-01-29 2022-01-30 2022-04-02 2022-04-24 2022-05-07 2022-10-08 2022-10-09",
        "2023; 27; 2023-01-28 2023-01-29 2023-04-23 2023-05-06 2023-06-25 2023-10-07 2023-10-08",
        "2024; 28; 2024-02-04 2024-02-18 2024-04-07 2024-04-28 2024-05-11 2024-09-14 2024-09-29 2024-10-12",
        "2025; 28; 2025-01-26 2025-02-08 2025-04-27 2025-09-28 2025-10-11",
        "2026; 33; 2026-01-04 2026-02-14 2026-02-28 2026-05-09 2026-09-20 2026-10-10",
      })
  void eachYearHasTheRestDaysAndMakeUpDaysOfItsNotice(int year, int restDays, String makeUp) {
    List<CalendarDay> days = ShippedHolidays.byYear().get(year);
    assertThat(days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count()).isEqualTo(restDays);
    List<LocalDate> expected =
        Arrays.stream(makeUp.trim().split("\\s+")).map(LocalDate::parse).toList();
    assertThat(days.stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).map(CalendarDay::date))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(expected)
        .as("make-up working days fall on weekends")
        .allMatch(
            d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
    "2015-09-02, true",
    "2015-09-03, false", // Thursday, the anniversary
    "2015-09-04, false", // Friday, given in exchange for Sunday the 6th
    "2015-09-06, true",
    "2015-09-07, true",
    "2020-01-31, false",
    "2020-02-01, false", // the Saturday that was to be worked, released by the extension
    "2020-02-03, true",
  })
  void oneOffChangesAreCounted(LocalDate date, boolean working) {
    assertThat(ShippedCalendar.workingDays().isWorkingDay(date)).isEqualTo(working);
  }
}
