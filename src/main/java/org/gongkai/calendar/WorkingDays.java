package org.gongkai.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An immutable snapshot of the calendar and the arithmetic on it. Weekends are rest days unless
 * announced as make-up working days; announced holidays are rest days whatever the weekday.
 */
public final class WorkingDays {

  /**
   * Further than any statutory period can reach; guards the loops against a calendar of only
   * holidays.
   */
  private static final int MAX_SCAN_DAYS = 3660;

  private final TreeMap<LocalDate, CalendarDay> days;
  private final Set<Integer> announcedYears;

  public WorkingDays(Collection<CalendarDay> announced, Collection<Integer> announcedYears) {
    TreeMap<LocalDate, CalendarDay> map = new TreeMap<>();
    announced.forEach(d -> map.put(d.date(), d));
    this.days = map;
    this.announcedYears = Set.copyOf(announcedYears);
  }

  public static WorkingDays weekendsOnly() {
    return new WorkingDays(List.of(), List.of());
  }

  public boolean isWorkingDay(LocalDate date) {
    CalendarDay day = days.get(date);
    if (day != null) {
      return day.kind() == DayKind.MAKEUP_WORKDAY;
    }
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /**
   * The {@code count}-th working day strictly after {@code from}: the day of receipt is not
   * counted.
   */
  public LocalDate addWorkingDays(LocalDate from, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    LocalDate day = from;
    int found = 0;
    int scanned = 0;
    while (found < count) {
      day = day.plusDays(1);
      if (++scanned > MAX_SCAN_DAYS + count) {
        throw new IllegalStateException("no working days after " + from);
      }
      if (isWorkingDay(day)) {
        found++;
      }
    }
    return day;
  }

  /** Working days in (fromExclusive, toInclusive]; zero when the range is empty. */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    int n = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        n++;
      }
    }
    return n;
  }

  /** Announced days in (fromExclusive, toInclusive], for showing how a deadline was counted. */
  public List<CalendarDay> announcedBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    if (!toInclusive.isAfter(fromExclusive)) {
      return List.of();
    }
    return new ArrayList<>(days.subMap(fromExclusive, false, toInclusive, true).values());
  }

  public boolean isAnnounced(int year) {
    return announcedYears.contains(year);
  }

  public YearCalendar year(int year) {
    Map<LocalDate, CalendarDay> inYear =
        days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
    return new YearCalendar(
        year,
        isAnnounced(year),
        inYear.values().stream().filter(d -> d.kind() == DayKind.HOLIDAY).toList(),
        inYear.values().stream().filter(d -> d.kind() == DayKind.MAKEUP_WORKDAY).toList());
  }

  /** A copy with one more announced day (or a changed one), for what-if checks. */
  public WorkingDays with(CalendarDay day) {
    List<CalendarDay> all = new ArrayList<>(days.values());
    all.removeIf(d -> d.date().equals(day.date()));
    all.add(day);
    return new WorkingDays(all, announcedYears);
  }
}
