package org.gongkai.calendar;

import java.util.List;

/**
 * One year's announced days. {@code announced} is false for a year the State Council's notice has
 * not been entered for: its dates then count weekends only.
 */
public record YearCalendar(
    int year, boolean announced, List<CalendarDay> holidays, List<CalendarDay> makeupWorkdays) {}
