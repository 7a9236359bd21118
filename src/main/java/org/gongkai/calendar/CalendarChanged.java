package org.gongkai.calendar;

import java.time.LocalDate;

/** An announced day was added, changed or removed; deadlines counted across it may move. */
public record CalendarChanged(LocalDate date, String actor) {}
