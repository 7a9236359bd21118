package org.gongkai.calendar.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.WorkingDays;

/** The calendar the platform ships, for tests that count deadlines without a database. */
public final class ShippedCalendar {

  private ShippedCalendar() {}

  public static WorkingDays workingDays() {
    var years = ShippedHolidays.byYear();
    List<CalendarDay> days = new ArrayList<>();
    years.values().forEach(days::addAll);
    return new WorkingDays(days, years.keySet());
  }
}
