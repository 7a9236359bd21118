package org.gongkai.calendar.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.calendar.YearCalendar;
import org.gongkai.shared.web.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public working-day calendar, so that applicants and other systems count the same way we do.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApi {

  /** Enough for any statutory period several times over; keeps a request from looping for ages. */
  private static final int MAX_DAYS = 1000;

  private final WorkingCalendar calendar;

  CalendarApi(WorkingCalendar calendar) {
    this.calendar = calendar;
  }

  record Day(LocalDate date, String name) {}

  record Year(int year, boolean announced, List<Day> holidays, List<Day> makeupWorkdays) {}

  record DateAnswer(LocalDate date) {}

  record WorkingDayAnswer(LocalDate date, boolean workingDay) {}

  @GetMapping("/{year}")
  Year year(@PathVariable int year) {
    if (year < 1949 || year > 2200) {
      throw Refusal.invalidField("year", "calendar.year.out-of-range");
    }
    YearCalendar y = calendar.current().year(year);
    return new Year(y.year(), y.announced(), days(y.holidays()), days(y.makeupWorkdays()));
  }

  @GetMapping("/add-working-days")
  DateAnswer addWorkingDays(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam int days) {
    if (days < 0 || days > MAX_DAYS) {
      throw Refusal.invalidField("days", "calendar.days.out-of-range", String.valueOf(MAX_DAYS));
    }
    WorkingDays current = calendar.current();
    return new DateAnswer(current.addWorkingDays(from, days));
  }

  @GetMapping("/is-working-day")
  WorkingDayAnswer isWorkingDay(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return new WorkingDayAnswer(date, calendar.current().isWorkingDay(date));
  }

  private static List<Day> days(List<CalendarDay> days) {
    return days.stream().map(d -> new Day(d.date(), d.name())).toList();
  }
}
