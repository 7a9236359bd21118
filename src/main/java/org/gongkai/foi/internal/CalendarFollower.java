package org.gongkai.foi.internal;

import org.gongkai.calendar.CalendarChanged;
import org.gongkai.calendar.WorkingCalendar;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When the admin changes the calendar, open requests' due dates follow, each change logged on its
 * request.
 */
@Component
class CalendarFollower {

  private final RequestDays service;
  private final WorkingCalendar calendar;

  CalendarFollower(RequestDays service, WorkingCalendar calendar) {
    this.service = service;
    this.calendar = calendar;
  }

  @ApplicationModuleListener
  void on(CalendarChanged changed) {
    calendar.refresh();
    service.followCalendar(changed.actor());
  }
}
