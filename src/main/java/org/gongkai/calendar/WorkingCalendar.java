package org.gongkai.calendar;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;

/** The platform's working-day calendar: read by every deadline, edited by the platform admin. */
public interface WorkingCalendar {

  /** The calendar as it stands now; cheap to call, never null. */
  WorkingDays current();

  /**
   * Re-reads the calendar from the database: another node, or a transaction just committed, may
   * have changed it.
   */
  WorkingDays refresh();

  /** Years from {@code from} to {@code to} whose holidays have not been entered. */
  List<Integer> missingYears(int from, int to);

  /**
   * Adds or changes an announced day; marks its year as announced. Platform admin only, audited.
   */
  void setDay(CalendarDay day, Staff actor);

  /**
   * Removes an announced day, so that it counts by its weekday again. Platform admin only, audited.
   */
  void removeDay(LocalDate date, Staff actor);

  /** Marks a year as announced even if it has no entries yet. Platform admin only, audited. */
  void markAnnounced(int year, Staff actor);
}
