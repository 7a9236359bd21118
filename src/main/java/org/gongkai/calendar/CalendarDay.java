package org.gongkai.calendar;

import java.time.LocalDate;

/** One announced day: a holiday or a make-up working day, with the holiday it belongs to. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {}
